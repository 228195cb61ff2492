import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DayPlan } from '../../../../core/plan.ts';
import { parseIsoDate, weekdayOf } from '../../../../core/zoned-time.ts';
import type { CalendarDay } from './today-data.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const PROGRAMS: Record<string, { zh: string; en: string }> = {
  normal: { zh: '平日', en: 'normal' },
  weekend: { zh: '周末', en: 'weekend' },
  holiday: { zh: '节假日', en: 'holiday' },
  event: { zh: '活动日', en: 'event' },
  closed: { zh: '休息', en: 'closed' },
};

/** `09:20` of an instant with its offset (`2026-12-12T09:20:00+08:00`), on the mall's clock. */
const clock = (instant?: string) => (instant ? instant.slice(11, 16) : '—');

/** Why a date gets the program it gets: weekend, holiday, event, 调休, closed, with names. */
@customElement('dc-day-summary')
export class DcDaySummary extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      font-variant-numeric: tabular-nums;
    }
    .date {
      font-size: 1.1rem;
      font-weight: 600;
    }
    .date .en {
      font-size: 0.78rem;
      font-weight: 400;
      color: var(--sl-color-neutral-500);
      margin-left: 0.35rem;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .facts {
      font-size: 0.82rem;
      color: var(--sl-color-neutral-600);
    }
  `;

  @property({ attribute: false }) plan?: DayPlan;
  @property({ attribute: false }) day?: CalendarDay;
  @property() today = '';

  override render() {
    const { plan, day } = this;
    if (!plan) return nothing;
    const { year, month, day: d } = parseIsoDate(plan.date) ?? { year: 0, month: 0, day: 0 };
    const wd = weekdayOf(plan.date);
    const when =
      plan.date === this.today
        ? html`<sl-tag size="small" variant="primary">今天 · Today</sl-tag>`
        : html`<sl-tag size="small" variant="neutral" data-testid="preview"
            >${plan.date < this.today ? '过去 · Past' : '预览 · Preview'}</sl-tag
          >`;
    return html`<div class="date" data-testid="day-date">
        ${year}年${month}月${d}日 ${WEEKDAYS[wd]}<span class="en">${WEEKDAYS_EN[wd]}</span>
      </div>
      ${when}
      <div class="tags" data-testid="day-type">${this._reasons(plan, day)}</div>
      <div class="facts">
        ${
          plan.dayType === 'closed'
            ? '不开播 · No broadcast'
            : html`节目 Program：${plan.dayTypes.map((t) => PROGRAMS[t]?.zh ?? t).join(' + ')}
              (${plan.dayTypes.map((t) => PROGRAMS[t]?.en ?? t).join(' + ')}) · 开播 on air
              ${clock(plan.onAir)} · 开门 opens ${clock(plan.opening)} · 闭店 closes
              ${clock(plan.closing)} · ${plan.items.length} 条 items`
        }
      </div>`;
  }

  private _reasons(plan: DayPlan, day: CalendarDay | undefined) {
    const tag = (variant: string, icon: string, text: string) =>
      html`<sl-tag size="small" variant=${variant}
        ><sl-icon name=${icon} style="margin-right:0.25rem"></sl-icon>${text}</sl-tag
      >`;
    if (plan.dayType === 'closed') {
      const note = day?.note ?? plan.warnings.find((w) => w.startsWith('closed: '))?.slice(8);
      return tag('danger', 'door-closed', `休息 · Closed${note ? `：${note}` : ''}`);
    }
    const tags = [];
    if (plan.makeupWorkday) {
      const note = day && !day.closed ? day.note : undefined;
      tags.push(
        tag('warning', 'briefcase', `调休上班 · Make-up working day${note ? `：${note}` : ''}`),
      );
    }
    if (plan.dayTypes.includes('weekend')) tags.push(tag('neutral', 'cup-hot', '周末 · Weekend'));
    if (plan.holiday) tags.push(tag('danger', 'balloon', `节假日 · Holiday：${plan.holiday}`));
    for (const e of plan.events) tags.push(tag('success', 'stars', `活动日 · Event：${e}`));
    if (tags.length === 0) tags.push(tag('neutral', 'calendar-day', '工作日 · Weekday'));
    return tags;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-day-summary': DcDaySummary;
  }
}
