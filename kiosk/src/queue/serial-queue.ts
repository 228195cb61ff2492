/** What the queue does with one item, and the item's identity and age. */
export interface SerialQueueOptions<T> {
  play: (item: T) => Promise<void>;
  /** Same key, same item: a call delivered twice (a replay after a reconnect) plays once. */
  key: (item: T) => string;
  now: () => number;
  /** An item that waited longer than this is dropped: a call from minutes ago helps nobody. */
  maxAgeMs: number;
  onDrop?: (item: T, reason: 'stale' | 'duplicate' | 'failed', error?: unknown) => void;
}

const REMEMBERED_KEYS = 200;

/**
 * Plays items strictly one after another, never two at once, in the order they arrived (the
 * queue-display trackers' complaint: a new call cut off the one being spoken). Pure: no DOM,
 * no audio; the player is given.
 */
export class SerialQueue<T> {
  private readonly _waiting: { item: T; at: number }[] = [];
  private readonly _seen: string[] = [];
  private _running?: Promise<void>;

  constructor(private readonly _o: SerialQueueOptions<T>) {}

  /** Items waiting their turn (not counting the one playing). */
  get pending(): number {
    return this._waiting.length;
  }

  /** The items waiting their turn, in the order they will play. */
  get queued(): T[] {
    return this._waiting.map((w) => w.item);
  }

  get busy(): boolean {
    return this._running !== undefined;
  }

  /** Adds an item; `at` is when it happened (ms), if known, else now. */
  push(item: T, at = this._o.now()): void {
    const key = this._o.key(item);
    if (this._seen.includes(key)) {
      this._o.onDrop?.(item, 'duplicate');
      return;
    }
    this._seen.push(key);
    if (this._seen.length > REMEMBERED_KEYS) this._seen.shift();
    this._waiting.push({ item, at });
    this._kick();
  }

  /** Resolves once everything queued so far has played. */
  async idle(): Promise<void> {
    while (this._running) await this._running;
  }

  private _kick(): void {
    if (this._running) return;
    this._running = this._drain().finally(() => {
      this._running = undefined;
      // Pushed while the last play was finishing: go on.
      if (this._waiting.length > 0) this._kick();
    });
  }

  private async _drain(): Promise<void> {
    for (let next = this._waiting.shift(); next; next = this._waiting.shift()) {
      if (this._o.now() - next.at > this._o.maxAgeMs) {
        this._o.onDrop?.(next.item, 'stale');
        continue;
      }
      try {
        await this._o.play(next.item);
      } catch (err) {
        this._o.onDrop?.(next.item, 'failed', err);
      }
    }
  }
}
