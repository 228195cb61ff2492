import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addDays } from '../../../../core/zoned-time.ts';
import type { ConsoleSession } from '../console-context.ts';
import type { WeatherDay } from './weather-types.ts';

export type DaysState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; today: WeatherDay; tomorrow: WeatherDay };

/** Events after which the page asks again: a forecast changed, a plan was recompiled. */
const RELOAD_ON = ['weather-changed', 'plan-changed', 'resync'] as const;

/**
 * Today's and tomorrow's weather for the page: loaded when it connects, and again whenever
 * the server says a forecast or a plan changed (another desk typed one in, the provider
 * answered), so what is shown is what the players will say.
 */
export class WeatherController implements ReactiveController {
  state: DaysState = { kind: 'loading' };
  private _session?: ConsoleSession;
  private _seq = 0;
  private _connected = false;
  private _timer?: ReturnType<typeof setTimeout>;
  private readonly _onEvent = () => {
    // Several events come together (weather-changed, then plan-changed): one reload.
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this.reload(), 150);
  };

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  /** The page's session, once its context has arrived. */
  set session(s: ConsoleSession | undefined) {
    if (s === this._session) return;
    this._unlisten();
    this._session = s;
    if (this._connected) this._listen();
  }

  hostConnected(): void {
    this._connected = true;
    this._listen();
  }

  hostDisconnected(): void {
    this._connected = false;
    clearTimeout(this._timer);
    this._unlisten();
  }

  /** Shows a day the server just answered with (after a save), without waiting to reload. */
  show(day: WeatherDay): void {
    if (this.state.kind !== 'ready') return void this.reload();
    const which = day.date === this.state.today.date ? 'today' : 'tomorrow';
    this.state = { ...this.state, [which]: day };
    this._host.requestUpdate();
  }

  async reload(): Promise<void> {
    const s = this._session;
    if (!s) return;
    const seq = ++this._seq;
    try {
      const today = await s.api.get<WeatherDay>('/api/weather');
      const tomorrow = await s.api.get<WeatherDay>(`/api/weather?date=${addDays(today.date, 1)}`);
      if (seq === this._seq) this.state = { kind: 'ready', today, tomorrow };
    } catch (err) {
      if (seq === this._seq && this.state.kind !== 'ready')
        this.state = { kind: 'failed', message: (err as Error).message };
    }
    this._host.requestUpdate();
  }

  private _listen(): void {
    const s = this._session;
    if (!s) return;
    for (const type of RELOAD_ON) s.events.addEventListener(type, this._onEvent);
    void this.reload();
  }

  private _unlisten(): void {
    if (!this._session) return;
    for (const type of RELOAD_ON) this._session.events.removeEventListener(type, this._onEvent);
  }
}
