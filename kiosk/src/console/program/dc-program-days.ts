import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseIsoDate, weekdayOf } from '../../../../core/zoned-time.ts';
import type { DaySummary } from './program-types.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const TYPES: Record<string, string> = {
  normal: '平日 · normal',
  weekend: '双休 · weekend',
  holiday: '节假日 · holiday',
  event: '活动日 · event',
  closed: '休息 · closed',
};

/**
 * The seven days a save compiles (today and the six after), each with its day type, its item
 * count against the running plan's, whether it changes, and the compiler's warnings. A day
 * clicked is previewed (`day-select`).
 */
@customElement('dc-program-days')
export class DcProgramDays extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .title {
      font-size: 0.82rem;
      font-weight: 600;
      color: var(--sl-color-neutral-600);
      margin-bottom: 0.3rem;
    }
    .days {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 0.4rem;
    }
    button {
      font: inherit;
      text-align: left;
      border: 1px solid var(--sl-color-neutral-200);
      border-radius: var(--sl-border-radius-medium);
      background: var(--sl-color-neutral-0);
      padding: 0.35rem 0.5rem;
      cursor: pointer;
      min-width: 0;
      font-size: 0.78rem;
      line-height: 1.35;
    }
    button:hover {
      border-color: var(--sl-color-primary-400);
    }
    button.selected {
      border-color: var(--sl-color-primary-600);
      box-shadow: 0 0 0 1px var(--sl-color-primary-600);
    }
    button.changed {
      background: var(--sl-color-primary-50);
    }
    .date {
      font-weight: 600;
    }
    .type,
    .count {
      color: var(--sl-color-neutral-600);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .flag {
      font-weight: 600;
      color: var(--sl-color-primary-700);
    }
    .warn {
      color: var(--sl-color-warning-700);
    }
  `;

  @property({ attribute: false }) days: readonly DaySummary[] = [];
  @property() selected = '';

  override render() {
    return html`<div class="title">未来七天 · The next seven days, as a save compiles them</div>
      <div class="days" data-testid="days">
        ${this.days.map((d) => {
          const p = parseIsoDate(d.date);
          const delta = d.items - d.runningItems;
          return html`<button
            class="${d.changed ? 'changed' : ''} ${d.date === this.selected ? 'selected' : ''}"
            data-date=${d.date}
            title=${d.warnings.join('\n')}
            @click=${() =>
              this.dispatchEvent(
                new CustomEvent<string>('day-select', {
                  detail: d.date,
                  bubbles: true,
                  composed: true,
                }),
              )}
          >
            <div class="date">${p?.month}月${p?.day}日 ${WEEKDAYS[weekdayOf(d.date)]}</div>
            <div class="type">${TYPES[d.dayType] ?? d.dayType}</div>
            <div class="count">
              ${d.items} 条 items${delta ? ` (${delta > 0 ? '+' : ''}${delta})` : ''}
            </div>
            <div class=${d.changed ? 'flag' : 'count'} data-testid="day-changed">
              ${d.changed ? '有改动 · changed' : '不变 · same'}
            </div>
            ${d.warnings.length ? html`<div class="warn">${d.warnings.length} 个提醒 · warnings</div>` : ''}
          </button>`;
        })}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-days': DcProgramDays;
  }
}
