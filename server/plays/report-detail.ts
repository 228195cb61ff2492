import type { Db } from '../db/open.ts';
import { statementCache, whereOf } from './play-filter.ts';
import type { ReportFilter } from './report.ts';

/** One promo play on one player, as the report's detail lists it; instants in UTC. */
export interface DetailPlay {
  id: number;
  planDate: string;
  plannedAt: string;
  actualAt: string;
  status: string;
  device: string | null;
  deviceId: number;
  slot: string;
  itemId: string;
  promoId: string;
  merchant: string | null;
  title: string;
  reason: string | null;
}

/** Where a chunk ends: the next starts after it (day, then play time, then id). */
export interface DetailKey {
  planDate: string;
  actualAt: string;
  id: number;
}

/**
 * Every promo play's outcome (ended, failed, skipped; `started` is the same play's beginning),
 * in chunks. Day order first, so the plays_detail index (migration 011) gives the order and
 * holds only these rows: nothing is sorted, nothing else is read.
 */
export function reportDetail(db: Db) {
  const prepared = statementCache(db);
  return (filter: ReportFilter, limit: number, after?: DetailKey): DetailPlay[] => {
    const { sql, params } = whereOf(filter);
    const keyset = after
      ? ' AND (p.plan_date, p.actual_at, p.id) > (@afterDate, @afterAt, @afterId)'
      : '';
    return prepared(
      `SELECT p.id, p.plan_date AS planDate, p.planned_at AS plannedAt, p.actual_at AS actualAt,
         p.status, d.name AS device, p.device_id AS deviceId, p.slot, p.item_id AS itemId,
         p.promo_id AS promoId, p.merchant, p.title, p.reason
       FROM plays p INDEXED BY plays_detail LEFT JOIN devices d ON d.id = p.device_id
       WHERE ${sql} AND p.promo_id IS NOT NULL AND p.status != 'started'${keyset}
       ORDER BY p.plan_date, p.actual_at, p.id LIMIT @limit`,
    ).all({
      ...params,
      ...(after ? { afterDate: after.planDate, afterAt: after.actualAt, afterId: after.id } : {}),
      limit,
    }) as DetailPlay[];
  };
}
export type ReportDetail = ReturnType<typeof reportDetail>;
