import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseIsoDate } from '../../../../core/zoned-time.ts';
import {
  chipsOf,
  DAY_KINDS,
  describeDay,
  monthGrid,
  MONTHS_EN,
  WEEKDAY_HEADS,
  type CalendarDay,
} from './calendar-types.ts';
import type { DaySelect } from './dc-calendar-month.ts';

/** Detail of `month-select`: the month whose name was clicked. */
export interface MonthSelect {
  year: number;
  month: number;
}

/**
 * The whole year at a glance: twelve small months, each day coloured by what it is. A day that
 * is several things at once is striped in each one's colour (a Saturday event day is blue and
 * green). A click on a day asks for its plan; on a month's name, for that month.
 */
@customElement('dc-calendar-year')
export class DcCalendarYear extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .months {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: 1rem 1.25rem;
    }
    .name {
      all: unset;
      cursor: pointer;
      font-weight: 600;
      font-size: 0.95rem;
      margin-bottom: 0.3rem;
      display: inline-block;
    }
    .name:hover,
    .name:focus-visible {
      color: var(--sl-color-primary-600);
      text-decoration: underline;
    }
    .name .en {
      font-weight: 400;
      font-size: 0.75rem;
      color: var(--sl-color-neutral-500);
      margin-left: 0.3rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 2px;
    }
    .head {
      text-align: center;
      font-size: 0.68rem;
      color: var(--sl-color-neutral-500);
    }
    button.d {
      all: unset;
      box-sizing: border-box;
      text-align: center;
      font-size: 0.72rem;
      line-height: 1.6rem;
      height: 1.6rem;
      border-radius: 3px;
      cursor: pointer;
      border: 1px solid transparent;
      font-variant-numeric: tabular-nums;
    }
    button.d:hover,
    button.d:focus-visible {
      border-color: var(--sl-color-primary-500);
    }
    button.d.today {
      border: 2px solid var(--sl-color-primary-600);
      font-weight: 700;
    }
    .blank {
      height: 1.6rem;
    }
  `;

  @property({ type: Number }) year = 2026;
  @property({ attribute: false }) days: ReadonlyMap<string, CalendarDay> = new Map();
  @property() today = '';

  override render() {
    return html`<div class="months">
      ${Array.from({ length: 12 }, (_, i) => this._month(i + 1))}
    </div>`;
  }

  private _month(month: number) {
    return html`<div data-month=${month}>
      <button class="name" @click=${() => this._emit('month-select', { year: this.year, month })}>
        ${month}月<span class="en">${MONTHS_EN[month - 1]}</span>
      </button>
      <div class="grid">
        ${WEEKDAY_HEADS.map((h) => html`<div class="head">${h}</div>`)}
        ${monthGrid(this.year, month).map((d) =>
          parseIsoDate(d)?.month === month ? this._day(d) : html`<div class="blank"></div>`,
        )}
      </div>
    </div>`;
  }

  private _day(date: string) {
    const day = this.days.get(date);
    const chips = chipsOf(day);
    const colours = chips.map((c) => DAY_KINDS[c.kind].colour);
    // Stripes, one per thing the day is, top to bottom.
    const bg =
      colours.length <= 1
        ? (colours[0] ?? '#f8fafc')
        : `linear-gradient(to bottom, ${colours
            .map((c, i) => {
              const a = Math.round((i / colours.length) * 100);
              const b = Math.round(((i + 1) / colours.length) * 100);
              return `${c} ${a}% ${b}%`;
            })
            .join(', ')})`;
    const ink = chips[0]?.kind === 'closed' ? '#fff' : '#1e293b';
    return html`<button
      class="d${date === this.today ? ' today' : ''}"
      data-date=${date}
      data-kinds=${chips.map((c) => c.kind).join(' ')}
      title="${date} ${describeDay(day)}"
      aria-label="${date} ${describeDay(day)}"
      style="background:${bg};color:${ink}"
      @click=${() => this._emit<DaySelect>('day-select', { date })}
    >
      ${parseIsoDate(date)?.day}
    </button>`;
  }

  private _emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-year': DcCalendarYear;
  }
}
