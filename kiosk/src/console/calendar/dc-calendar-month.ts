import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseIsoDate } from '../../../../core/zoned-time.ts';
import {
  chipsOf,
  DAY_KINDS,
  describeDay,
  monthGrid,
  WEEKDAY_HEADS,
  WEEKDAY_HEADS_EN,
  type CalendarDay,
} from './calendar-types.ts';

/** Detail of `day-select`: the date clicked. */
export interface DaySelect {
  date: string;
}

/**
 * A month as a grid of weeks, Monday first: each day with everything it is (weekend, holiday
 * with its name, 调休 with its note, events by name, closed) as stacked chips. A click on a
 * day asks for its plan (`day-select`).
 */
@customElement('dc-calendar-month')
export class DcCalendarMonth extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 4px;
    }
    .head {
      text-align: center;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--sl-color-neutral-600);
      padding: 0.2rem 0;
    }
    .head .en {
      font-weight: 400;
      color: var(--sl-color-neutral-500);
      margin-left: 0.25rem;
    }
    button.day {
      all: unset;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 3px;
      min-height: 5.6rem;
      padding: 0.3rem 0.35rem;
      border: 1px solid var(--sl-color-neutral-200);
      border-radius: var(--sl-border-radius-medium);
      background: var(--bg, #fff);
      cursor: pointer;
      min-width: 0;
      overflow: hidden;
    }
    button.day:hover {
      border-color: var(--sl-color-primary-400);
    }
    button.day:focus-visible {
      outline: 2px solid var(--sl-color-primary-500);
      outline-offset: 1px;
    }
    button.day.other {
      opacity: 0.45;
    }
    button.day.today {
      border: 2px solid var(--sl-color-primary-600);
    }
    .num {
      font-weight: 600;
      font-size: 0.95rem;
      color: var(--num, var(--sl-color-neutral-800));
      display: flex;
      justify-content: space-between;
      align-items: baseline;
    }
    .num .tag {
      font-size: 0.68rem;
      font-weight: 500;
      color: var(--sl-color-primary-700);
    }
    .chip {
      display: flex;
      align-items: center;
      gap: 0.2rem;
      font-size: 0.72rem;
      line-height: 1.25;
      padding: 1px 4px;
      border-radius: 3px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    .chip span {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .chip sl-icon {
      flex: none;
    }
  `;

  @property({ type: Number }) year = 2026;
  @property({ type: Number }) month = 1;
  @property({ attribute: false }) days: ReadonlyMap<string, CalendarDay> = new Map();
  @property() today = '';

  override render() {
    const dates = monthGrid(this.year, this.month);
    return html`<div class="grid" role="grid" aria-label="${this.year}年${this.month}月">
      ${WEEKDAY_HEADS.map(
        (h, i) => html`<div class="head">${h}<span class="en">${WEEKDAY_HEADS_EN[i]}</span></div>`,
      )}
      ${dates.map((d) => this._day(d))}
    </div>`;
  }

  private _day(date: string) {
    const day = this.days.get(date);
    const chips = chipsOf(day);
    const p = parseIsoDate(date);
    const inMonth = p?.month === this.month;
    const top = chips.find((c) => c.kind === 'closed' || c.kind === 'holiday') ?? chips[0];
    const bg = top && top.kind !== 'event' ? DAY_KINDS[top.kind].colour : '#ffffff';
    const num = top?.kind === 'closed' ? '#fff' : top?.kind === 'holiday' ? '#991b1b' : '';
    const cls = `day${inMonth ? '' : ' other'}${date === this.today ? ' today' : ''}`;
    return html`<button
      class=${cls}
      data-date=${date}
      title="${date} ${describeDay(day)}"
      style="--bg:${top?.kind === 'closed' ? '#64748b' : bg};${num ? `--num:${num}` : ''}"
      @click=${() => this._select(date)}
    >
      <div class="num">
        ${p?.day}${date === this.today ? html`<span class="tag">今天 Today</span>` : nothing}
      </div>
      ${chips.map((c) => {
        const k = DAY_KINDS[c.kind];
        return html`<div
          class="chip"
          data-kind=${c.kind}
          style="background:${c.kind === 'closed' ? '#334155' : k.colour};color:${k.ink};${
            c.kind === 'weekend' ? 'border:1px solid #bfdbfe' : ''
          }"
        >
          <sl-icon name=${k.icon}></sl-icon><span>${k.zh}${c.text ? `：${c.text}` : ''}</span>
        </div>`;
      })}
    </button>`;
  }

  private _select(date: string): void {
    this.dispatchEvent(
      new CustomEvent<DaySelect>('day-select', {
        detail: { date },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-month': DcCalendarMonth;
  }
}
