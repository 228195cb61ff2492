import type { Counts, DayLine, MerchantLine, PromoLine } from './report-merge.ts';
import type { DetailPlay } from './report-detail.ts';
import type { ZoneClock } from './zone-clock.ts';

/**
 * The report's tables as a merchant's invoice reads them, one column list per table, shared by
 * the CSV and the XLSX files: the same headers and values, typed so that Excel cells are
 * numbers, durations and dates.
 */
export interface Column<T> {
  header: string;
  kind: 'text' | 'number' | 'duration' | 'time';
  width?: number;
  value: (row: T) => string | number | null;
}

const STATUS_NAMES: Record<string, string> = {
  ended: '已播 played',
  failed: '失败 failed',
  skipped: '跳过 skipped',
};

const counts = <T extends Counts>(): Column<T>[] => [
  { header: '计划次数 planned', kind: 'number', value: (r) => r.planned },
  { header: '播出次数 played', kind: 'number', value: (r) => r.played },
  { header: '失败 failed', kind: 'number', value: (r) => r.failed },
  { header: '跳过 skipped', kind: 'number', value: (r) => r.skipped },
  { header: '未报告 not reported', kind: 'number', value: (r) => r.missed },
  {
    header: '播出率 played %',
    kind: 'number',
    value: (r) => (r.planned ? Math.round((r.played / r.planned) * 1000) / 10 : null),
  },
  { header: '计划时长 planned airtime', kind: 'duration', value: (r) => r.plannedMs },
  { header: '播出时长 airtime played', kind: 'duration', value: (r) => r.playedMs },
  { header: '各播放器播出 plays (all players)', kind: 'number', value: (r) => r.plays },
];

export const MERCHANT_COLUMNS: Column<MerchantLine>[] = [
  { header: '商户 merchant', kind: 'text', width: 20, value: (r) => r.merchant },
  { header: '促销数 promos', kind: 'number', value: (r) => r.promos },
  { header: '开始日期 from', kind: 'text', value: (r) => r.firstDate },
  { header: '结束日期 to', kind: 'text', value: (r) => r.lastDate },
  ...counts<MerchantLine>(),
];

export const PROMO_COLUMNS: Column<PromoLine>[] = [
  { header: '商户 merchant', kind: 'text', width: 20, value: (r) => r.merchant },
  { header: '促销编号 promo', kind: 'text', width: 18, value: (r) => r.promoId },
  { header: '促销内容 title', kind: 'text', width: 32, value: (r) => r.title },
  { header: '开始日期 from', kind: 'text', value: (r) => r.firstDate },
  { header: '结束日期 to', kind: 'text', value: (r) => r.lastDate },
  { header: '天数 days', kind: 'number', value: (r) => r.days },
  ...counts<PromoLine>(),
];

export const DAY_COLUMNS: Column<DayLine>[] = [
  { header: '日期 date', kind: 'text', value: (r) => r.date },
  { header: '商户 merchant', kind: 'text', width: 20, value: (r) => r.merchant },
  { header: '促销编号 promo', kind: 'text', width: 18, value: (r) => r.promoId },
  { header: '促销内容 title', kind: 'text', width: 32, value: (r) => r.title },
  ...counts<DayLine>(),
];

export const PLAY_COLUMNS: Column<DetailPlay>[] = [
  { header: '日期 date', kind: 'text', value: (p) => p.planDate },
  { header: '计划时间 planned at', kind: 'time', value: (p) => p.plannedAt },
  { header: '实际时间 played at', kind: 'time', value: (p) => p.actualAt },
  {
    header: '偏差秒 delay s',
    kind: 'number',
    value: (p) => Math.round((Date.parse(p.actualAt) - Date.parse(p.plannedAt)) / 100) / 10,
  },
  { header: '播放器 player', kind: 'text', value: (p) => p.device ?? `#${p.deviceId}` },
  { header: '结果 outcome', kind: 'text', value: (p) => STATUS_NAMES[p.status] ?? p.status },
  { header: '商户 merchant', kind: 'text', width: 20, value: (p) => p.merchant },
  { header: '促销编号 promo', kind: 'text', width: 18, value: (p) => p.promoId },
  { header: '促销内容 title', kind: 'text', width: 32, value: (p) => p.title },
  { header: '时段 slot', kind: 'text', value: (p) => p.slot },
  { header: '节目项 item', kind: 'text', width: 20, value: (p) => p.itemId },
  { header: '原因 reason', kind: 'text', width: 24, value: (p) => p.reason },
];

/** A header names the zone of a time column's wall-clock times, and a CSV duration's unit. */
export function headerOf<T>(c: Column<T>, zone: string, file: 'csv' | 'xlsx'): string {
  if (c.kind === 'time') return `${c.header} (${zone})`;
  if (c.kind === 'duration' && file === 'csv') return `${c.header} (s)`;
  return c.header;
}

/** A cell as CSV writes it: times on the mall's clocks, durations in seconds. */
export function csvValue<T>(c: Column<T>, row: T, clock: ZoneClock): string | number | null {
  const v = c.value(row);
  if (v === null) return null;
  if (c.kind === 'time') return clock.cell(String(v));
  if (c.kind === 'duration') return Math.round(Number(v) / 100) / 10;
  return v;
}

/** Excel's day zero is 1899-12-30: 25,569 days before 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/**
 * A cell as Excel takes it: a time as a day number of the wall clock (Excel has no zones,
 * whole seconds), a duration as a fraction of a day; the format shows them as such.
 */
export function xlsxValue<T>(c: Column<T>, row: T, clock: ZoneClock): string | number | null {
  const v = c.value(row);
  if (v === null) return null;
  if (c.kind === 'time')
    return Math.floor(clock.wallMs(String(v)) / 1000) / 86_400 + EXCEL_EPOCH_DAYS;
  if (c.kind === 'duration') return Number(v) / 86_400_000;
  return v;
}
