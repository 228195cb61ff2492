/** An ad-hoc announcement as the server pushes it. */
export interface Announcement {
  id: number;
  title?: string;
  text?: string;
  priority: 'normal' | 'urgent' | 'emergency';
  /** ISO instant, or null for now. */
  at: string | null;
  repeat: number;
  audioUrl: string;
  durationMs: number;
  targets: 'all' | number[];
  status?: string;
}

const RANK = { emergency: 0, urgent: 1, normal: 2 } as const;

/** Announcements waiting to play: the most urgent first, then the earliest. Never two at once. */
export class AnnouncementQueue {
  private _waiting: Announcement[] = [];
  private readonly _seen: Set<number>;

  constructor(private readonly _storageKey = 'deskcast.announcements.played') {
    this._seen = new Set(JSON.parse(localStorage.getItem(_storageKey) ?? '[]') as number[]);
  }

  /** Queues it unless it was played (or queued) before, also across reloads. */
  add(a: Announcement, deviceId: number | undefined): void {
    if (
      a.status === 'cancelled' ||
      this._seen.has(a.id) ||
      this._waiting.some((w) => w.id === a.id)
    )
      return;
    if (a.targets !== 'all' && (deviceId === undefined || !a.targets.includes(deviceId))) return;
    this._waiting.push(a);
    this._waiting.sort((x, y) => RANK[x.priority] - RANK[y.priority] || dueAt(x) - dueAt(y));
  }

  cancel(id: number): void {
    this._waiting = this._waiting.filter((a) => a.id !== id);
  }

  /** The next announcement due at `now` (server ms), taken off the queue and remembered. */
  takeDue(now: number): Announcement | undefined {
    const i = this._waiting.findIndex((a) => dueAt(a) <= now);
    if (i < 0) return undefined;
    const [a] = this._waiting.splice(i, 1);
    if (!a) return undefined;
    this._seen.add(a.id);
    localStorage.setItem(this._storageKey, JSON.stringify([...this._seen].slice(-500)));
    return a;
  }

  peekDue(now: number): Announcement | undefined {
    return this._waiting.find((a) => dueAt(a) <= now);
  }

  get size(): number {
    return this._waiting.length;
  }
}

function dueAt(a: Announcement): number {
  return a.at ? Date.parse(a.at) : 0;
}
