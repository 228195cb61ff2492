import { csvRow, UTF8_BOM } from '../plays/csv.ts';
import { zonedCell } from '../plays/play-time.ts';
import { computeFigures, type Stats } from './figures.ts';
import type { CounterRow, ServiceRow, TicketRow } from './queue-types.ts';

/** Every ticket of a date range, as the desk exports it: CSV for anything, XLSX for Excel. */
export interface ExportInput {
  rows: TicketRow[];
  services: ServiceRow[];
  counters: CounterRow[];
  zone: string;
}

type Cell = string | number | null;

interface Column {
  header: string;
  /** Minutes, instants and text are typed so the XLSX cells are numbers and dates. */
  kind: 'text' | 'number' | 'time';
  value: (t: TicketRow, x: ExportInput) => Cell;
}

const minutesBetween = (from: string | null, to: string | null) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 6_000) / 10 : null;

const serviceName = (x: ExportInput, id: string) => x.services.find((s) => s.id === id)?.name ?? id;

const COLUMNS: Column[] = [
  { header: 'date', kind: 'text', value: (t) => t.date },
  { header: 'code', kind: 'text', value: (t) => t.code },
  { header: 'service', kind: 'text', value: (t) => t.service },
  { header: 'service_name', kind: 'text', value: (t, x) => serviceName(x, t.service) },
  { header: 'taken_for', kind: 'text', value: (t) => t.takenService },
  { header: 'priority', kind: 'text', value: (t) => t.priority },
  { header: 'source', kind: 'text', value: (t) => t.source },
  { header: 'outcome', kind: 'text', value: (t) => t.status },
  { header: 'counter', kind: 'number', value: (t) => t.counter },
  { header: 'taken_at', kind: 'time', value: (t) => t.takenAt },
  { header: 'first_called_at', kind: 'time', value: (t) => t.firstCalledAt },
  { header: 'called_at', kind: 'time', value: (t) => t.calledAt },
  { header: 'call_count', kind: 'number', value: (t) => t.callCount },
  { header: 'started_at', kind: 'time', value: (t) => t.startedAt },
  { header: 'finished_at', kind: 'time', value: (t) => t.finishedAt },
  { header: 'no_show_at', kind: 'time', value: (t) => t.noShowAt },
  { header: 'closed_at', kind: 'time', value: (t) => t.closedAt },
  { header: 'wait_min', kind: 'number', value: (t) => minutesBetween(t.takenAt, t.calledAt) },
  { header: 'walk_up_min', kind: 'number', value: (t) => minutesBetween(t.calledAt, t.startedAt) },
  {
    header: 'service_min',
    kind: 'number',
    value: (t) => (t.status === 'done' ? minutesBetween(t.startedAt, t.finishedAt) : null),
  },
  { header: 'transfers', kind: 'number', value: (t) => t.transfers },
  { header: 'category', kind: 'text', value: (t) => t.category },
  { header: 'note', kind: 'text', value: (t) => t.note },
  { header: 'rating', kind: 'text', value: (t) => t.rating },
];

const headerOf = (c: Column, zone: string) =>
  c.kind === 'time' ? `${c.header} (${zone})` : c.header;

/** CSV for Excel and anything else: UTF-8 with a BOM, RFC 4180 quoting, CRLF. */
export function ticketsCsv(x: ExportInput): string {
  const lines = [UTF8_BOM + csvRow(COLUMNS.map((c) => headerOf(c, x.zone)))];
  for (const t of x.rows) {
    lines.push(
      csvRow(
        COLUMNS.map((c) => {
          const v = c.value(t, x);
          return c.kind === 'time' && typeof v === 'string' ? zonedCell(x.zone, v) : v;
        }),
      ),
    );
  }
  return lines.join('');
}

/** The mall's wall-clock time as a date Excel shows as is (Excel dates have no zone). */
const excelDate = (zone: string, utc: string) =>
  new Date(`${zonedCell(zone, utc).replace(' ', 'T')}Z`);

const STAT_COLUMNS: { header: string; value: (s: Stats) => number | null }[] = [
  { header: 'taken', value: (s) => s.taken },
  { header: 'served', value: (s) => s.served },
  { header: 'no_shows', value: (s) => s.noShows },
  { header: 'closed', value: (s) => s.closed },
  { header: 'avg_wait_min', value: (s) => s.avgWaitMin },
  { header: 'p90_wait_min', value: (s) => s.p90WaitMin },
  { header: 'avg_walk_up_min', value: (s) => s.avgWalkMin },
  { header: 'avg_service_min', value: (s) => s.avgServiceMin },
  { header: 'p90_service_min', value: (s) => s.p90ServiceMin },
  { header: 'satisfied', value: (s) => s.ratings.satisfied },
  { header: 'neutral', value: (s) => s.ratings.neutral },
  { header: 'dissatisfied', value: (s) => s.ratings.dissatisfied },
];

/** An Excel workbook: the tickets, then the figures per service and per counter. */
export async function ticketsXlsx(
  x: ExportInput,
  range: { from: string; to: string },
): Promise<Uint8Array> {
  // Loaded on first export only: it is large, and most servers never export.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const tickets = book.addWorksheet('Tickets', { views: [{ state: 'frozen', ySplit: 1 }] });
  tickets.columns = COLUMNS.map((c) => ({
    header: headerOf(c, x.zone),
    key: c.header,
    width: c.kind === 'time' ? 20 : c.header === 'note' ? 40 : 12,
    ...(c.kind === 'time' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  for (const t of x.rows) {
    tickets.addRow(
      COLUMNS.map((c) => {
        const v = c.value(t, x);
        return c.kind === 'time' && typeof v === 'string' ? excelDate(x.zone, v) : v;
      }),
    );
  }
  const figures = computeFigures(x.rows, x.services, x.counters, () => 0);
  const services = book.addWorksheet('Services');
  services.addRow(['service', 'name', ...STAT_COLUMNS.map((c) => c.header)]);
  for (const s of figures.services)
    services.addRow([s.service, s.name, ...STAT_COLUMNS.map((c) => c.value(s))]);
  const counters = book.addWorksheet('Counters');
  counters.addRow(['counter', 'name', ...STAT_COLUMNS.map((c) => c.header)]);
  for (const s of figures.counters)
    counters.addRow([s.counter, s.name, ...STAT_COLUMNS.map((c) => c.value(s))]);
  for (const sheet of [services, counters]) sheet.getRow(1).font = { bold: true };
  tickets.getRow(1).font = { bold: true };
  book.title = `deskcast queue ${range.from} – ${range.to}`;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
