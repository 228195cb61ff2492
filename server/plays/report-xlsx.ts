import { PassThrough, Readable } from 'node:stream';
import {
  DAY_COLUMNS,
  headerOf,
  PLAY_COLUMNS,
  PROMO_COLUMNS,
  xlsxValue,
  type Column,
} from './report-columns.ts';
import type { DetailKey, ReportDetail } from './report-detail.ts';
import type { PromoLine } from './report-merge.ts';
import type { Report, ReportFilter } from './report.ts';
import { XlsxWriter, type SheetColumn, type SheetWriter } from './xlsx-writer.ts';
import { zoneClock, type ZoneClock } from './zone-clock.ts';

/** Excel's sheet limit is 1,048,576 rows: the detail goes on as "明细 Plays (2)" past this. */
export const ROWS_PER_SHEET = 1_000_000;
const CHUNK = 5000;

export interface XlsxInput {
  report: Report;
  filter: ReportFilter;
  detail: ReportDetail;
  zone: string;
  mall: string;
  /** Filters in words, for the title block. */
  filters: string;
}

const sheetColumns = <T>(columns: Column<T>[]): SheetColumn[] =>
  columns.map((c) => ({
    width: c.width ?? (c.kind === 'time' ? 20 : 14),
    format: c.kind,
  }));

function header<T>(sheet: SheetWriter, columns: Column<T>[], zone: string): void {
  sheet.row(
    columns.map((c) => headerOf(c, zone, 'xlsx')),
    'bold',
  );
}

const cells = <T>(columns: Column<T>[], row: T, clock: ZoneClock) =>
  columns.map((c) => xlsxValue(c, row, clock));

/**
 * The report as an Excel workbook, written as it streams: the summary per merchant and promo
 * (with each merchant's total, what an invoice bills), the same per day, and every play with
 * its time and player. Detail rows are read in keyset chunks, so a year's export neither holds
 * the database between chunks nor holds its rows in memory.
 */
export function reportXlsx(x: XlsxInput): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void write(x, out).catch((err: unknown) => out.destroy(err as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function write(x: XlsxInput, out: PassThrough): Promise<void> {
  const book = new XlsxWriter(out);
  const { report, zone } = x;
  const clock = zoneClock(zone);

  const summary = await book.sheet('汇总 Summary', sheetColumns(PROMO_COLUMNS), 4);
  summary.row([`${x.mall} · 播放证明 Proof of play`], 'title');
  summary.row([`${report.from} – ${report.to}`, x.filters]);
  summary.row([`时间为商场时间 Times are mall time (${zone})`]);
  header(summary, PROMO_COLUMNS, zone);
  for (const m of report.merchants) {
    for (const p of report.promos.filter((r) => r.merchant === m.merchant))
      summary.row(cells(PROMO_COLUMNS, p, clock));
    const days = new Set(report.days.filter((d) => d.merchant === m.merchant).map((d) => d.date));
    const total: PromoLine = {
      ...m,
      promoId: '合计 total',
      title: `${m.promos} 个促销 promos`,
      days: days.size,
    };
    summary.row(cells(PROMO_COLUMNS, total, clock), 'bold');
  }
  const all: PromoLine = {
    ...report.totals,
    merchant: '总计 all merchants',
    promoId: '',
    title: '',
    firstDate: report.from,
    lastDate: report.to,
    days: report.daily.length,
  };
  summary.row(cells(PROMO_COLUMNS, all, clock), 'bold');
  for (const w of report.warnings) summary.row([w]);
  await summary.end();

  const byDay = await book.sheet('按日 By day', sheetColumns(DAY_COLUMNS));
  header(byDay, DAY_COLUMNS, zone);
  for (const d of report.days) {
    byDay.row(cells(DAY_COLUMNS, d, clock));
    await byDay.flush();
  }
  await byDay.end();

  let sheets = 0;
  let inSheet = 0;
  const nextSheet = async () => {
    sheets += 1;
    const s = await book.sheet(
      sheets === 1 ? '明细 Plays' : `明细 Plays (${sheets})`,
      sheetColumns(PLAY_COLUMNS),
    );
    header(s, PLAY_COLUMNS, zone);
    inSheet = 0;
    return s;
  };
  let sheet = await nextSheet();
  let after: DetailKey | undefined;
  for (;;) {
    const rows = x.detail(x.filter, CHUNK, after);
    for (const p of rows) {
      if (inSheet === ROWS_PER_SHEET) {
        await sheet.end();
        sheet = await nextSheet();
      }
      sheet.row(cells(PLAY_COLUMNS, p, clock));
      inSheet += 1;
    }
    await sheet.flush();
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) break;
    after = { planDate: last.planDate, actualAt: last.actualAt, id: last.id };
    // Other requests go on between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await sheet.end();
  await book.finish();
}
