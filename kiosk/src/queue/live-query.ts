import { EventStream, type StreamEventType, type StreamState } from '../lib/event-stream.ts';
import { QueueError } from './queue-client.ts';

export interface LiveQueryOptions<T> {
  load: () => Promise<T>;
  /** The device token for the event stream; none for a signed-in person (the cookie is sent). */
  streamToken?: string | undefined;
  /** Fetched again this often whatever the stream says: a screen must never stay stale. */
  refreshMs: number;
  /** Events after which the data is fetched again. */
  refetchOn: readonly StreamEventType[];
  onEvent?: (type: StreamEventType, data: unknown) => void;
  /** A 401 (signed out elsewhere, device revoked). */
  onUnauthorised?: () => void;
}

/**
 * Data that stays current: fetched on start, after the events that say it changed, on every
 * (re)connection of the stream (events may have been missed meanwhile) and every `refreshMs`
 * (an event lost anyway, a clock-driven change like opening hours). Fetches are coalesced: a
 * burst of events costs at most one fetch in flight and one after it.
 */
export class LiveQuery<T> {
  value?: T;
  error = '';
  stream: StreamState = 'connecting';
  /** Local ms of the last successful fetch. */
  loadedAt = 0;
  private _o?: LiveQueryOptions<T>;
  private _events?: EventStream;
  private _timer?: ReturnType<typeof setInterval>;
  private _inFlight?: Promise<void>;
  private _again = false;

  /** `changed` is called after every change a page may show (a host's requestUpdate). */
  constructor(private readonly _changed: () => void) {}

  /** Starts (or restarts) fetching and listening; the owning controller calls `stop()`. */
  start(o: LiveQueryOptions<T>): void {
    this.stop();
    this._o = o;
    this._events = new EventStream(
      o.streamToken ?? '',
      (type, data) => {
        o.onEvent?.(type, data);
        if (type === 'resync' || o.refetchOn.includes(type)) void this.refresh();
      },
      (state) => {
        this.stream = state;
        if (state === 'open') void this.refresh();
        this._changed();
      },
    );
    this._events.start();
    this._timer = setInterval(() => void this.refresh(), o.refreshMs);
    void this.refresh();
  }

  stop(): void {
    this._events?.stop();
    this._events = undefined;
    clearInterval(this._timer);
    this._o = undefined;
  }

  /** Fetches now, or right after the fetch in flight. */
  refresh(): Promise<void> {
    if (this._inFlight) {
      this._again = true;
      return this._inFlight;
    }
    this._inFlight = this._load().finally(() => {
      this._inFlight = undefined;
      if (this._again) {
        this._again = false;
        void this.refresh();
      }
    });
    return this._inFlight;
  }

  private async _load(): Promise<void> {
    const o = this._o;
    if (!o) return;
    try {
      this.value = await o.load();
      this.loadedAt = Date.now();
      this.error = '';
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      if (err instanceof QueueError && err.status === 401) o.onUnauthorised?.();
    }
    this._changed();
  }
}
