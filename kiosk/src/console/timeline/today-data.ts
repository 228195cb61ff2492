import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ItemState, ItemStatus } from '../../../../core/item-states.ts';
import type { DayPlan } from '../../../../core/plan.ts';
import { timelineOf, type TimedItem } from '../../../../core/timeline.ts';
import { dateInZone, offsetMinutesAt, zonedDay } from '../../../../core/zoned-time.ts';
import { ClockSync } from '../../lib/clock-sync.ts';
import type { ConsoleSession } from '../console-context.ts';
import type { Span } from './timeline-layout.ts';

/** One date as GET /api/calendar/days describes it. */
export type CalendarDay =
  | { date: string; closed: true; dayTypes: string[]; note?: string }
  | {
      date: string;
      closed: false;
      dayTypes: string[];
      makeupWorkday: boolean;
      /** A make-up working day's note (`元旦调休`). */
      note?: string;
      holiday?: string;
      events: string[];
    };

/** GET /api/plan/states. */
export interface PlanStatesAnswer {
  date: string;
  timezone: string;
  now: string;
  states: ItemStatus[];
}

/** States are re-read this often; the plan only when the server says it changed. */
const STATES_EVERY_MS = 15_000;

/**
 * The Today page's data: the plan of the date shown (today unless another is chosen), what the
 * calendar says of it, each item's state from the as-played log, and the server's clock for
 * the now-line. Re-reads the plan on `plan-changed`, the states every 15 s, and moves on to
 * the next day at the mall's midnight when it follows today.
 */
export class TodayData implements ReactiveController {
  /** The date chosen; none follows today. */
  chosen?: string;
  plan?: DayPlan;
  items: TimedItem[] = [];
  day?: CalendarDay;
  /** Item id → its state and plays; none for a future date. */
  statuses?: ReadonlyMap<string, ItemStatus>;
  states?: ReadonlyMap<string, ItemState>;
  /** Why the date could not be loaded, when there is nothing to show. */
  error?: string;
  loading = false;

  private readonly _clock = new ClockSync(() => ({}));
  private _timers: ReturnType<typeof setInterval>[] = [];
  private _seq = 0;
  private _day24?: { date: string; bounds: Span; offsetMinutes: number };
  private _onPlanChanged = () => void this.load();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession | undefined,
  ) {
    _host.addController(this);
  }

  /** The server's clock (this machine's until the first round trip is back). */
  get now(): number {
    return this._clock.syncedAt ? this._clock.now() : Date.now();
  }

  get timezone(): string {
    return this._session()?.site.timezone ?? 'UTC';
  }

  /** Today on the mall's clock, by the server's time. */
  get today(): string {
    return dateInZone(this.timezone, this.now);
  }

  get date(): string {
    return this.chosen ?? this.today;
  }

  /** The shown date's 24 hours and the mall's offset from UTC that day (one object a date). */
  get day24(): { date: string; bounds: Span; offsetMinutes: number } {
    const date = this.plan?.date ?? this.date;
    if (this._day24?.date !== date) {
      const { start, end } = zonedDay(this.timezone, date);
      this._day24 = {
        date,
        bounds: { from: start, to: end },
        offsetMinutes: offsetMinutesAt(this.timezone, (start + end) / 2),
      };
    }
    return this._day24;
  }

  hostConnected(): void {
    const s = this._session();
    if (!s) return;
    void this._clock.sync().then(() => this._host.requestUpdate());
    this._clock.start();
    s.events.addEventListener('plan-changed', this._onPlanChanged);
    this._timers.push(
      setInterval(() => {
        // Following today: at the mall's midnight, tomorrow becomes today.
        if (!this.chosen && this.plan && this.plan.date !== this.today && !this.loading)
          void this.load();
        this._host.requestUpdate();
      }, 1000),
      setInterval(() => void this._loadStates(this._seq).catch(() => undefined), STATES_EVERY_MS),
    );
    void this.load();
  }

  hostDisconnected(): void {
    this._session()?.events.removeEventListener('plan-changed', this._onPlanChanged);
    for (const t of this._timers) clearInterval(t);
    this._timers = [];
    this._clock.stop();
  }

  /** Shows another date (or today again, with no date). */
  choose(date?: string): void {
    this.chosen = date && date !== this.today ? date : undefined;
    void this.load();
  }

  /** Reads the plan, the day and the states of the date; a newer call wins over an older. */
  async load(): Promise<void> {
    const api = this._session()?.api;
    if (!api) return;
    const seq = ++this._seq;
    const date = this.date;
    this.loading = true;
    this._host.requestUpdate();
    try {
      // All three at once: the states do not wait for the plan, only the drawing does.
      const [plan, days, states] = await Promise.all([
        api.get<DayPlan>(`/api/plan?date=${date}`),
        api.get<{ days: CalendarDay[] }>(`/api/calendar/days?from=${date}`),
        date > this.today ? undefined : api.get<PlanStatesAnswer>(`/api/plan/states?date=${date}`),
      ]);
      if (seq !== this._seq) return;
      this.plan = plan;
      this.items = timelineOf([plan]);
      this.day = days.days[0];
      this._setStates(states);
      this.error = undefined;
    } catch (err) {
      if (seq === this._seq) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this._seq) this.loading = false;
      this._host.requestUpdate();
    }
  }

  /** States exist for today and the days before; a future date has none yet. */
  private async _loadStates(seq: number): Promise<void> {
    const plan = this.plan;
    const api = this._session()?.api;
    if (!plan || !api) return;
    if (plan.date > this.today) return this._setStates(undefined);
    const r = await api.get<PlanStatesAnswer>(`/api/plan/states?date=${plan.date}`);
    if (seq !== this._seq || r.date !== this.plan?.date) return;
    this._setStates(r);
    this._host.requestUpdate();
  }

  private _setStates(r: PlanStatesAnswer | undefined): void {
    this.statuses = r && new Map(r.states.map((s) => [s.id, s]));
    this.states = r && new Map(r.states.map((s) => [s.id, s.state]));
  }
}
