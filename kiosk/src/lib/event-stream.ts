export type StreamState = 'connecting' | 'open' | 'down';

const TYPES = [
  'hello',
  'ping',
  'resync',
  'plan-changed',
  'schedule-changed',
  'media-changed',
  'promos-changed',
  'merchants-changed',
  'announcement',
  'announcement-cancelled',
  'announcement-played',
  'announcement-templates-changed',
  'playback-state',
  'devices-changed',
  'queue-changed',
  'queue-called',
  'queue-rating',
  'weather-changed',
  'guide-changed',
  // The nightly overdue digest (#13), for the reports page.
  'records-digest',
] as const;
export type StreamEventType = (typeof TYPES)[number];

/** No event (heartbeats included) for this long means the connection is dead. */
const SILENCE_MS = 45_000;

/**
 * EventSource that never gives up: the browser's own gives up for good on any non-200 answer
 * (a 502 from a proxy, a 503 while the server restarts). Reconnects with backoff and jitter,
 * and resumes from the last event id it saw.
 */
export class EventStream {
  state: StreamState = 'connecting';
  private _source?: EventSource;
  private _lastId?: string;
  private _retry?: ReturnType<typeof setTimeout>;
  private _watchdog?: ReturnType<typeof setInterval>;
  private _lastHeard = 0;
  private _failures = 0;
  private _stopped = false;

  constructor(
    private readonly _token: string,
    private readonly _onEvent: (type: StreamEventType, data: unknown) => void,
    private readonly _onState: (state: StreamState) => void,
  ) {}

  start(): void {
    this._stopped = false;
    this._open();
    this._watchdog = setInterval(() => {
      if (this.state === 'open' && Date.now() - this._lastHeard > SILENCE_MS) this._reconnect();
    }, 5000);
  }

  stop(): void {
    this._stopped = true;
    clearTimeout(this._retry);
    clearInterval(this._watchdog);
    this._source?.close();
  }

  private _setState(state: StreamState): void {
    if (state === this.state) return;
    this.state = state;
    this._onState(state);
  }

  private _open(): void {
    const url = new URL('/api/events', location.origin);
    // No token: a signed-in person's page (the counter), whose session cookie is sent instead.
    if (this._token) url.searchParams.set('token', this._token);
    if (this._lastId) url.searchParams.set('lastEventId', this._lastId);
    const source = new EventSource(url);
    this._source = source;
    this._lastHeard = Date.now();
    for (const type of TYPES) {
      source.addEventListener(type, (e) => {
        const m = e as MessageEvent<string>;
        this._lastHeard = Date.now();
        if (m.lastEventId) this._lastId = m.lastEventId;
        if (type === 'hello') {
          this._failures = 0;
          this._setState('open');
        }
        let data: unknown = {};
        try {
          data = JSON.parse(m.data);
        } catch {
          /* a malformed event is ignored, the stream is not */
        }
        this._onEvent(type, data);
      });
    }
    source.onerror = () => {
      this._setState(this._failures > 0 ? 'down' : 'connecting');
      // CLOSED: the browser will not retry by itself (a non-200 answer). CONNECTING: it will,
      // but after our own backoff so a restarting server is not hammered.
      this._reconnect();
    };
  }

  private _reconnect(): void {
    if (this._stopped) return;
    this._source?.close();
    clearTimeout(this._retry);
    this._failures++;
    const base = Math.min(30_000, 1000 * 2 ** Math.min(this._failures - 1, 5));
    const delay = base / 2 + Math.random() * (base / 2);
    this._setState(this._failures > 1 ? 'down' : 'connecting');
    this._retry = setTimeout(() => this._open(), delay);
  }
}
