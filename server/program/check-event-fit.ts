import { formatDuration } from '../common/duration.ts';
import type { DayPlan, PlanItem } from '../../core/plan.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { MediaCatalogue } from '../media/catalogue.ts';
import type { CalendarEvent, Script } from './calendar-schema.ts';
import { datesOf, resolveDay } from './calendar.ts';
import { describeMs, type Finding, type Schedules } from './check.ts';
import { compileDayPlan } from './compile.ts';
import { spoken } from './spoken.ts';

/** As long as a real forecast, so the weather's own sentence is part of what must fit. */
const STAND_IN_FORECAST = { condition: '多云转晴', low: -5, high: 12 };
/** Kinds of event day compiled per check at most, so a calendar of many years stays quick. */
const MAX_DAYS = 16;

/**
 * Event scripts too long for the time they have. Event announcements come first in precedence,
 * so a long script silently pushes the weather, the welcome speech or a holiday greeting out
 * of their windows; and a script longer than its row's `every` delays the announcements after
 * it. Each kind of event day is compiled with and without its scripts, and whatever fixed
 * speech the scripts leave out is reported at the script that did it. Events over before
 * `today` are not looked at. Pure.
 */
export function checkEventFit(s: Schedules, catalogue: MediaCatalogue, today?: IsoDate): Finding[] {
  const { program, calendar } = s;
  const out: Finding[] = [];
  const reported = new Set<string>();
  const warn = (key: string, path: readonly PropertyKey[], message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    out.push({ file: 'calendar', path, message, severity: 'warning' });
  };
  const gap = program.voiceGap;
  const upcoming = (e: CalendarEvent) => {
    const dates = datesOf(e);
    return today === undefined ? dates : dates.filter((d) => d >= today);
  };
  const said = (e: CalendarEvent, script: Script) =>
    spoken(catalogue, script, `${e.name}：活动信息`);

  // A script played `repeat` times must end before the row's next announcement is due.
  const rows = (['normal', 'weekend', 'holiday', 'event'] as const).flatMap((dt) =>
    program.dayTypes[dt].items.flatMap((item) => {
      const slot = program.slots[item.slot];
      return slot?.type === 'event-announcement' &&
        item.every !== undefined &&
        item.at === undefined
        ? [{ id: item.id ?? item.slot, every: item.every, repeat: slot.repeat }]
        : [];
    }),
  );
  calendar.events.forEach((e, i) => {
    if (upcoming(e).length === 0) return;
    e.scripts.forEach((script, j) => {
      const part = said(e, script);
      if (!part) return;
      for (const row of rows) {
        const repeat = e.repeat ?? row.repeat;
        const total = repeat * part.durationMs + gap * (repeat - 1);
        if (total + gap <= row.every) continue;
        warn(
          `every:${i}.${j}.${row.every}`,
          ['events', i, 'scripts', j],
          `"${part.title}" plays ${repeat} × ${formatDuration(part.durationMs)} (${formatDuration(total)} with the breaths between), longer than the ${describeMs(row.every)} between two announcements (program.yaml: ${row.id}): every announcement after it starts late, and one that cannot start within ${describeMs(row.every)} is left out`,
        );
      }
    });
  });

  // One date of each kind of event day (day types, events and holiday alike plan alike).
  const days = new Map<string, IsoDate>();
  for (const e of calendar.events) {
    for (const date of upcoming(e)) {
      const day = resolveDay(calendar, date);
      if (day.closed) continue;
      const key = `${day.overlays.join('+')}|${day.events.map((x) => x.name).join('|')}|${day.holiday?.name ?? ''}`;
      if (!days.has(key) && days.size < MAX_DAYS) days.set(key, date);
    }
  }
  if (days.size === 0) return out;

  // Promos flow around fixed speech and are placed after it: leaving them out changes nothing.
  const inputs = { ...s, promos: [], catalogue };
  const silent = {
    ...inputs,
    calendar: { ...calendar, events: calendar.events.map((e) => ({ ...e, scripts: [] })) },
  };
  const scriptAt = new Map<string, { i: number; j: number }>();
  calendar.events.forEach((e, i) =>
    e.scripts.forEach((script, j) => {
      const part = said(e, script);
      if (part && !scriptAt.has(keyOf(part))) scriptAt.set(keyOf(part), { i, j });
    }),
  );
  const typeOf = (item: PlanItem) => program.slots[item.slot]?.type;
  const isFixed = (item: PlanItem) =>
    item.layer === 'voice' && typeOf(item) !== 'promos' && typeOf(item) !== 'event-announcement';

  for (const date of days.values()) {
    const options = { forecast: STAND_IN_FORECAST };
    const plan = compileDayPlan(inputs, date, options);
    const without = compileDayPlan(silent, date, options);
    const announcements = plan.items.filter((item) => typeOf(item) === 'event-announcement');
    for (const [row, lost] of leftOut(without.items.filter(isFixed), plan.items.filter(isFixed))) {
      const first = lost[0] as PlanItem;
      const culprit = lastStartingBy(announcements, first.end) ?? announcements[0];
      const at = culprit && scriptAt.get(keyOf(culprit));
      if (!culprit || !at) continue;
      const e = calendar.events[at.i] as CalendarEvent;
      const group = repeatsOf(announcements, culprit, gap);
      const squeezed = without.items.find((item) => item.row === row) as PlanItem;
      const slot = program.slots[squeezed.slot];
      const short = lost.reduce((sum, item) => sum + item.durationMs + gap, 0);
      const parts = lost.map((item) => `"${item.title}" (${formatDuration(item.durationMs)})`);
      warn(
        `squeeze:${at.i}.${at.j}.${row}`,
        ['events', at.i, 'scripts', at.j],
        `on ${dayLabel(plan)} script ${at.j + 1} of ${e.name} (${group.count} × ${formatDuration(culprit.durationMs)} from ${clock(group.first.start)}) squeezes out ${parts.join(', ')} of the ${clock(squeezed.start).slice(0, 5)} ${slot?.title ?? row}: about ${formatDuration(short)} too long; shorten it or set repeat: 1`,
      );
    }
  }
  return out;
}

/** A recording by its id, a text by its words: the same in the plan and in the calendar. */
function keyOf(p: { media?: { id: string } | undefined; text?: string | undefined }): string {
  return p.media ? `media:${p.media.id}` : `text:${p.text ?? ''}`;
}

/** The fixed speech of `before` that `after` no longer has, by the row it belongs to. */
function leftOut(before: PlanItem[], after: PlanItem[]): Map<string, PlanItem[]> {
  const remaining = new Map<string, number>();
  const id = (item: PlanItem) => `${item.row}|${keyOf(item)}|${item.title}`;
  for (const item of after) remaining.set(id(item), (remaining.get(id(item)) ?? 0) + 1);
  const lost = new Map<string, PlanItem[]>();
  for (const item of before) {
    const n = remaining.get(id(item)) ?? 0;
    if (n > 0) remaining.set(id(item), n - 1);
    else lost.set(item.row, [...(lost.get(item.row) ?? []), item]);
  }
  return lost;
}

/** The announcement that began last before `end` (the one in the way). */
function lastStartingBy(items: PlanItem[], end: string): PlanItem | undefined {
  const t = Date.parse(end);
  let found: PlanItem | undefined;
  for (const item of items) if (Date.parse(item.start) <= t) found = item;
  return found;
}

/** The plays of one script back to back (played `repeat` times) that `item` is one of. */
function repeatsOf(
  items: PlanItem[],
  item: PlanItem,
  gapMs: number,
): { first: PlanItem; count: number } {
  const same = (a: PlanItem, b: PlanItem) =>
    keyOf(a) === keyOf(b) && a.row === b.row && Date.parse(a.end) + gapMs >= Date.parse(b.start);
  const at = items.indexOf(item);
  let first = at;
  while (first > 0 && same(items[first - 1] as PlanItem, items[first] as PlanItem)) first--;
  let last = at;
  while (last + 1 < items.length && same(items[last] as PlanItem, items[last + 1] as PlanItem))
    last++;
  return { first: items[first] as PlanItem, count: last - first + 1 };
}

/** `HH:MM:SS` of an instant written with the mall's offset. */
const clock = (iso: string) => iso.slice(11, 19);

function dayLabel(plan: DayPlan): string {
  return `${plan.date} (${plan.dayTypes.join('+')})`;
}
