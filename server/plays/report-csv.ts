import { csvRow, UTF8_BOM } from './csv.ts';
import {
  csvValue,
  DAY_COLUMNS,
  headerOf,
  MERCHANT_COLUMNS,
  PLAY_COLUMNS,
  PROMO_COLUMNS,
  type Column,
} from './report-columns.ts';
import type { DetailKey, DetailPlay, ReportDetail } from './report-detail.ts';
import type { Report, ReportFilter } from './report.ts';
import { zoneClock, type ZoneClock } from './zone-clock.ts';

export const CSV_TABLES = ['merchants', 'promos', 'days', 'plays'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const CHUNK = 5000;

function table<T>(columns: Column<T>[], rows: readonly T[], clock: ZoneClock): string {
  let text = UTF8_BOM + csvRow(columns.map((c) => headerOf(c, clock.zone, 'csv')));
  for (const r of rows) text += csvRow(columns.map((c) => csvValue(c, r, clock)));
  return text;
}

/** One of the report's tables as a CSV file for Excel: BOM, header, CRLF. */
export function reportCsv(report: Report, which: Exclude<CsvTable, 'plays'>, zone: string): string {
  const clock = zoneClock(zone);
  switch (which) {
    case 'merchants':
      return table(MERCHANT_COLUMNS, report.merchants, clock);
    case 'promos':
      return table(PROMO_COLUMNS, report.promos, clock);
    case 'days':
      return table(DAY_COLUMNS, report.days, clock);
    default: {
      const never: never = which;
      return never;
    }
  }
}

/** Every promo play as CSV, streamed in keyset chunks (a year is a million rows). */
export function playsDetailCsv(
  detail: ReportDetail,
  filter: ReportFilter,
  zone: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const clock = zoneClock(zone);
  let after: DetailKey | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      if (!started) {
        started = true;
        text = UTF8_BOM + csvRow(PLAY_COLUMNS.map((c) => headerOf(c, zone, 'csv')));
      }
      const rows: DetailPlay[] = detail(filter, CHUNK, after);
      for (const p of rows) text += csvRow(PLAY_COLUMNS.map((c) => csvValue(c, p, clock)));
      const last = rows.at(-1);
      if (last) after = { planDate: last.planDate, actualAt: last.actualAt, id: last.id };
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < CHUNK) controller.close();
    },
  });
}
