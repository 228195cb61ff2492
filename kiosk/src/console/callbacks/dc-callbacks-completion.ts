import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChartOption } from '../charts/dc-chart.ts';
import '../charts/dc-chart.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { addDays, percent, type PeriodCompletion } from './callback-types.ts';
import './dc-callbacks-visits.ts';

type By = 'month' | 'week';

/** How far back each view reaches: half a year of months, a quarter of weeks. */
const SPAN_DAYS: Record<By, number> = { month: 150, week: 7 * 11 };

/**
 * 完成率: callbacks done ÷ due per month or week (the source document asks 100 %), as a chart
 * and a table with what is still open; the month's customer visits beside it.
 */
@customElement('dc-callbacks-completion')
export class DcCallbacksCompletion extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.5rem;
      }
      .head h2 {
        margin: 0;
      }
      dc-chart {
        height: 14rem;
      }
      .low {
        color: var(--sl-color-danger-600);
        font-weight: 600;
      }
      .now td {
        background: var(--sl-color-primary-50);
      }
      @media (max-width: 1200px) {
        .top {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _by: By = 'month';
  @state() private _periods?: PeriodCompletion[];
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    return html`<div class="top">
      <div class="card">
        <div class="head">
          <h2>回访完成率<span class="en">Callbacks done ÷ due</span></h2>
          <sl-radio-group
            size="small"
            name="by"
            .value=${this._by}
            @sl-change=${(e: Event) => {
              this._by = (e.target as HTMLInputElement).value as By;
              void this.load();
            }}
          >
            <sl-radio-button value="month">按月 · Monthly</sl-radio-button>
            <sl-radio-button value="week">按周 · Weekly</sl-radio-button>
          </sl-radio-group>
        </div>
        ${this._body()}
      </div>
      <dc-callbacks-visits></dc-callbacks-visits>
    </div>`;
  }

  private _body() {
    if (this._error)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        完成率读取失败 · Could not load the completion: ${this._error}
      </sl-alert>`;
    const periods = this._periods;
    if (!periods)
      return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    const today = this.session.site.today;
    return html`<dc-chart
        .option=${this._option(periods)}
        label="每期应回访、已回访与完成率 · Due, done and rate per period"
      ></dc-chart>
      <div class="table-wrap">
        <table data-testid="completion">
          <thead>
            <tr>
              <th>${this._by === 'month' ? '月份' : '周'}<span class="en">Period</span></th>
              <th class="num">应回访<span class="en">Due</span></th>
              <th class="num">已回访<span class="en">Done</span></th>
              <th class="num">完成率<span class="en">Rate</span></th>
              <th class="num">满意<span class="en">Satisfied</span></th>
              <th class="num">未完成<span class="en">Open</span></th>
              <th class="num">无人接听<span class="en">Unreachable</span></th>
            </tr>
          </thead>
          <tbody>
            ${[...periods].reverse().map(
              (p) =>
                html`<tr
                  data-period=${p.period}
                  class=${p.from <= today && today <= p.to ? 'now' : ''}
                >
                  <td>
                    ${p.period}<span class="en" style="display:block;font-size:0.75rem"
                      >${p.from} – ${p.to}</span
                    >
                  </td>
                  <td class="num" data-col="due">${p.due}</td>
                  <td class="num" data-col="done">${p.done}</td>
                  <td
                    class="num ${p.rate !== null && p.rate < 1 && p.to < today ? 'low' : ''}"
                    data-col="rate"
                  >
                    ${percent(p.rate)}
                  </td>
                  <td class="num">${p.satisfied}</td>
                  <td class="num">${p.open}</td>
                  <td class="num">${p.unreachable}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private _option(periods: PeriodCompletion[]): ChartOption {
    return {
      grid: { left: 40, right: 44, top: 34, bottom: 24 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: periods.map((p) => p.period) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: '应回访 Due', type: 'bar', data: periods.map((p) => p.due) },
        { name: '已回访 Done', type: 'bar', data: periods.map((p) => p.done) },
        {
          name: '完成率 Rate',
          type: 'line',
          yAxisIndex: 1,
          data: periods.map((p) => (p.rate === null ? null : Math.round(p.rate * 100))),
        },
      ],
    };
  }

  /** Reads the figures again (the page calls it when the tab is shown). */
  async load(): Promise<void> {
    void this.renderRoot.querySelector('dc-callbacks-visits')?.load();
    const to = this.session.site.today;
    const from = addDays(to, -SPAN_DAYS[this._by]);
    try {
      const r = await this.session.api.get<{ periods: PeriodCompletion[] }>(
        `/api/callbacks/completion?by=${this._by}&from=${from}&to=${to}`,
      );
      this._periods = r.periods;
      this._error = '';
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-callbacks-completion': DcCallbacksCompletion;
  }
}
