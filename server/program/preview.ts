import { z } from 'zod';
import { isoDate, PLAN_KINDS, type DayPlan, type PlanItem } from '../../core/plan.ts';
import { addDays, type IsoDate } from '../../core/zoned-time.ts';
import type { AppContext } from '../context.ts';
import type { MediaCatalogue } from '../media/catalogue.ts';
import type { Schedules } from './check.ts';
import { slotLevels, type SlotLevels } from './check-volume.ts';
import { compileDayPlan } from './compile.ts';
import { planChanges, type PlanChange } from './preview-changes.ts';
import { LOOKAHEAD_DAYS } from './schedule-service.ts';
import type { SourceIssue } from './source.ts';

const text = z
  .string()
  .min(1, 'the file is empty')
  .max(1_000_000, 'a schedule file is at most 1 MB');

/** `POST /api/program/preview`: the program and volume files as being edited, and a date. */
export const previewBody = z.strictObject({
  /** program.yaml as edited; the running one when left out. */
  program: text.optional(),
  /** volume.yaml as edited; the running one when left out. */
  volume: text.optional(),
  /** The date whose plan to show; today (the mall's) when left out. */
  date: isoDate.optional(),
});
export type PreviewBody = z.infer<typeof previewBody>;

/** One of the coming days, as a save would compile it. */
export interface DaySummary {
  date: IsoDate;
  dayType: DayPlan['dayType'];
  dayTypes: string[];
  items: number;
  byKind: Record<PlanItem['kind'], number>;
  /** Items in the running program's plan of that day. */
  runningItems: number;
  /** The plan differs from the one the players have now. */
  changed: boolean;
  /** What the compiler had to leave out or could not fill. */
  warnings: string[];
}

/** A slot's level rules; a music slot's also for each playlist a row may give it instead. */
export interface PreviewLevels extends SlotLevels {
  playlists?: Record<string, SlotLevels>;
}

export interface ProgramPreview {
  date: IsoDate;
  /** The date's plan from the edited files; null when they have errors (nothing compiles). */
  plan: DayPlan | null;
  /** What differs from the date's plan as the players have it now. */
  changes: PlanChange[];
  /** Every problem a save would be refused for, at `file:line:col`. */
  errors: SourceIssue[];
  warnings: SourceIssue[];
  /** The days a save proves (today and the six after), compiled from the edited files. */
  days: DaySummary[];
  /** Per slot, the levels the seed's ranges allow (the edited files', else the running ones). */
  levels: Record<string, PreviewLevels>;
  /** The running revisions the preview was judged against. */
  running: { program: number; volume: number; calendar: number };
}

type Deps = Pick<AppContext, 'schedules' | 'media' | 'promos' | 'weather'>;

function levelsOf(s: Pick<Schedules, 'program' | 'volume'>, catalogue: MediaCatalogue) {
  const out: Record<string, PreviewLevels> = {};
  for (const [name, slot] of Object.entries(s.program.slots)) {
    const own = slotLevels(s, catalogue, name);
    if (!own) continue;
    if (slot.type !== 'music') {
      out[name] = own;
      continue;
    }
    const playlists: Record<string, SlotLevels> = {};
    for (const p of Object.keys(s.program.playlists)) {
      const l = slotLevels(s, catalogue, name, p);
      if (l) playlists[p] = l;
    }
    out[name] = { ...own, playlists };
  }
  return out;
}

const countKinds = (plan: DayPlan) => {
  const byKind = Object.fromEntries(PLAN_KINDS.map((k) => [k, 0])) as DaySummary['byKind'];
  for (const i of plan.items) byKind[i.kind]++;
  return byKind;
};

/**
 * What saving these files would do, stored nowhere: the same gate a save goes through (every
 * check, the next seven days compiled), the date's plan from the same compiler and inputs the
 * players' plans come from (media, promos, the day's forecast), and how each coming day's plan
 * compares with the running one.
 */
export function previewProgram(ctx: Deps, body: PreviewBody): ProgramPreview {
  const { schedules } = ctx;
  const live = schedules.current();
  const texts = {
    ...(body.program !== undefined ? { program: body.program } : {}),
    ...(body.volume !== undefined ? { volume: body.volume } : {}),
  };
  const verdict = schedules.check({ texts });
  const catalogue = ctx.media.catalogue();
  const today = schedules.today();
  const date = body.date ?? today;
  const running = {
    program: live.revisions.program.id,
    volume: live.revisions.volume.id,
    calendar: live.revisions.calendar.id,
  };
  const levels = levelsOf(verdict.schedules ?? live.schedules, catalogue);
  if (!verdict.schedules)
    return {
      date,
      plan: null,
      changes: [],
      errors: verdict.errors,
      warnings: verdict.warnings,
      days: [],
      levels,
      running,
    };
  const inputs = { ...verdict.schedules, promos: ctx.promos.all(), catalogue };
  const compile = (d: IsoDate) =>
    compileDayPlan(inputs, d, { forecast: ctx.weather.forecastFor(d) });
  const plans = new Map<IsoDate, DayPlan>();
  const days = Array.from({ length: LOOKAHEAD_DAYS }, (_, i): DaySummary => {
    const d = addDays(today, i);
    const plan = compile(d);
    plans.set(d, plan);
    const now = schedules.compiled(d);
    return {
      date: d,
      dayType: plan.dayType,
      dayTypes: plan.dayTypes,
      items: plan.items.length,
      byKind: countKinds(plan),
      runningItems: now.plan.items.length,
      changed: JSON.stringify(plan) !== now.json,
      warnings: plan.warnings,
    };
  });
  const plan = plans.get(date) ?? compile(date);
  return {
    date,
    plan,
    changes: planChanges(schedules.compiled(date).plan, plan, verdict.schedules.program.slots),
    errors: verdict.errors,
    warnings: verdict.warnings,
    days,
    levels,
    running,
  };
}
