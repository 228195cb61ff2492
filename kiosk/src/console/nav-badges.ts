import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleApi } from './console-api.ts';
import type { Role } from './console-context.ts';
import { pagesFor } from './nav.ts';

/** What a page's nav item counts, and the reminder shown above the console's other pages. */
export interface NavBadge {
  count: number;
  variant: 'danger' | 'warning';
  zh: string;
  en: string;
}

/** Where a page's badge comes from: a GET, and how to read a badge out of its answer. */
export interface NavBadgeSource {
  path: string;
  /** None when there is nothing to remind of. */
  read(body: unknown): NavBadge | undefined;
}

/** Fired on `window` by a page whose change may move a badge: they are read again at once. */
export const BADGES_STALE = 'dc-badges-stale';

/** Deadlines pass with nobody changing anything: the badges are read again each minute. */
const EVERY_MS = 60_000;

/**
 * The badges of the pages this person may use, read when they sign in, every minute, when a
 * page says it changed something, and when the event stream comes back.
 */
export class NavBadges implements ReactiveController {
  /** Page path → its badge; a new map on each read, so the elements given it redraw. */
  badges = new Map<string, NavBadge>();
  private _timer?: ReturnType<typeof setInterval>;
  private _seq = 0;
  private readonly _refresh = () => void this.read();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _who: () => { api: ConsoleApi; role: Role } | undefined,
    private readonly _events: EventTarget,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._timer = setInterval(this._refresh, EVERY_MS);
    window.addEventListener(BADGES_STALE, this._refresh);
    this._events.addEventListener('resync', this._refresh);
  }

  hostDisconnected(): void {
    clearInterval(this._timer);
    window.removeEventListener(BADGES_STALE, this._refresh);
    this._events.removeEventListener('resync', this._refresh);
  }

  async read(): Promise<void> {
    const who = this._who();
    const seq = ++this._seq;
    if (!who) {
      this.badges = new Map();
      this._host.requestUpdate();
      return;
    }
    const next = new Map<string, NavBadge>();
    await Promise.all(
      pagesFor(who.role).map(async (p) => {
        if (!p.badge) return;
        try {
          const badge = p.badge.read(await who.api.get(p.badge.path));
          if (badge) next.set(p.path, badge);
        } catch {
          // Unreachable or refused: keep what the last read said (the banner tells of outages).
          const kept = this.badges.get(p.path);
          if (kept) next.set(p.path, kept);
        }
      }),
    );
    if (seq !== this._seq) return;
    this.badges = next;
    this._host.requestUpdate();
  }
}
