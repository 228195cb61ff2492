import { compileDayPlan, type PlanOptions } from '../../server/program/compile.ts';
import { loadSchedules, type LoadedSchedules } from '../../server/program/load.ts';
import type { DayPlan, PlanItem } from '../../core/plan.ts';

let loaded: Promise<LoadedSchedules> | undefined;

/** The shipped schedules/ and media/, loaded once per test file. */
export async function shipped(): Promise<
  Required<Pick<LoadedSchedules, 'schedules'>> & LoadedSchedules
> {
  loaded ??= loadSchedules('schedules', 'media');
  const l = await loaded;
  if (!l.schedules) throw new Error(`shipped schedules do not load: ${JSON.stringify(l.errors)}`);
  return l as Required<Pick<LoadedSchedules, 'schedules'>> & LoadedSchedules;
}

export async function planFor(date: string, options: PlanOptions = {}): Promise<DayPlan> {
  const { schedules, catalogue } = await shipped();
  return compileDayPlan({ ...schedules, catalogue }, date, options);
}

/** `09:42:00` from `2026-12-05T09:42:00+08:00`. */
export const clock = (iso: string) => iso.slice(11, 19);

export const ofSlot = (plan: DayPlan, slot: string, layer?: PlanItem['layer']) =>
  plan.items.filter((i) => i.slot === slot && (!layer || i.layer === layer));

/** First start and last end of a slot's plays, as local clock times. */
export function spanOf(
  plan: DayPlan,
  slot: string,
  layer?: PlanItem['layer'],
): [string, string] | undefined {
  const items = ofSlot(plan, slot, layer);
  if (items.length === 0) return undefined;
  return [clock(items[0]!.start), clock(items[items.length - 1]!.end)];
}

export const ms = (iso: string) => Date.parse(iso);
