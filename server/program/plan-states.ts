import { itemStates, REPORT_GRACE_MS, type ItemStatus } from '../../core/item-states.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { PlayLog } from '../plays/play-log.ts';
import { zonedIso } from '../plays/play-time.ts';
import type { ScheduleService } from './schedule-service.ts';

/** More plays than a day can hold (560 items, a few reports each, a few players). */
const DAY_PLAYS_LIMIT = 100_000;

export interface PlanStates {
  date: IsoDate;
  timezone: string;
  /** The server's clock when the states were worked out. */
  now: string;
  graceMs: number;
  states: ItemStatus[];
}

/**
 * Each plan item of a date with what became of it, from the as-played log at `now`: what the
 * console's Today page colours its timeline by.
 */
export function planStates(
  deps: { schedules: ScheduleService; plays: PlayLog },
  date: IsoDate,
  now: Date,
): PlanStates {
  const zone = deps.schedules.timezone();
  const { items } = deps.schedules.plan(date);
  const plays = deps.plays.store
    .page({ from: date, to: date }, DAY_PLAYS_LIMIT)
    .map((p) => ({ ...p, actualAt: zonedIso(zone, p.actualAt) }));
  return {
    date,
    timezone: zone,
    now: zonedIso(zone, now.toISOString()),
    graceMs: REPORT_GRACE_MS,
    states: itemStates(items, plays, now.getTime()),
  };
}
