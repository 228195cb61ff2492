import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleSession } from '../console-context.ts';
import type { CalendarDay, HealthWarning, Revision } from './calendar-types.ts';

/** The warnings of /api/health the calendar page puts up as its banner. */
const CALENDAR_WARNINGS = ['next-year-holidays-missing', 'this-year-holidays-missing'];

/**
 * The calendar page's data: the days of the range on screen (a month's grid or a whole year),
 * the revision the calendar is at and who saved it, and the calendar's warnings. Everything
 * is read again when anyone saves the calendar (`schedule-changed`), here or elsewhere.
 */
export class CalendarData implements ReactiveController {
  days = new Map<string, CalendarDay>();
  revision?: number;
  revisions: Revision[] = [];
  warnings: HealthWarning[] = [];
  /** Why the days could not be read, while there is nothing to show. */
  error?: string;
  loading = false;

  private _range?: { from: string; to: string };
  private _seq = 0;
  private readonly _onChanged = (e: Event) => {
    const file = (e as CustomEvent<{ file?: string }>).detail?.file;
    if (file === undefined || file === 'calendar') void this.reload();
  };
  private readonly _onResync = () => void this.reload();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession | undefined,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    const events = this._session()?.events;
    events?.addEventListener('schedule-changed', this._onChanged);
    events?.addEventListener('resync', this._onResync);
    void this._loadMeta();
  }

  hostDisconnected(): void {
    const events = this._session()?.events;
    events?.removeEventListener('schedule-changed', this._onChanged);
    events?.removeEventListener('resync', this._onResync);
  }

  /** Shows `from`–`to` (both included); a newer call wins over an older one. */
  async show(from: string, to: string): Promise<void> {
    this._range = { from, to };
    const api = this._session()?.api;
    if (!api) return;
    const seq = ++this._seq;
    this.loading = true;
    this._host.requestUpdate();
    try {
      const r = await api.get<{ days: CalendarDay[] }>(`/api/calendar/days?from=${from}&to=${to}`);
      if (seq !== this._seq) return;
      this.days = new Map(r.days.map((d) => [d.date, d]));
      this.error = undefined;
    } catch (err) {
      if (seq === this._seq) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this._seq) this.loading = false;
      this._host.requestUpdate();
    }
  }

  /** Everything again: after a mark here, or a save anywhere. */
  async reload(): Promise<void> {
    await Promise.all([
      this._range ? this.show(this._range.from, this._range.to) : undefined,
      this._loadMeta(),
    ]);
  }

  private async _loadMeta(): Promise<void> {
    const api = this._session()?.api;
    if (!api) return;
    const [revs, health] = await Promise.allSettled([
      api.get<{ revisions: Revision[]; current: number }>('/api/calendar/revisions'),
      api.get<{ warnings?: HealthWarning[] }>('/api/health'),
    ]);
    if (revs.status === 'fulfilled') {
      this.revision = revs.value.current;
      this.revisions = revs.value.revisions;
    }
    if (health.status === 'fulfilled')
      this.warnings = (health.value.warnings ?? []).filter((w) =>
        CALENDAR_WARNINGS.includes(w.code),
      );
    this._host.requestUpdate();
  }
}
