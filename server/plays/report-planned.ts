import { datesBetween, type IsoDate } from '../../core/zoned-time.ts';
import type { DayPlan } from '../../core/plan.ts';
import type { Db } from '../db/open.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';

/** How many times a day's plan airs one promo in one slot, and for how long in all. */
export interface PlannedRow {
  date: IsoDate;
  promoId: string;
  merchant: string;
  slot: string;
  title: string;
  planned: number;
  plannedMs: number;
}

/** A day's plan counted per promo and slot. Pure. */
export function tallyPlan(plan: DayPlan): PlannedRow[] {
  const rows = new Map<string, PlannedRow>();
  for (const item of plan.items) {
    if (!item.promo) continue;
    const key = `${item.promo.id}\u0000${item.promo.merchant}\u0000${item.slot}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        date: plan.date,
        promoId: item.promo.id,
        merchant: item.promo.merchant,
        slot: item.slot,
        title: item.title,
        planned: 0,
        plannedMs: 0,
      };
      rows.set(key, row);
    }
    row.planned += 1;
    row.plannedMs += Math.round(item.durationMs);
  }
  return [...rows.values()];
}

export interface PlannedDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  schedules: { plan(date: IsoDate): DayPlan; today(): IsoDate };
  now: () => Date;
}

/**
 * What the plans of a date range promised, per promo. Today and later days are counted from
 * the plan as it is now (kept in memory until the plan changes); a day that is over is counted
 * once and kept in SQLite, so a later edit of the program does not change what was planned, and
 * a year's report compiles no plans once its days are kept.
 */
export function plannedTallies({ db, bus, log, schedules, now }: PlannedDeps) {
  const q = {
    days: db
      .prepare<[string, string], string>(
        'SELECT plan_date FROM plays_planned_days WHERE plan_date BETWEEN ? AND ?',
      )
      .pluck(),
    rows: db.prepare<[string, string], PlannedRow>(
      `SELECT plan_date AS date, promo_id AS promoId, merchant, slot, title, planned,
         planned_ms AS plannedMs
       FROM plays_planned WHERE plan_date BETWEEN ? AND ? ORDER BY plan_date`,
    ),
    day: db.prepare(
      'INSERT OR IGNORE INTO plays_planned_days (plan_date, frozen_at) VALUES (?, ?)',
    ),
    row: db.prepare(
      `INSERT OR IGNORE INTO plays_planned
         (plan_date, promo_id, merchant, slot, title, planned, planned_ms)
       VALUES (@date, @promoId, @merchant, @slot, @title, @planned, @plannedMs)`,
    ),
  };
  const keep = db.transaction((days: [IsoDate, PlannedRow[]][]) => {
    const at = now().toISOString();
    for (const [date, rows] of days) {
      if (q.day.run(date, at).changes === 0) continue;
      for (const r of rows) q.row.run(r);
    }
  });
  // Days not kept yet, as compiled from the plan in force when they were first asked for.
  const live = new Map<IsoDate, PlannedRow[]>();

  function compile(date: IsoDate): { rows: PlannedRow[]; error?: string } {
    const cached = live.get(date);
    if (cached) return { rows: cached };
    try {
      const rows = tallyPlan(schedules.plan(date));
      live.set(date, rows);
      return { rows };
    } catch (err) {
      log.warn('no plan for the proof-of-play report', { date, err: String(err) });
      return { rows: [], error: `${date}: the plan cannot be compiled (${String(err)})` };
    }
  }

  /** Keeps the days before today that were counted before the plan changed. */
  function keepPast(): void {
    const today = schedules.today();
    const past = [...live].filter(([date]) => date < today);
    if (!past.length) return;
    keep(past);
    for (const [date] of past) live.delete(date);
  }

  const unsubscribe = bus.subscribe((e) => {
    if (e.type !== 'plan-changed') return;
    // Counted under the old plan, which is what those days played: keep them, forget the rest.
    keepPast();
    live.clear();
  });

  return {
    /** The planned rows of every day from `from` to `to`, and the days whose plan failed. */
    range(from: IsoDate, to: IsoDate): { rows: PlannedRow[]; warnings: string[] } {
      const kept = new Set(q.days.all(from, to));
      const rows = kept.size ? q.rows.all(from, to) : [];
      const warnings: string[] = [];
      for (const date of datesBetween(from, to)) {
        if (kept.has(date)) continue;
        const c = compile(date);
        rows.push(...c.rows);
        if (c.error) warnings.push(c.error);
      }
      keepPast();
      return { rows, warnings };
    },
    stop: unsubscribe,
  };
}
export type PlannedTallies = ReturnType<typeof plannedTallies>;
