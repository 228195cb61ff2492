import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleSession } from '../console-context.ts';
import type { Complaint, DueList } from './complaint-types.ts';

/** Other desks record complaints too, and deadlines pass unseen: both are read each minute. */
const READ_EVERY_MS = 60_000;
/** Countdowns move on between reads. */
const TICK_MS = 15_000;

/**
 * The complaints page's data, kept live: the due board and the register for the period asked
 * (`range`, a query string), read on open, each minute, when the stream comes back, and on
 * `read()` after a change. `now()` is the server's clock (a desk PC's may be off), so a
 * countdown agrees with the server's lists.
 */
export class ComplaintsLive implements ReactiveController {
  due?: DueList;
  list?: Complaint[];
  /** Open complaints escalated to the department manager: read for a manager (or admin). */
  escalated?: Complaint[];
  error?: string;
  private _range = '';
  private _offset = 0;
  private _seq = 0;
  private _timers: ReturnType<typeof setInterval>[] = [];
  private readonly _onStream = (e: Event) => {
    if ((e as CustomEvent<string>).detail === 'open') void this.read();
  };
  private readonly _onResync = () => void this.read();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession,
  ) {
    _host.addController(this);
  }

  /** The server's time now. */
  now(): number {
    return Date.now() + this._offset;
  }

  /** The register's period, as `from=&to=`: read at once when it changes. */
  set range(q: string) {
    if (q === this._range) return;
    this._range = q;
    this.list = undefined;
    void this.read();
  }

  hostConnected(): void {
    const events = this._session().events;
    events.addEventListener('stream-state', this._onStream);
    events.addEventListener('resync', this._onResync);
    this._timers = [
      setInterval(() => void this.read(), READ_EVERY_MS),
      setInterval(() => this._host.requestUpdate(), TICK_MS),
    ];
    if (this._range) void this.read();
  }

  hostDisconnected(): void {
    const events = this._session().events;
    events.removeEventListener('stream-state', this._onStream);
    events.removeEventListener('resync', this._onResync);
    this._timers.forEach(clearInterval);
  }

  async read(): Promise<void> {
    if (!this._range) return;
    const { api, me } = this._session();
    const seq = ++this._seq;
    const manages = me.role === 'manager' || me.role === 'admin';
    try {
      const sent = Date.now();
      const [due, list, escalated] = await Promise.all([
        api.get<DueList>('/api/complaints/due'),
        api.get<{ complaints: Complaint[] }>(`/api/complaints?${this._range}`),
        manages
          ? api.get<{ complaints: Complaint[] }>('/api/complaints/escalated')
          : Promise.resolve(undefined),
      ]);
      if (seq !== this._seq) return;
      this._offset = Date.parse(due.at) - (sent + Date.now()) / 2;
      this.due = due;
      this.list = list.complaints;
      this.escalated = escalated?.complaints;
      this.error = undefined;
    } catch (err) {
      if (seq !== this._seq) return;
      this.error = err instanceof Error ? err.message : String(err);
    }
    this._host.requestUpdate();
  }
}
