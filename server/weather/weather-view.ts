import type { DayPlan } from '../../core/plan.ts';
import { weekdayOf, zonedDay, type IsoDate } from '../../core/zoned-time.ts';
import type { Calendar } from '../program/calendar-schema.ts';
import { resolveDay } from '../program/calendar.ts';
import { composeDay } from '../program/compose.ts';
import type { Program } from '../program/program-schema.ts';
import { weatherText, type Forecast } from '../program/spoken.ts';
import type { StoredForecast } from './forecast.ts';

/** What the weather window of a date plays, as the plan has it. */
export interface WindowPlay {
  kind: string;
  title: string;
  start: string;
  end: string;
  text?: string;
}

/** One date's weather as the console shows it. */
export interface WeatherDay {
  date: IsoDate;
  /** The forecast spoken: the typed-in one when there is one, else the provider's. */
  forecast: StoredForecast | null;
  manual: StoredForecast | null;
  provider: StoredForecast | null;
  /** The sentence the players will say, from the compiled plan; null when none is said. */
  spoken: string | null;
  /** The weather window of that day (`10:00–10:05` in the shipped program), or none. */
  window: { start: string; end: string } | null;
  plays: WindowPlay[];
  /** No forecast: the window plays what the program says instead (its reminders alone). */
  fallback: boolean;
  /** The plan's complaints about the window (the forecast not fitting, say). */
  warnings: string[];
}

const weatherSlots = (program: Program) =>
  new Set(
    Object.entries(program.slots)
      .filter(([, s]) => s.type === 'weather')
      .map(([name]) => name),
  );

/**
 * The first weather window of a date's program (`10:00–10:05`), as the program writes it: it
 * is there even when nothing fills it. None on a closed day or a program without one. Pure.
 */
export function weatherWindow(
  program: Program,
  calendar: Calendar,
  date: IsoDate,
): { start: string; end: string } | null {
  const day = resolveDay(calendar, date);
  if (day.closed) return null;
  const slots = weatherSlots(program);
  const row = composeDay(program, day.overlays).rows.find(
    (r) => slots.has(r.slot) && r.from !== undefined && r.until !== undefined,
  );
  if (row?.from === undefined || row.until === undefined) return null;
  const local = zonedDay(calendar.timezone, date);
  const clock = (ms: number) => local.format(local.toInstant(ms));
  return { start: clock(row.from), end: clock(row.until) };
}

/** The weather part of a compiled plan, with what is stored for its date. Pure. */
export function weatherDay(
  plan: DayPlan,
  program: Program,
  window: WeatherDay['window'],
  stored: { manual?: StoredForecast; provider?: StoredForecast; effective?: StoredForecast },
): WeatherDay {
  const slots = weatherSlots(program);
  const items = plan.items.filter((i) => slots.has(i.slot));
  const voice = items.filter((i) => i.layer === 'voice');
  const spoken = voice.find((i) => i.kind === 'weather')?.text ?? null;
  const rows = new Set(items.map((i) => i.row));
  return {
    date: plan.date,
    forecast: stored.effective ?? null,
    manual: stored.manual ?? null,
    provider: stored.provider ?? null,
    spoken: stored.effective ? spoken : null,
    window,
    plays: voice.map((i) => ({
      kind: i.kind,
      title: i.title,
      start: i.start,
      end: i.end,
      ...(i.text ? { text: i.text } : {}),
    })),
    fallback: !stored.effective,
    warnings: plan.warnings.filter((w) => [...rows].some((r) => w.startsWith(`${r}:`))),
  };
}

/**
 * The sentence a forecast would make on a date, before it is saved: the template of the
 * weather slot that day's plan uses (else the program's first). Pure.
 */
export function previewText(
  plan: DayPlan,
  program: Program,
  date: IsoDate,
  forecast: Forecast,
): string | null {
  const slots = weatherSlots(program);
  const name = plan.items.find((i) => slots.has(i.slot))?.slot ?? [...slots][0];
  const slot = name ? program.slots[name] : undefined;
  if (slot?.type !== 'weather') return null;
  return weatherText(slot.template, date, weekdayOf(date), forecast);
}
