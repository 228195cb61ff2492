import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type SlDrawer from '@shoelace-style/shoelace/dist/components/drawer/drawer.js';
import type { DayPlan } from '../../../../core/plan.ts';
import { timelineOf, type TimedItem } from '../../../../core/timeline.ts';
import { formatInstant, offsetMinutesAt, zonedDay } from '../../../../core/zoned-time.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import type { ItemSelect } from '../timeline/dc-timeline.ts';
import '../timeline/dc-day-summary.ts';
import '../timeline/dc-item-details.ts';
import '../timeline/dc-timeline.ts';
import '../timeline/dc-timeline-legend.ts';
import type { CalendarDay, MarkView } from './calendar-types.ts';
import './dc-calendar-marks.ts';

/** The fixed speech a mark adds to a day, summed up under the timeline. */
const MARKED_SLOTS: Record<string, { zh: string; en: string }> = {
  'event-announcement': { zh: '活动广播', en: 'Event announcements' },
  'holiday-greeting': { zh: '节日祝福', en: 'Holiday greetings' },
};

/**
 * A day's plan preview, opened from the calendar: why the day is what it is, its program on the
 * Today page's timeline (click an item for what it plays), what the day's marks add, and the
 * marks themselves, each to change or undo.
 */
@customElement('dc-calendar-day')
export class DcCalendarDay extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-drawer {
        --size: min(62rem, 94vw);
      }
      sl-drawer::part(body) {
        display: grid;
        gap: 0.9rem;
        align-content: start;
      }
      .card {
        padding: 0.8rem 1rem;
      }
      .speech {
        margin-top: 0.6rem;
        font-size: 0.85rem;
        display: grid;
        gap: 0.25rem;
      }
      .speech .times {
        color: var(--sl-color-neutral-600);
        overflow-wrap: anywhere;
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 8rem;
      }
      dc-timeline-legend {
        margin-top: 0.5rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The calendar's revision the page shows: an undo over a newer one is refused. */
  @property({ type: Number }) revision?: number;
  @state() private _date = '';
  @state() private _plan?: DayPlan;
  @state() private _items: TimedItem[] = [];
  @state() private _day?: CalendarDay;
  @state() private _marks?: MarkView[];
  @state() private _error?: string;
  @state() private _selected?: string;
  private _seq = 0;

  /** Opens the drawer on a date and reads its plan and marks. */
  show(date: string): void {
    this._date = date;
    this._selected = undefined;
    void this.reload();
    void this.updateComplete.then(() => this._drawer()?.show());
  }

  /** Reads the date's plan and marks again (after a change). */
  async reload(): Promise<void> {
    const date = this._date;
    if (!date) return;
    const seq = ++this._seq;
    this._plan = undefined;
    this._error = undefined;
    const { api } = this.session;
    try {
      const [plan, days, marks] = await Promise.all([
        api.get<DayPlan>(`/api/plan?date=${date}`),
        api.get<{ days: CalendarDay[] }>(`/api/calendar/days?from=${date}`),
        api.get<{ marks: MarkView[] }>(`/api/calendar/marks?from=${date}`),
      ]);
      if (seq !== this._seq) return;
      this._plan = plan;
      this._items = timelineOf([plan]);
      this._day = days.days[0];
      this._marks = marks.marks;
    } catch (err) {
      if (seq === this._seq) this._error = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    return html`<sl-drawer label="${this._date} 节目预览 · Plan preview" data-testid="day-preview">
      ${this._body()}
      <sl-button slot="footer" href="/console/today?date=${this._date}">
        <sl-icon slot="prefix" name="box-arrow-up-right"></sl-icon>在“今日节目”中打开 · Open in
        Today
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="mark-this-day"
        @click=${() => this._emit('mark-new', { date: this._date })}
      >
        <sl-icon slot="prefix" name="bookmark-plus"></sl-icon>标记这一天 · Mark this day
      </sl-button>
    </sl-drawer>`;
  }

  private _body() {
    if (this._error)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        <strong>节目读取失败 · The plan could not be loaded</strong><br />${this._error}
        <br /><sl-button size="small" @click=${() => void this.reload()}>重试 · Retry</sl-button>
      </sl-alert>`;
    const plan = this._plan;
    if (!plan)
      return html`<div class="loading"><sl-spinner style="font-size:2rem"></sl-spinner></div>`;
    const tz = this.session.site.timezone;
    const { start, end } = zonedDay(tz, plan.date);
    const offset = offsetMinutesAt(tz, (start + end) / 2);
    const selected = this._items.find((i) => i.id === this._selected);
    return html`<div class="card">
        <dc-day-summary
          .plan=${plan}
          .day=${this._day}
          today=${this.session.site.today}
        ></dc-day-summary>
      </div>
      <dc-calendar-marks
        .marks=${this._marks ?? []}
        date=${this._date}
        .revision=${this.revision}
      ></dc-calendar-marks>
      <div class="card">
        ${
          this._items.length === 0
            ? html`<div class="empty" data-testid="no-items">
                这一天不开播 · No broadcast this day
              </div>`
            : html`<dc-timeline
                  .items=${this._items}
                  .bounds=${{ from: start, to: end }}
                  .offsetMinutes=${offset}
                  .selected=${this._selected}
                  @item-select=${(e: CustomEvent<ItemSelect>) => (this._selected = e.detail.id)}
                ></dc-timeline>
                <dc-timeline-legend .items=${this._items}></dc-timeline-legend>`
        }
        ${this._speech(offset)}
      </div>
      ${
        this._items.length
          ? html`<div class="card" data-testid="item-details">
              ${
                selected
                  ? html`<dc-item-details .item=${selected} timezone=${tz}></dc-item-details>`
                  : html`<div class="muted">
                      点击时间线上的节目查看详情 · Click an item on the timeline for its details
                    </div>`
              }
            </div>`
          : nothing
      }`;
  }

  /** What the day's marks add to the program: how many times, when, saying what. */
  private _speech(offset: number) {
    const rows = Object.entries(MARKED_SLOTS).flatMap(([slot, name]) => {
      const items = this._items.filter((i) => i.slot === slot);
      if (!items.length) return [];
      const times = [...new Set(items.map((i) => formatInstant(i.startMs, offset).slice(11, 16)))];
      const said = [...new Set(items.map((i) => i.text ?? i.title))];
      return [
        html`<div data-slot=${slot}>
          <strong>${name.zh} · ${name.en}</strong>：${items.length} 次 plays ·
          <span class="times">${times.join('、')}</span>
          ${said.map((s) => html`<div class="muted">「${s}」</div>`)}
        </div>`,
      ];
    });
    return rows.length
      ? html`<div class="speech" data-testid="marked-speech">${rows}</div>`
      : nothing;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private _drawer(): SlDrawer | null {
    return this.renderRoot.querySelector('sl-drawer');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-day': DcCalendarDay;
  }
}
