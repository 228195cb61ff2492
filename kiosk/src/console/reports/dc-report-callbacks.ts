import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../charts/dc-chart.ts';
import { pageStyles } from '../console-styles.ts';
import { completionChart } from './report-charts.ts';
import type { PeriodCompletion } from './report-types.ts';

const rateText = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/**
 * Callback completion (回访完成率): done ÷ due for each week of a month and the month itself,
 * as a chart and a table. The source document asks for 100 %.
 */
@customElement('dc-report-callbacks')
export class DcReportCallbacks extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .body {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
        align-items: start;
      }
      dc-chart {
        height: 14rem;
      }
      tr.month td {
        font-weight: 600;
        background: var(--sl-color-neutral-50);
      }
      td.short {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) weeks?: PeriodCompletion[];
  @property({ attribute: false }) month?: PeriodCompletion;

  override render() {
    const weeks = this.weeks;
    if (!weeks) return nothing;
    const row = (p: PeriodCompletion, cls: string) =>
      html`<tr class=${cls} data-period=${p.period}>
        <td>${p.period}<br /><span class="muted">${p.from.slice(5)} – ${p.to.slice(5)}</span></td>
        <td class="num" data-col="due">${p.due}</td>
        <td class="num" data-col="done">${p.done}</td>
        <td class="num" data-col="open">${p.open}</td>
        <td
          class="num ${p.rate !== null && p.rate < 1 && p.notYetDue < p.open ? 'short' : ''}"
          data-col="rate"
        >
          ${rateText(p.rate)}
        </td>
      </tr>`;
    return html`<div class="body">
      <dc-chart .option=${completionChart(weeks)} label="Callback completion per week"></dc-chart>
      <div class="table-wrap">
        <table data-testid="completion-table">
          <thead>
            <tr>
              <th>周期<span class="en">Period</span></th>
              <th class="num">应回访<span class="en">Due</span></th>
              <th class="num">已回访<span class="en">Done</span></th>
              <th class="num">未完成<span class="en">Open</span></th>
              <th class="num">完成率<span class="en">Rate</span></th>
            </tr>
          </thead>
          <tbody>
            ${weeks.map((p) => row(p, 'week'))} ${this.month ? row(this.month, 'month') : nothing}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-report-callbacks': DcReportCallbacks;
  }
}
