/** An ad-hoc announcement as the server pushes it. */
export interface Announcement {
  id: number;
  title?: string;
  text?: string;
  mediaId?: string;
  priority: 'normal' | 'urgent' | 'emergency';
  /** ISO instant, or null for now. */
  at: string | null;
  repeat: number;
  /** Seconds of quiet between plays; absent from servers before it could be chosen (1 s). */
  intervalS?: number;
  audioUrl: string;
  durationMs: number;
  targets: 'all' | number[];
  status?: string;
  createdAt?: string;
}

/** One play of an announcement, waiting: which play it is (0 = the first) and when it is due. */
export interface DuePlay {
  a: Announcement;
  play: number;
  /** Server ms; 0 = at once. */
  dueMs: number;
  /** What the as-played log gives as planned: the time set, or when it was made (0: unknown). */
  plannedMs: number;
}

/** How far one announcement has got on this player: kept across reloads. */
interface Progress {
  played: number;
  nextMs: number;
}

const RANK = { emergency: 0, urgent: 1, normal: 2 } as const;
const KEPT = 500;
/** Before intervals, the queue kept the ids of announcements it had played, under this key. */
const LEGACY_KEY = 'deskcast.announcements.played';

export const intervalOf = (a: Announcement) => a.intervalS ?? 1;

/**
 * Announcements waiting to play: the most urgent first, then the earliest. Never two at once.
 * Each play is queued on its own, so a repeat an interval later waits its turn like any other.
 */
export class AnnouncementQueue {
  private _waiting: DuePlay[] = [];
  private readonly _progress: Map<number, Progress>;

  constructor(private readonly _storageKey = 'deskcast.announcements.progress') {
    const stored = JSON.parse(localStorage.getItem(_storageKey) ?? '[]') as [number, Progress][];
    this._progress = new Map(stored);
    // Played before this version: played in full, whatever their repeat count.
    const legacy = localStorage.getItem(LEGACY_KEY);
    if (legacy === null) return;
    for (const id of JSON.parse(legacy) as number[])
      if (!this._progress.has(id)) this._remember(id, { played: Infinity, nextMs: 0 });
    localStorage.removeItem(LEGACY_KEY);
  }

  /** Queues what is left of it to play, unless that is nothing (also across reloads). */
  add(a: Announcement, deviceId: number | undefined): void {
    if (a.status === 'cancelled') return this.cancel(a.id);
    if (this._waiting.some((w) => w.a.id === a.id)) return;
    if (a.targets !== 'all' && (deviceId === undefined || !a.targets.includes(deviceId))) return;
    const p = this._progress.get(a.id);
    const played = p?.played ?? 0;
    if (played >= a.repeat) return;
    const asked = a.at ? Date.parse(a.at) : 0;
    const made = a.createdAt ? Date.parse(a.createdAt) : 0;
    this._push({
      a,
      play: played,
      dueMs: p ? p.nextMs : asked,
      plannedMs: p ? p.nextMs : asked || made,
    });
  }

  cancel(id: number): void {
    this._waiting = this._waiting.filter((w) => w.a.id !== id);
  }

  /** The next play due at `now` (server ms), without taking it. */
  peekDue(now: number): DuePlay | undefined {
    return this._waiting.find((w) => w.dueMs <= now);
  }

  /** Takes the next play due at `now` off the queue; `played` then says how many went out. */
  takeDue(now: number): DuePlay | undefined {
    const i = this._waiting.findIndex((w) => w.dueMs <= now);
    if (i < 0) return undefined;
    return this._waiting.splice(i, 1)[0];
  }

  /**
   * `count` plays from `from` went on air, the last ending at `endsMs` (server ms): remembered,
   * and the next play, if any, queued an interval after that end.
   */
  played(from: DuePlay, count: number, endsMs: number): void {
    const played = from.play + count;
    const nextMs = endsMs + intervalOf(from.a) * 1000;
    this._remember(from.a.id, { played, nextMs });
    if (played < from.a.repeat)
      this._push({ a: from.a, play: played, dueMs: nextMs, plannedMs: nextMs });
  }

  /** It cannot be played here (its audio will not load): nothing more of it is tried. */
  drop(id: number): void {
    this.cancel(id);
    this._remember(id, { played: Infinity, nextMs: 0 });
  }

  get size(): number {
    return this._waiting.length;
  }

  private _push(w: DuePlay): void {
    this._waiting.push(w);
    this._waiting.sort((x, y) => RANK[x.a.priority] - RANK[y.a.priority] || x.dueMs - y.dueMs);
  }

  private _remember(id: number, p: Progress): void {
    this._progress.delete(id);
    this._progress.set(id, p);
    const kept = [...this._progress].slice(-KEPT);
    // Infinity is not JSON: a play count past any repeat stands for "played in full".
    const json = kept.map(([k, v]) => [k, { ...v, played: Math.min(v.played, 1000) }]);
    localStorage.setItem(this._storageKey, JSON.stringify(json));
  }
}
