import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChartOption } from '../charts/dc-chart.ts';
import '../charts/dc-chart.ts';
import { pageStyles } from '../console-styles.ts';
import type { Figures } from './queue-data.ts';

/** Tickets taken and served in each hour of the day so far. */
function hoursChart(f: Figures): ChartOption {
  const first = Math.min(9, ...f.hours.map((h) => h.hour));
  const last = Math.max(18, ...f.hours.map((h) => h.hour));
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const at = (h: number) => f.hours.find((x) => x.hour === h);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 40, right: 12, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: hours.map((h) => `${h}:00`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '取号 Taken', type: 'bar', data: hours.map((h) => at(h)?.taken ?? 0) },
      { name: '办结 Served', type: 'bar', data: hours.map((h) => at(h)?.served ?? 0) },
    ],
  };
}

/** Average and 90th-percentile waits per service, in minutes. */
function waitsChart(f: Figures): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${String(v)} min`) },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 40, right: 12, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: f.services.map((s) => `${s.prefix} ${s.name.replace(/\s*[（(].*$/u, '')}`),
      axisLabel: { interval: 0, overflow: 'truncate', width: 80 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '平均等候 Average wait', type: 'bar', data: f.services.map((s) => s.avgWaitMin) },
      { name: '90% 等候 90th percentile', type: 'bar', data: f.services.map((s) => s.p90WaitMin) },
    ],
  };
}

/** The day's figures as two charts: tickets per hour, and waits per service. */
@customElement('dc-queue-charts')
export class DcQueueCharts extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .grid {
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      }
      dc-chart {
        height: 14rem;
      }
    `,
  ];

  @property({ attribute: false }) figures?: Figures;

  override render() {
    const f = this.figures;
    if (!f) return html``;
    const none = f.totals.taken === 0;
    return html`<div class="grid">
      <div class="card">
        <h2>每小时取号与办结<span class="en">Tickets per hour</span></h2>
        ${
          none
            ? html`<div class="empty">今天还没有人取号 · No tickets yet today.</div>`
            : html`<dc-chart .option=${hoursChart(f)} label="Tickets per hour"></dc-chart>`
        }
      </div>
      <div class="card">
        <h2>各业务等候时间（分钟）<span class="en">Waits per service, minutes</span></h2>
        ${
          f.totals.avgWaitMin === null
            ? html`<div class="empty">
                还没有叫过号，等候时间在叫号后统计 · Waits are counted once tickets are called.
              </div>`
            : html`<dc-chart .option=${waitsChart(f)} label="Waits per service"></dc-chart>`
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-queue-charts': DcQueueCharts;
  }
}
