import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChartOption } from '../charts/dc-chart.ts';
import '../charts/dc-chart.ts';
import { pageStyles } from '../console-styles.ts';
import { where } from './report-text.ts';
import { DEADLINE_TEXT, spanText, STATUS_TEXT, timeText } from '../complaints/complaint-text.ts';
import { dayChart, tallyChart } from './report-charts.ts';
import type { OnTime, WeekSummary } from './report-types.ts';

const percentText = (t: OnTime) => (t.percent === null ? '—' : `${t.percent}%`);

/**
 * The weekly complaint summary (投诉信息每周汇总) as the desk reads it: the headline figures,
 * charts by category, merchant, floor and day, then what was left open and overdue at the
 * week's end and what was rejected, with the reason the customer was told.
 */
@customElement('dc-report-week')
export class DcReportWeek extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .tile .value {
        font-size: 1.7rem;
        font-weight: 600;
      }
      .tile .label {
        font-size: 0.85rem;
        color: var(--sl-color-neutral-700);
      }
      .tile .sub {
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
      .tile.bad .value {
        color: var(--sl-color-danger-700);
      }
      .charts {
        grid-template-columns: repeat(3, minmax(0, 1fr));
        margin-bottom: 1rem;
      }
      dc-chart {
        height: 11.5rem;
      }
      /* The week's seven days read best as one wide chart under the three counts. */
      .charts .days {
        grid-column: 1 / -1;
      }
      .days dc-chart {
        height: 10rem;
      }
      .lists {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      }
      @media (max-width: 1100px) {
        .charts,
        .lists {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .late {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
      .late .en {
        font-weight: 400;
      }
      .nw {
        white-space: nowrap;
      }
      td.reason {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) summary?: WeekSummary;

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const tz = s.timezone;
    return html`
      <div class="tiles" data-testid="week-tiles">
        ${this._tile('received', '登记投诉', 'Received', String(s.received), `已解决 ${s.resolved} resolved`)}
        ${this._tile(
          'answered',
          '24小时内答复',
          'Answered within 24 h',
          percentText(s.answerWithin24h),
          `${s.answerWithin24h.met} / ${s.answerWithin24h.due} 按时 on time`,
        )}
        ${this._tile(
          'planned',
          '72小时内给方案',
          'Plan within 72 h',
          percentText(s.planWithin72h),
          `${s.planWithin72h.met} / ${s.planWithin72h.due} 按时 on time`,
        )}
        ${this._tile(
          'overdue',
          '逾期未办',
          'Open overdue',
          String(s.openOverdue.length),
          `截至 ${s.to} 24:00 · at the week's end`,
          s.openOverdue.length > 0,
        )}
      </div>
      ${
        s.received === 0
          ? html`<div class="card empty" data-testid="week-empty">
              <sl-icon name="inbox"></sl-icon><br />
              这一周没有登记投诉 · No complaints were received this week.
            </div>`
          : html`<div class="grid charts">
              ${this._chart('按类别', 'By category', tallyChart(s.byCategory, '投诉 Complaints'))}
              ${this._chart('按商户', 'By merchant', tallyChart(s.byMerchant, '投诉 Complaints'))}
              ${this._chart('按楼层', 'By floor', tallyChart(s.byFloor, '投诉 Complaints'))}
              ${this._chart('按日', 'By day', dayChart(s.byDate, s.from), 'days')}
            </div>`
      }
      <div class="grid lists">
        <div class="card">
          <h2>逾期未办<span class="en">Open and overdue at the week's end</span></h2>
          ${
            s.openOverdue.length === 0
              ? html`<p class="muted" data-testid="overdue-none">没有逾期的投诉 · None overdue.</p>`
              : html`<div class="table-wrap">
                  <table data-testid="overdue-list">
                    <thead>
                      <tr>
                        <th>编号<span class="en">No.</span></th>
                        <th>顾客<span class="en">Customer</span></th>
                        <th>类别 / 商户<span class="en">Category / merchant</span></th>
                        <th>状态<span class="en">Status</span></th>
                        <th>超时<span class="en">Overdue</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      ${s.openOverdue.map(
                        (o) =>
                          html`<tr data-complaint=${o.id}>
                            <td>#${o.id}</td>
                            <td>
                              ${o.customerName}<br /><span class="muted nw"
                                >${timeText(o.receivedAt, tz)}</span
                              >
                            </td>
                            <td>${o.category}<br /><span class="muted">${where(o)}</span></td>
                            <td>
                              ${STATUS_TEXT[o.status].zh}<span class="en">
                                ${STATUS_TEXT[o.status].en}</span
                              >
                              ${o.escalated ? html`<br /><sl-badge variant="danger">已上报 Escalated</sl-badge>` : nothing}
                            </td>
                            <td>
                              ${o.late.map(
                                (l) =>
                                  html`<div class="late">
                                    <span class="nw"
                                      >${DEADLINE_TEXT[l.deadline].zh}
                                      ${spanText(l.overdueMs).zh}</span
                                    >
                                    <span class="en">${DEADLINE_TEXT[l.deadline].en}</span>
                                  </div>`,
                              )}
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
          }
        </div>
        <div class="card">
          <h2>不受理<span class="en">Rejected, with the reason told</span></h2>
          ${
            s.rejected.length === 0
              ? html`<p class="muted" data-testid="rejected-none">
                  这一周没有不受理的投诉 · None rejected.
                </p>`
              : html`<div class="table-wrap">
                  <table data-testid="rejected-list">
                    <thead>
                      <tr>
                        <th>编号<span class="en">No.</span></th>
                        <th>不受理时间<span class="en">Rejected</span></th>
                        <th>类别 / 商户<span class="en">Category / merchant</span></th>
                        <th>原因<span class="en">Reason</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      ${s.rejected.map(
                        (r) =>
                          html`<tr data-complaint=${r.id}>
                            <td>#${r.id}</td>
                            <td class="nw">${timeText(r.rejectedAt, tz)}</td>
                            <td>${r.category}<br /><span class="muted">${r.merchant}</span></td>
                            <td class="reason">${r.reason}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
          }
        </div>
      </div>
    `;
  }

  private _tile(id: string, zh: string, en: string, value: string, sub: string, bad = false) {
    return html`<div class="card tile ${bad ? 'bad' : ''}" data-tile=${id}>
      <div class="value">${value}</div>
      <div class="label">${zh} · ${en}</div>
      <div class="sub">${sub}</div>
    </div>`;
  }

  private _chart(zh: string, en: string, option: ChartOption, cls = '') {
    return html`<div class="card ${cls}">
      <h2>${zh}<span class="en">${en}</span></h2>
      <dc-chart .option=${option} label=${en}></dc-chart>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-report-week': DcReportWeek;
  }
}
