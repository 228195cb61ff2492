import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import type { ChartOption } from '../charts/dc-chart.ts';
import '../charts/dc-chart.ts';
import { airtime, percent } from './plays-format.ts';
import type { Counts, PlayReport } from './plays-types.ts';

/** Bars of planned against played per merchant. */
function merchantChart(r: PlayReport): ChartOption {
  const names = r.merchants.map((m) => m.merchant);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '计划 Planned', type: 'bar', data: r.merchants.map((m) => m.planned) },
      { name: '播出 Played', type: 'bar', data: r.merchants.map((m) => m.played) },
      {
        name: '失败/跳过 Failed/skipped',
        type: 'bar',
        data: r.merchants.map((m) => m.failed + m.skipped),
      },
    ],
  };
}

/** Planned against played, day by day. */
function dailyChart(r: PlayReport): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: r.daily.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '计划 Planned', type: 'line', data: r.daily.map((d) => d.planned), symbol: 'none' },
      { name: '播出 Played', type: 'line', data: r.daily.map((d) => d.played), symbol: 'none' },
    ],
  };
}

const cells = (c: Counts) => html`
  <td class="num" data-col="planned">${c.planned}</td>
  <td class="num" data-col="played">${c.played}</td>
  <td class="num">${percent(c.played, c.planned)}</td>
  <td class="num ${c.failed ? 'bad' : ''}" data-col="failed">${c.failed}</td>
  <td class="num ${c.skipped ? 'warn' : ''}" data-col="skipped">${c.skipped}</td>
  <td class="num ${c.missed ? 'warn' : ''}" data-col="missed">${c.missed}</td>
  <td class="num">${airtime(c.plannedMs)}</td>
  <td class="num" data-col="airtime">${airtime(c.playedMs)}</td>
`;

/**
 * Proof of play at a glance: the totals, planned against played per merchant (and per day for a
 * range) as charts, and the table per merchant and promo that an invoice is made from.
 */
@customElement('dc-plays-summary')
export class DcPlaysSummary extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .tile .value {
        font-size: 1.6rem;
        font-weight: 600;
      }
      .tile .label {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      .charts {
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        margin-bottom: 1rem;
      }
      dc-chart {
        height: 15rem;
      }
      tr.merchant td {
        font-weight: 600;
        background: var(--sl-color-neutral-50);
      }
      tr.promo td:first-child {
        padding-left: 1.5rem;
      }
      .promo-id {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
      td.bad {
        color: var(--sl-color-danger-600);
        font-weight: 600;
      }
      td.warn {
        color: var(--sl-color-warning-700);
      }
    `,
  ];

  @property({ attribute: false }) report?: PlayReport;

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const t = r.totals;
    if (t.planned === 0 && t.played === 0 && t.failed === 0 && t.skipped === 0)
      return html`<div class="card empty" data-testid="report-empty">
        <sl-icon name="inbox"></sl-icon><br />
        这段时间没有计划或播出的促销 · No promos were planned or played in this range.
      </div>`;
    return html`
      <div class="tiles" data-testid="totals">
        ${this._tile('计划次数', 'Planned', String(t.planned), 'planned')}
        ${this._tile('播出次数', 'Played', String(t.played), 'played')}
        ${this._tile('播出率', 'Played of planned', percent(t.played, t.planned), 'rate')}
        ${this._tile('失败 / 跳过', 'Failed / skipped', `${t.failed} / ${t.skipped}`, 'failed')}
        ${this._tile('未报告', 'Not reported', String(t.missed), 'missed')}
        ${this._tile('播出时长', 'Airtime played', airtime(t.playedMs), 'airtime')}
      </div>
      <div class="grid charts">
        <div class="card">
          <h2>各商户计划与播出<span class="en">Planned vs played per merchant</span></h2>
          <dc-chart .option=${merchantChart(r)} label="Planned vs played per merchant"></dc-chart>
        </div>
        ${
          r.daily.length > 1
            ? html`<div class="card">
                <h2>每日计划与播出<span class="en">Planned vs played per day</span></h2>
                <dc-chart .option=${dailyChart(r)} label="Planned vs played per day"></dc-chart>
              </div>`
            : nothing
        }
      </div>
      <div class="card">
        <h2>商户与促销<span class="en">Merchants and promos</span></h2>
        <div class="table-wrap">
          <table data-testid="report-table">
            <thead>
              <tr>
                <th>商户 / 促销<span class="en">Merchant / promo</span></th>
                <th class="num">计划<span class="en">Planned</span></th>
                <th class="num">播出<span class="en">Played</span></th>
                <th class="num">播出率<span class="en">%</span></th>
                <th class="num">失败<span class="en">Failed</span></th>
                <th class="num">跳过<span class="en">Skipped</span></th>
                <th class="num">未报告<span class="en">Not reported</span></th>
                <th class="num">计划时长<span class="en">Planned airtime</span></th>
                <th class="num">播出时长<span class="en">Airtime played</span></th>
              </tr>
            </thead>
            <tbody>
              ${r.merchants.map(
                (m) => html`
                  <tr class="merchant" data-merchant=${m.merchant}>
                    <td>${m.merchant} <span class="muted">(${m.promos})</span></td>
                    ${cells(m)}
                  </tr>
                  ${r.promos
                    .filter((p) => p.merchant === m.merchant)
                    .map(
                      (p) =>
                        html`<tr class="promo" data-promo=${p.promoId}>
                          <td>${p.title}<span class="promo-id">${p.promoId}</span></td>
                          ${cells(p)}
                        </tr>`,
                    )}
                `,
              )}
            </tbody>
          </table>
        </div>
        ${r.warnings.map(
          (w) =>
            html`<sl-alert variant="warning" open style="margin-top:.75rem">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>${w}
            </sl-alert>`,
        )}
      </div>
    `;
  }

  private _tile(zh: string, en: string, value: string, id: string) {
    return html`<div class="card tile" data-tile=${id}>
      <div class="value">${value}</div>
      <div class="label">${zh} · ${en}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-plays-summary': DcPlaysSummary;
  }
}
