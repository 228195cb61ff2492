import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type SlTabGroup from '@shoelace-style/shoelace/dist/components/tab-group/tab-group.js';
import { isIsoDate } from '../../../../core/zoned-time.ts';
import { CalendarData } from '../calendar/calendar-data.ts';
import { monthGrid, MONTHS_EN, type MarkView } from '../calendar/calendar-types.ts';
import type { DcCalendarDay } from '../calendar/dc-calendar-day.ts';
import type { DaySelect } from '../calendar/dc-calendar-month.ts';
import type { MonthSelect } from '../calendar/dc-calendar-year.ts';
import type { DcMarkDialog } from '../calendar/dc-mark-dialog.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import '../calendar/dc-calendar-day.ts';
import '../calendar/dc-calendar-legend.ts';
import '../calendar/dc-calendar-revision.ts';
import '../calendar/dc-calendar-month.ts';
import '../calendar/dc-calendar-year.ts';
import '../calendar/dc-holiday-form.ts';
import '../calendar/dc-mark-dialog.ts';

type View = 'month' | 'year' | 'holidays';

/**
 * The calendar (日历): each day of a month or of the whole year with what it is (weekend,
 * holiday, 调休, event, closed, several at once), marking and unmarking days, a day's plan on
 * a click, next year's public holidays entered from the State Council's notice, and the
 * revision the calendar is at.
 */
@customElement('dc-page-calendar')
export class DcPageCalendar extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .banner {
        margin-bottom: 0.75rem;
      }
      .banner .says > div {
        flex: 1 1 30rem;
      }
      .banner .says {
        display: flex;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      .banner .en {
        display: block;
        font-size: 0.8rem;
        margin-top: 0.15rem;
      }
      .toolbar {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }
      .toolbar .title {
        font-size: 1.15rem;
        font-weight: 600;
        min-width: 12rem;
        text-align: center;
      }
      .toolbar .title .en {
        font-size: 0.8rem;
        font-weight: 400;
        margin-left: 0.35rem;
      }
      .toolbar .spacer {
        flex: 1;
      }
      dc-calendar-legend {
        margin-top: 0.75rem;
      }
      sl-tab-group::part(body) {
        padding-top: 0.75rem;
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 20rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  private readonly _data = new CalendarData(this, () => this.session);
  @state() private _view: View = 'month';
  @state() private _year = 2026;
  @state() private _month = 1;
  @state() private _holidayYear = 2027;

  override connectedCallback(): void {
    super.connectedCallback();
    const today = this.session.site.today;
    this._year = Number(today.slice(0, 4));
    this._month = Number(today.slice(5, 7));
    this._holidayYear = this._year + 1;
    // A link to a month (`?month=2026-12`) or the year (`?view=year&year=2027`) opens it.
    const q = new URL(location.href).searchParams;
    const month = q.get('month');
    if (month && isIsoDate(`${month}-01`)) {
      this._year = Number(month.slice(0, 4));
      this._month = Number(month.slice(5, 7));
    }
    const view = q.get('view');
    if (view === 'year' || view === 'holidays') this._view = view;
    const year = Number(q.get('year'));
    if (Number.isInteger(year) && year >= 2000 && year <= 2100) {
      if (view === 'holidays') this._holidayYear = year;
      else if (view === 'year') this._year = year;
    }
    this._load();
  }

  override render() {
    const d = this._data;
    return html`<div class="page-head">
        <h1>日历<span class="en">Calendar</span></h1>
        <dc-calendar-revision
          .revision=${d.revision}
          .revisions=${d.revisions}
        ></dc-calendar-revision>
      </div>
      ${d.warnings.map(
        (w) =>
          html`<sl-alert variant="warning" open class="banner" data-testid="holiday-banner">
            <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
            <div class="says">
              <div>${w.zh}<span class="en">${w.en}</span></div>
              <sl-button size="small" variant="warning" @click=${() => this._enterHolidays(w.year)}>
                <sl-icon slot="prefix" name="pencil-square"></sl-icon>录入${w.year}年放假安排 ·
                Enter ${w.year}'s holidays
              </sl-button>
            </div>
          </sl-alert>`,
      )}
      <sl-tab-group @sl-tab-show=${this._tabShown}>
        <sl-tab slot="nav" panel="month" ?active=${this._view === 'month'}>月历 · Month</sl-tab>
        <sl-tab slot="nav" panel="year" ?active=${this._view === 'year'}>年历 · Year</sl-tab>
        <sl-tab slot="nav" panel="holidays" ?active=${this._view === 'holidays'}
          >法定节假日 · Public holidays</sl-tab
        >
        <sl-tab-panel name="month">${this._monthPanel()}</sl-tab-panel>
        <sl-tab-panel name="year">${this._yearPanel()}</sl-tab-panel>
        <sl-tab-panel name="holidays">
          <dc-holiday-form .year=${this._holidayYear}></dc-holiday-form>
        </sl-tab-panel>
      </sl-tab-group>
      <dc-calendar-day
        .revision=${d.revision}
        @mark-new=${(e: CustomEvent<{ date: string }>) => this._markDialog()?.show(e.detail.date)}
        @mark-edit=${(e: CustomEvent<MarkView>) => this._markDialog()?.show(e.detail.from, e.detail)}
      ></dc-calendar-day>
      <dc-mark-dialog .revision=${d.revision}></dc-mark-dialog>`;
  }

  private _monthPanel() {
    const d = this._data;
    return html`<div class="card">
      <div class="toolbar">
        <sl-icon-button
          name="chevron-left"
          label="上个月 · Previous month"
          @click=${() => this._step(-1)}
        ></sl-icon-button>
        <div class="title" data-testid="month-title">
          ${this._year}年${this._month}月<span class="en"
            >${MONTHS_EN[this._month - 1]} ${this._year}</span
          >
        </div>
        <sl-icon-button
          name="chevron-right"
          label="下个月 · Next month"
          @click=${() => this._step(1)}
        ></sl-icon-button>
        <sl-button size="small" @click=${() => this._goToday()}>本月 · This month</sl-button>
        <span class="spacer"></span>
        <sl-button
          variant="primary"
          size="small"
          data-testid="mark-days"
          @click=${() => this._markDialog()?.show(this._firstShownDate())}
        >
          <sl-icon slot="prefix" name="bookmark-plus"></sl-icon>标记日期 · Mark days
        </sl-button>
      </div>
      ${
        this._state() ??
        html`<dc-calendar-month
          .year=${this._year}
          .month=${this._month}
          .days=${d.days}
          today=${this.session.site.today}
          @day-select=${this._daySelected}
        ></dc-calendar-month>`
      }
      <dc-calendar-legend></dc-calendar-legend>
    </div>`;
  }

  private _yearPanel() {
    const d = this._data;
    return html`<div class="card">
      <div class="toolbar">
        <sl-icon-button
          name="chevron-left"
          label="上一年 · Previous year"
          @click=${() => this._go(this._year - 1, this._month)}
        ></sl-icon-button>
        <div class="title">${this._year}年<span class="en">${this._year}</span></div>
        <sl-icon-button
          name="chevron-right"
          label="下一年 · Next year"
          @click=${() => this._go(this._year + 1, this._month)}
        ></sl-icon-button>
        <span class="spacer"></span>
        <sl-button
          variant="primary"
          size="small"
          @click=${() => this._markDialog()?.show(this._firstShownDate())}
        >
          <sl-icon slot="prefix" name="bookmark-plus"></sl-icon>标记日期 · Mark days
        </sl-button>
      </div>
      ${
        this._state() ??
        html`<dc-calendar-year
          .year=${this._year}
          .days=${d.days}
          today=${this.session.site.today}
          @day-select=${this._daySelected}
          @month-select=${(e: CustomEvent<MonthSelect>) => this._showMonth(e.detail.year, e.detail.month)}
        ></dc-calendar-year>`
      }
      <dc-calendar-legend></dc-calendar-legend>
    </div>`;
  }

  /** Loading or failed, while there are no days to show; else nothing. */
  private _state() {
    const d = this._data;
    if (d.error && d.days.size === 0)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        <strong>日历读取失败 · The calendar could not be loaded</strong><br />${d.error}
        <br /><sl-button size="small" @click=${() => this._load()}>重试 · Retry</sl-button>
      </sl-alert>`;
    if (d.days.size === 0)
      return html`<div class="loading"><sl-spinner style="font-size:2rem"></sl-spinner></div>`;
    return undefined;
  }

  private readonly _tabShown = (e: CustomEvent<{ name: string }>) => {
    const view = e.detail.name as View;
    if (view === this._view) return;
    this._view = view;
    this._load();
  };

  private readonly _daySelected = (e: CustomEvent<DaySelect>) => {
    this.renderRoot.querySelector<DcCalendarDay>('dc-calendar-day')?.show(e.detail.date);
  };

  private _enterHolidays(year: number): void {
    this._holidayYear = year;
    this._view = 'holidays';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SlTabGroup>('sl-tab-group')?.show('holidays'),
    );
    this._remember();
  }

  private _showMonth(year: number, month: number): void {
    this._view = 'month';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SlTabGroup>('sl-tab-group')?.show('month'),
    );
    this._go(year, month);
  }

  private _step(months: number): void {
    const i = this._year * 12 + (this._month - 1) + months;
    this._go(Math.floor(i / 12), (i % 12) + 1);
  }

  private _goToday(): void {
    const today = this.session.site.today;
    this._go(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  }

  private _go(year: number, month: number): void {
    this._year = year;
    this._month = month;
    this._load();
  }

  /** Reads the days on screen: the month's whole weeks, or the year. */
  private _load(): void {
    if (this._view === 'year') void this._data.show(`${this._year}-01-01`, `${this._year}-12-31`);
    else {
      const grid = monthGrid(this._year, this._month);
      void this._data.show(grid[0] as string, grid.at(-1) as string);
    }
    this._remember();
  }

  /** The view in the address, so a reload or a link shows the same. */
  private _remember(): void {
    const url = new URL(location.href);
    url.search = '';
    if (this._view === 'holidays') {
      url.searchParams.set('view', 'holidays');
      url.searchParams.set('year', String(this._holidayYear));
    } else if (this._view === 'year') {
      url.searchParams.set('view', 'year');
      url.searchParams.set('year', String(this._year));
    } else url.searchParams.set('month', `${this._year}-${String(this._month).padStart(2, '0')}`);
    history.replaceState(history.state, '', url);
  }

  /** Where a new mark starts: today when it is on screen, else the first day shown. */
  private _firstShownDate(): string {
    const today = this.session.site.today;
    const mm = String(this._month).padStart(2, '0');
    const shown = this._view === 'year' ? `${this._year}-` : `${this._year}-${mm}-`;
    return today.startsWith(shown)
      ? today
      : `${this._year}-${this._view === 'year' ? '01' : mm}-01`;
  }

  private _markDialog(): DcMarkDialog | null {
    return this.renderRoot.querySelector('dc-mark-dialog');
  }

  override firstUpdated(): void {
    // Marks saved in the dialog, the drawer or the holiday form: read everything again now
    // (the server's `schedule-changed` comes too, a moment later).
    this.addEventListener('calendar-changed', (e) => {
      const rev = (e as CustomEvent<{ revision?: number }>).detail?.revision;
      if (rev) this._data.revision = rev;
      this.requestUpdate();
      void this._data.reload();
      void this.renderRoot.querySelector<DcCalendarDay>('dc-calendar-day')?.reload();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-calendar': DcPageCalendar;
  }
}
