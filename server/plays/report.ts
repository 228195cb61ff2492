import { statementCache, whereOf, type PlayFilter } from './play-filter.ts';
import { reportDetail } from './report-detail.ts';
import { mergeReport, type PlayedRow } from './report-merge.ts';
import { plannedTallies, type PlannedDeps, type PlannedRow } from './report-planned.ts';

/** Which promo plays a report covers: the log's filter without status and kind. */
export type ReportFilter = Omit<PlayFilter, 'status' | 'kind'>;

const SPAN_MS = `round((julianday(planned_last) - julianday(planned_first)) * 86400000)`;
const COUNTS = `sum(ended) AS played, sum(failed AND NOT ended) AS failed,
  sum(skipped AND NOT ended AND NOT failed) AS skipped, sum(plays) AS plays,
  coalesce(sum(CASE WHEN ended THEN spanMs END), 0) AS spanMs`;

/**
 * Played per day and promo, from each promo item's outcome over every player (a promo item
 * counts once however many players played it), kept by a trigger (migration 011).
 */
export const playedSql = (where: string) => `SELECT plan_date AS date, promo_id AS promoId,
  merchant, ${COUNTS}
FROM (SELECT *, ${SPAN_MS} AS spanMs FROM plays_promo_items p WHERE ${where})
GROUP BY plan_date, promo_id, merchant`;

/** The same for one player, from its own reports (index plays_report, migration 011). */
export const playedByDeviceSql = (where: string) => `SELECT plan_date AS date,
  promo_id AS promoId, merchant, ${COUNTS}
FROM (
  SELECT p.plan_date, p.promo_id, coalesce(p.merchant, '') AS merchant,
    max(p.status = 'ended') AS ended, max(p.status = 'failed') AS failed,
    max(p.status = 'skipped') AS skipped, sum(p.status = 'ended') AS plays,
    round((julianday(max(p.planned_at)) - julianday(min(p.planned_at))) * 86400000) AS spanMs
  FROM plays p
  WHERE ${where} AND p.promo_id IS NOT NULL
  GROUP BY p.plan_date, p.promo_id, p.merchant, p.item_id
)
GROUP BY plan_date, promo_id, merchant`;

export interface ReportDeps extends PlannedDeps {
  promos: { get(id: string): { title: string; merchant: { name: string } } | undefined };
}

/**
 * Proof of play for merchants: each promo's planned and played counts and airtime, and every
 * promo play for the detail. `stop` ends its subscription to plan changes.
 */
export function playReport(deps: ReportDeps) {
  const { db, promos } = deps;
  const planned = plannedTallies(deps);
  const prepared = statementCache(db);
  // As the plan titles a promo, for one played but no longer in the plan.
  const titleOf = (id: string) => {
    const p = promos.get(id);
    return p && `${p.merchant.name}：${p.title}`;
  };
  const keeps = (f: ReportFilter) => (r: PlannedRow) =>
    (f.promo === undefined || r.promoId === f.promo) &&
    (f.merchant === undefined || r.merchant === f.merchant) &&
    (f.slot === undefined || r.slot === f.slot);

  return {
    /** Planned (from the days' plans) against played (from the log), for a filter. */
    report(filter: ReportFilter) {
      const { sql, params } = whereOf(filter);
      const query = filter.device === undefined ? playedSql : playedByDeviceSql;
      const played = prepared(query(sql)).all(params) as PlayedRow[];
      const plan = planned.range(filter.from, filter.to);
      // A player's plan is the mall's plan: a device filter narrows the plays, not the plan.
      const merged = mergeReport(plan.rows.filter(keeps(filter)), played, titleOf);
      return { from: filter.from, to: filter.to, ...merged, warnings: plan.warnings };
    },
    detail: reportDetail(db),
    stop: planned.stop,
  };
}
export type PlayReportService = ReturnType<typeof playReport>;
export type Report = ReturnType<PlayReportService['report']>;
