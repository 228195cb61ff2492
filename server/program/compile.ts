import { zonedDay, type IsoDate } from '../../core/zoned-time.ts';
import type { MediaCatalogue } from '../media/catalogue.ts';
import type { Calendar } from './calendar-schema.ts';
import { resolveDay } from './calendar.ts';
import { eventHours } from './calendar-marks-hours.ts';
import { composeDay } from './compose.ts';
import { DayContext } from './day-context.ts';
import { placeFixedSpeech } from './fixed-speech.ts';
import type { DayPlan } from '../../core/plan.ts';
import type { Program } from './program-schema.ts';
import { fillPromos } from './promo-fill.ts';
import type { Promo } from './promo-schema.ts';
import type { Forecast } from './spoken.ts';
import type { VolumeConfig } from './volume-schema.ts';

/** Everything a day plan is computed from. Same inputs, same plan, byte for byte. */
export interface PlanInputs {
  program: Program;
  calendar: Calendar;
  volume: VolumeConfig;
  catalogue: MediaCatalogue;
  promos: readonly Promo[];
}

export interface PlanOptions {
  /** The day's weather; `null` or absent means "no forecast". */
  forecast?: Forecast | null;
}

/** Computes the plan of one date. Pure: no clock, no files, no host zone. */
export function compileDayPlan(
  inputs: PlanInputs,
  date: IsoDate,
  options: PlanOptions = {},
): DayPlan {
  const { program, calendar } = inputs;
  const zone = calendar.timezone;
  const day = resolveDay(calendar, date);
  const base = { date, timezone: zone, events: [] as string[], warnings: [] as string[] };
  if (day.closed) {
    const warnings = day.note ? [`closed: ${day.note}`] : [];
    return {
      ...base,
      dayType: 'closed',
      dayTypes: ['closed'],
      makeupWorkday: false,
      items: [],
      warnings,
    };
  }

  const composed = composeDay(program, day.overlays, eventHours(day.events));
  const local = zonedDay(zone, date);
  const ctx = new DayContext(inputs, date, composed, local.toInstant);

  for (const row of composed.rows) {
    const slot = program.slots[row.slot];
    if (!slot) continue;
    switch (slot.type) {
      case 'music':
        ctx.fillBed(
          row,
          slot,
          row.playlist ?? slot.playlist,
          row.volume ?? slot.volume,
          row.id,
          'music',
        );
        break;
      case 'promos':
      case 'weather':
        if (slot.bed) ctx.fillBed(row, slot, slot.bed, undefined, `${row.id}/bed`, 'music');
        break;
      case 'speech':
      case 'holiday-greeting':
      case 'event-announcement':
        break;
      default: {
        const never: never = slot;
        throw new Error(`unhandled slot ${String(never)}`);
      }
    }
  }
  placeFixedSpeech(ctx, day.holiday, day.events, options.forecast ?? null);
  fillPromos(ctx);

  const counts = new Map<string, number>();
  const items = ctx.plays
    .sort((a, b) => a.start - b.start || (a.layer === b.layer ? 0 : a.layer === 'bed' ? -1 : 1))
    .map((play) => {
      // `row#1`, `row#2`… in the order the row's plays appear.
      const n = (counts.get(play.row) ?? 0) + 1;
      counts.set(play.row, n);
      return ctx.toItem(play, `${play.row}#${n}`, local.format);
    });
  const top = composed.dayTypes[composed.dayTypes.length - 1] ?? 'normal';
  const clock = (ms: number) => local.format(local.toInstant(ms));
  return {
    ...base,
    dayType: top,
    dayTypes: composed.dayTypes,
    makeupWorkday: day.makeupWorkday,
    ...(day.holiday ? { holiday: day.holiday.name } : {}),
    events: day.events.map((e) => e.name),
    onAir: clock(composed.onAir),
    opening: clock(composed.opening),
    closing: clock(composed.closing),
    items,
    warnings: ctx.warnings,
  };
}
