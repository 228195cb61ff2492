import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleSession } from '../console-context.ts';
import type { QueueToday } from './queue-data.ts';

/** Changes come in bursts (a take, then a call): one read after the burst settles. */
const SETTLE_MS = 250;
/** "Waited so far" moves on even when nothing changes. */
const TICK_MS = 15_000;

/**
 * Today's queue, kept live: read when the page opens, again on every `queue-changed` and
 * `queue-called` event and whenever the event stream comes back (changes may have been missed),
 * and the host redrawn every few seconds so waits keep counting.
 */
export class QueueLiveController implements ReactiveController {
  data?: QueueToday;
  error?: string;
  /** The server's time now, for the waits on screen; moves with the tick. */
  now = Date.now();
  /** Server clock minus this browser's, from the last read (a desk PC's clock may be off). */
  private _offset = 0;
  private _settle?: ReturnType<typeof setTimeout>;
  private _tick?: ReturnType<typeof setInterval>;
  private _reading = false;
  private _again = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    const events = this._session().events;
    for (const type of ['queue-changed', 'queue-called']) events.addEventListener(type, this._soon);
    events.addEventListener('stream-state', this._onStream);
    this._tick = setInterval(() => {
      this.now = Date.now() + this._offset;
      this._host.requestUpdate();
    }, TICK_MS);
    void this.read();
  }

  hostDisconnected(): void {
    const events = this._session().events;
    for (const type of ['queue-changed', 'queue-called'])
      events.removeEventListener(type, this._soon);
    events.removeEventListener('stream-state', this._onStream);
    clearTimeout(this._settle);
    clearInterval(this._tick);
  }

  /** Reads everything again; a read asked for while one runs follows it. */
  async read(): Promise<void> {
    if (this._reading) {
      this._again = true;
      return;
    }
    this._reading = true;
    const { api } = this._session();
    try {
      const sent = Date.now();
      const [state, counters, waiting, figures, time] = await Promise.all([
        api.get<QueueToday['state']>('/api/queue/state'),
        api.get<QueueToday['counters']>('/api/queue/counters'),
        api.get<QueueToday['waiting']>('/api/queue/waiting'),
        api.get<QueueToday['figures']>('/api/queue/figures'),
        api.get<{ now: number }>('/api/time'),
      ]);
      const back = Date.now();
      this._offset = time.now - (sent + back) / 2;
      this.now = back + this._offset;
      this.data = { state, counters, waiting, figures, readAt: this.now };
      this.error = undefined;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this._reading = false;
      this._host.requestUpdate();
    }
    if (this._again) {
      this._again = false;
      void this.read();
    }
  }

  private readonly _soon = () => {
    clearTimeout(this._settle);
    this._settle = setTimeout(() => void this.read(), SETTLE_MS);
  };

  private readonly _onStream = (e: Event) => {
    if ((e as CustomEvent<string>).detail === 'open') this._soon();
  };
}
