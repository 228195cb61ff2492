import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deviceToken } from '../lib/api.ts';
import { LiveQuery } from '../queue/live-query.ts';
import type { GuideData } from './guide-types.ts';
import { LogoCache } from './logo-cache.ts';

/** Back to the attract loop after this long without a touch (the 60 s). */
export const IDLE_MS = 60_000;
/** The last answer, kept for a restart without the server (README: offline). */
export const GUIDE_CACHE = 'deskcast-guide-v1';
const DATA_URL = '/api/guide';

/**
 * `?idle=<seconds>` on the page's address: a mall whose screen stands where people linger
 * may want longer (the kiosk's start command sets it); never below 15 s.
 */
export function idleMsFrom(search: string): number {
  const s = Number(new URLSearchParams(search).get('idle'));
  return Number.isFinite(s) && s >= 15 ? s * 1000 : IDLE_MS;
}

/**
 * What the guide screen runs: its data (live: fetched on start, on the events that say it
 * changed, on every reconnection and every minute, a 304 when nothing did), kept in the Cache
 * API for a start without the server; the clock; the idle timer that brings the attract loop
 * back; the logos.
 */
export class GuideController implements ReactiveController {
  token = deviceToken();
  readonly live: LiveQuery<GuideData>;
  readonly logos: LogoCache;
  /** The last fetch failed: what is shown is what was kept. */
  offline = false;
  attract = false;
  now = Date.now();
  readonly idleMs = idleMsFrom(location.search);
  /** Called when the idle time has passed (the page resets its views). */
  onIdle?: () => void;
  private _etag = '';
  private _idle?: ReturnType<typeof setTimeout>;
  private _clock?: ReturnType<typeof setInterval>;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
    this.live = new LiveQuery(() => _host.requestUpdate());
    this.logos = new LogoCache(this.token ?? '', () => _host.requestUpdate());
  }

  hostConnected(): void {
    if (!this.token) return;
    this.live.start({
      load: () => this._load(),
      streamToken: this.token,
      refreshMs: 60_000,
      refetchOn: [
        'merchants-changed',
        'promos-changed',
        'weather-changed',
        'guide-changed',
        'plan-changed',
        'schedule-changed',
      ],
    });
    this._clock = setInterval(() => {
      this.now = Date.now();
      this._host.requestUpdate();
    }, 1000);
    this.touch();
    addEventListener('online', this._recheck);
    addEventListener('offline', this._recheck);
    Object.defineProperty(globalThis, '__deskcastGuide', {
      value: guideView(this),
      configurable: true,
    });
  }

  hostDisconnected(): void {
    this.live.stop();
    clearInterval(this._clock);
    clearTimeout(this._idle);
    removeEventListener('online', this._recheck);
    removeEventListener('offline', this._recheck);
  }

  /** The network came or went: find out now, not at the next minute. */
  private readonly _recheck = () => void this.live.refresh();

  get data(): GuideData | undefined {
    return this.live.value;
  }

  /** Someone touched the screen: out of the attract loop, and the idle clock starts again. */
  touch(): void {
    clearTimeout(this._idle);
    if (this.attract) {
      this.attract = false;
      this._host.requestUpdate();
    }
    this._idle = setTimeout(() => {
      this.attract = true;
      this.onIdle?.();
      this._host.requestUpdate();
    }, this.idleMs);
  }

  private async _load(): Promise<GuideData> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (this._etag && this.live.value) headers['If-None-Match'] = this._etag;
    let res: Response;
    try {
      res = await fetch(DATA_URL, { headers, cache: 'no-store' });
    } catch (err) {
      return this._fallback(err);
    }
    if (res.status === 304 && this.live.value) {
      this.offline = false;
      return this.live.value;
    }
    if (!res.ok) {
      if (res.status === 401 || res.status === 403)
        throw new Error(`${res.status} ${await res.text()}`);
      return this._fallback(new Error(`${res.status}`));
    }
    this._etag = res.headers.get('ETag') ?? '';
    const keep = res.clone();
    const data = (await res.json()) as GuideData;
    this.offline = false;
    if ('caches' in globalThis)
      void caches
        .open(GUIDE_CACHE)
        .then((c) => c.put(DATA_URL, keep))
        .catch(() => undefined);
    return data;
  }

  /** The server is away: what is on screen stays, or what was kept from the last answer. */
  private async _fallback(err: unknown): Promise<GuideData> {
    this.offline = true;
    if (this.live.value) return this.live.value;
    const kept =
      'caches' in globalThis
        ? await (await caches.open(GUIDE_CACHE)).match(DATA_URL).catch(() => undefined)
        : undefined;
    if (kept) return (await kept.json()) as GuideData;
    throw err;
  }
}

/** What a test waits on: read-only facts, never the controller. */
function guideView(c: GuideController) {
  return Object.freeze({
    get loaded() {
      return !!c.data;
    },
    get offline() {
      return c.offline;
    },
    get attract() {
      return c.attract;
    },
    get stream() {
      return c.live.stream;
    },
  });
}
