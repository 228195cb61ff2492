import { addDays, weekdayOf } from '../../../../core/zoned-time.ts';
import type { ChartOption } from '../charts/dc-chart.ts';
import type { PeriodCompletion, Tally } from './report-types.ts';

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Counts as bars, one per key, most first; long names cut so the axis never overflows. */
export function tallyChart(tallies: readonly Tally[], series: string): ChartOption {
  const shown = tallies.slice(0, 10);
  const slanted = shown.length > 4;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 36, right: 12, top: 16, bottom: slanted ? 56 : 28 },
    xAxis: {
      type: 'category',
      data: shown.map((t) => t.key),
      axisLabel: {
        interval: 0,
        rotate: slanted ? 30 : 0,
        overflow: 'truncate',
        width: 84,
      },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: series, type: 'bar', data: shown.map((t) => t.count), barMaxWidth: 36 }],
  };
}

/** The complaints of each of the week's seven dates, none as zero. */
export function dayChart(byDate: readonly Tally[], from: string): ChartOption {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const count = new Map(byDate.map((d) => [d.key, d.count]));
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 36, right: 12, top: 12, bottom: 28 },
    xAxis: {
      type: 'category',
      data: dates.map((d) => `${d.slice(5)} ${WEEKDAY_ZH[weekdayOf(d)]}`),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '登记 Received',
        type: 'bar',
        data: dates.map((d) => count.get(d) ?? 0),
        barMaxWidth: 36,
      },
    ],
  };
}

/** Callbacks due and done per period as bars, the completion rate as a line on its own axis. */
export function completionChart(periods: readonly PeriodCompletion[]): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 40, right: 44, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: periods.map((p) => p.period) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '应回访 Due', type: 'bar', data: periods.map((p) => p.due), barMaxWidth: 32 },
      { name: '已回访 Done', type: 'bar', data: periods.map((p) => p.done), barMaxWidth: 32 },
      {
        name: '完成率 Rate',
        type: 'line',
        yAxisIndex: 1,
        data: periods.map((p) => (p.rate === null ? null : Math.round(p.rate * 1000) / 10)),
      },
    ],
  };
}
