import type { Db } from '../db/open.ts';
import { statementCache, whereOf, type PlayFilter } from './play-filter.ts';

/** How one promo, merchant or slot did over a range of days. */
export interface PlayCounts {
  /** Plays that ran to their end: what a merchant is billed for. */
  ended: number;
  started: number;
  skipped: number;
  failed: number;
  /** Players that reported it. */
  devices: number;
  /** When the first and the last completed play ended (UTC); null when none completed. */
  firstPlayedAt: string | null;
  lastPlayedAt: string | null;
}

const COUNTS = `sum(status = 'ended') AS ended, sum(status = 'started') AS started,
  sum(status = 'skipped') AS skipped, sum(status = 'failed') AS failed,
  count(DISTINCT device_id) AS devices,
  min(CASE WHEN status = 'ended' THEN actual_at END) AS firstPlayedAt,
  max(CASE WHEN status = 'ended' THEN actual_at END) AS lastPlayedAt`;
type Row = Record<keyof PlayCounts, number | string | null>;

/** Proof of play: counts per promo, per merchant and per slot, for the plays a filter selects. */
export function playSummary(db: Db) {
  const prepared = statementCache(db);
  return (filter: PlayFilter) => {
    const { sql: where, params } = whereOf(filter);
    const all = (sql: string) => prepared(sql).all(params);
    const totals = prepared(`SELECT ${COUNTS} FROM plays p WHERE ${where}`).get(params) as Row;
    return {
      promos: all(
        `SELECT promo_id AS promoId, merchant, max(title) AS title, ${COUNTS}
         FROM plays p WHERE ${where} AND promo_id IS NOT NULL
         GROUP BY promo_id, merchant ORDER BY merchant, promo_id`,
      ) as (PlayCounts & { promoId: string; merchant: string | null; title: string })[],
      merchants: all(
        `SELECT merchant, count(DISTINCT promo_id) AS promos, ${COUNTS}
         FROM plays p WHERE ${where} AND merchant IS NOT NULL GROUP BY merchant ORDER BY merchant`,
      ) as (PlayCounts & { merchant: string; promos: number })[],
      slots: all(
        `SELECT slot, ${COUNTS} FROM plays p WHERE ${where} GROUP BY slot ORDER BY min(planned_at)`,
      ) as (PlayCounts & { slot: string })[],
      // sum() over no rows is NULL; an empty range still has zero plays.
      totals: {
        ...totals,
        ended: totals.ended ?? 0,
        started: totals.started ?? 0,
        skipped: totals.skipped ?? 0,
        failed: totals.failed ?? 0,
      } as PlayCounts,
    };
  };
}
export type PlaySummary = ReturnType<ReturnType<typeof playSummary>>;
