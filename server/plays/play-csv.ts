import { csvRow, UTF8_BOM } from './csv.ts';
import type { PlayFilter } from './play-filter.ts';
import type { Play, PlayKey, PlayStore } from './play-store.ts';
import { zonedCell } from './play-time.ts';

/** Rows read from SQLite per chunk: the export streams, whatever the range. */
const CHUNK = 2000;

function header(zone: string): string {
  return csvRow([
    'plan_date',
    `actual_time (${zone})`,
    `planned_time (${zone})`,
    'delay_s',
    'status',
    'device',
    'slot',
    'item_id',
    'kind',
    'promo_id',
    'merchant',
    'media_id',
    'title',
    'reason',
  ]);
}

function row(zone: string, p: Play): string {
  return csvRow([
    p.planDate,
    zonedCell(zone, p.actualAt),
    zonedCell(zone, p.plannedAt),
    ((Date.parse(p.actualAt) - Date.parse(p.plannedAt)) / 1000).toFixed(1),
    p.status,
    p.device ?? `#${p.deviceId}`,
    p.slot,
    p.itemId,
    p.kind,
    p.promoId,
    p.merchant,
    p.mediaId,
    p.title,
    p.reason,
  ]);
}

/**
 * The filtered log as a CSV file for Excel (BOM, header, CRLF), read in keyset chunks: the
 * database is never held across an await, so other requests go on while a year is exported.
 */
export function playsCsv(store: PlayStore, filter: PlayFilter, zone: string): ReadableStream {
  const encoder = new TextEncoder();
  let after: PlayKey | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      if (!started) {
        started = true;
        text = UTF8_BOM + header(zone);
      }
      const rows = store.page(filter, CHUNK, after ? { after } : {});
      for (const p of rows) text += row(zone, p);
      const last = rows.at(-1);
      if (last) after = { actualAt: last.actualAt, id: last.id };
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < CHUNK) controller.close();
    },
  });
}
