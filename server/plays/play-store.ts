import type { Db } from '../db/open.ts';
import { statementCache, whereOf, type PlayFilter } from './play-filter.ts';
import type { PlayReport, PlayStatus } from '../../core/play-report.ts';

/** One row of the as-played log; instants in UTC as stored. */
export interface Play {
  id: number;
  deviceId: number;
  device: string | null;
  reportId: string;
  planDate: string;
  itemId: string;
  slot: string;
  kind: string;
  promoId: string | null;
  merchant: string | null;
  mediaId: string | null;
  title: string;
  status: PlayStatus;
  plannedAt: string;
  actualAt: string;
  reason: string | null;
  receivedAt: string;
}

/** Where a page ends: the next page starts after this play (log order is actual time, then id). */
export interface PlayKey {
  actualAt: string;
  id: number;
}

const SELECT = `SELECT p.id, p.device_id AS deviceId, d.name AS device, p.report_id AS reportId,
  p.plan_date AS planDate, p.item_id AS itemId, p.slot, p.kind, p.promo_id AS promoId,
  p.merchant, p.media_id AS mediaId, p.title, p.status, p.planned_at AS plannedAt,
  p.actual_at AS actualAt, p.reason, p.received_at AS receivedAt
FROM plays p LEFT JOIN devices d ON d.id = p.device_id`;

/** The as-played log in SQLite: idempotent uploads and filtered, paged reads. */
export function playStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO plays (device_id, report_id, plan_date, item_id, slot, kind, promo_id, merchant,
       media_id, title, status, planned_at, actual_at, reason, received_at)
     VALUES (@deviceId, @reportId, @planDate, @itemId, @slot, @kind, @promoId, @merchant,
       @mediaId, @title, @status, @plannedAt, @actualAt, @reason, @receivedAt)
     ON CONFLICT (device_id, report_id) DO NOTHING`,
  );
  const insertAll = db.transaction(
    (deviceId: number, reports: PlayReport[], receivedAt: string) => {
      let accepted = 0;
      for (const r of reports) {
        accepted += insert.run({
          promoId: null,
          merchant: null,
          mediaId: null,
          reason: null,
          ...r,
          deviceId,
          receivedAt,
        }).changes;
      }
      return accepted;
    },
  );

  const prepared = statementCache(db);

  return {
    /** Stores a batch in one transaction; reports it already has are counted as duplicates. */
    add(deviceId: number, reports: PlayReport[], receivedAt: string) {
      const accepted = insertAll(deviceId, reports, receivedAt);
      return { accepted, duplicates: reports.length - accepted };
    },

    /** One page of the log in play order, after `after` or skipping `offset` rows. */
    page(filter: PlayFilter, limit: number, at: { after?: PlayKey; offset?: number } = {}) {
      const { sql, params } = whereOf(filter);
      const keyset = at.after
        ? ' AND (p.actual_at > @afterAt OR (p.actual_at = @afterAt AND p.id > @afterId))'
        : '';
      const rows = prepared(
        `${SELECT} WHERE ${sql}${keyset} ORDER BY p.actual_at, p.id LIMIT @limit OFFSET @offset`,
      ).all({
        ...params,
        ...(at.after ? { afterAt: at.after.actualAt, afterId: at.after.id } : {}),
        limit,
        offset: at.offset ?? 0,
      }) as Play[];
      return rows;
    },

    /** How many plays match, ignoring paging. */
    count(filter: PlayFilter): number {
      const { sql, params } = whereOf(filter);
      return prepared(`SELECT count(*) FROM plays p WHERE ${sql}`).pluck().get(params) as number;
    },
  };
}
export type PlayStore = ReturnType<typeof playStore>;
