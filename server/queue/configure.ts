import type { Db } from '../db/open.ts';
import { apiError } from '../http/errors.ts';
import type { QueueFile } from './queue-file.ts';

const BUSY_SERVICE =
  "SELECT count(*) FROM queue_tickets WHERE date = ? AND service = ? AND status IN ('waiting', 'called', 'serving')";

/**
 * Applies an edited queue.yaml to a running queue: services and counters are updated in
 * place, today's tickets keep their numbers. A service with customers still waiting, or an
 * open counter, cannot be removed: serve or close first.
 */
export function applyQueueFile(
  db: Db,
  file: QueueFile,
  text: string,
  settings: unknown,
  date: string,
): void {
  const busy = db.prepare<[string, string], number>(BUSY_SERVICE).pluck();
  db.transaction(() => {
    const keepServices = new Set(file.services.map((s) => s.id));
    for (const id of db.prepare('SELECT id FROM queue_services').pluck().all() as string[]) {
      if (!keepServices.has(id) && (busy.get(date, id) ?? 0) > 0)
        throw apiError(
          409,
          'service-in-use',
          `service "${id}" still has customers today: serve or transfer them first`,
          {
            field: 'services',
          },
        );
    }
    // Rewritten whole: prefixes may move between services, and the prefix index is unique.
    // Tickets name their service by id, so nothing else points at these rows.
    db.prepare('DELETE FROM queue_services').run();
    const insertService = db.prepare(
      `INSERT INTO queue_services (id, prefix, name, name_en, hours_from, hours_until, sort_order)
       VALUES (@id, @prefix, @name, @nameEn, @from, @until, @order)`,
    );
    file.services.forEach((s, i) =>
      insertService.run({
        id: s.id,
        prefix: s.prefix,
        name: s.name,
        nameEn: s.nameEn,
        from: s.hours.from,
        until: s.hours.until,
        order: i + 1,
      }),
    );

    const keepCounters = new Set(file.counters.map((c) => c.number));
    for (const row of db.prepare('SELECT number, status FROM queue_counters').all() as {
      number: number;
      status: string;
    }[]) {
      if (keepCounters.has(row.number)) continue;
      if (row.status !== 'closed')
        throw apiError(409, 'counter-open', `counter ${row.number} is open: close it first`, {
          field: 'counters',
        });
      db.prepare('DELETE FROM queue_counters WHERE number = ?').run(row.number);
    }
    const upsertCounter = db.prepare(
      `INSERT INTO queue_counters (number, name, default_services) VALUES (?, ?, ?)
       ON CONFLICT (number) DO UPDATE SET name = excluded.name, default_services = excluded.default_services`,
    );
    for (const c of file.counters)
      upsertCounter.run(c.number, c.name ?? `${c.number}号窗口`, JSON.stringify(c.services));

    const setMeta = db.prepare(
      'INSERT INTO queue_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    setMeta.run('settings', JSON.stringify(settings));
    setMeta.run('file', text);
  })();
}
