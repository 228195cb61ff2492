import { isSeq, parseDocument, YAMLSeq, type Node } from 'yaml';
import { datesBetween, weekdayOf, type IsoDate } from '../../core/zoned-time.ts';
import { WEEKDAYS, type Calendar, type Holiday } from './calendar-schema.ts';
import { datesOf } from './calendar.ts';

/** A year's public holidays as the State Council publishes them, entered in one go. */
export interface YearSchedule {
  year: number;
  holidays: { name: string; from: IsoDate; to?: IsoDate | undefined }[];
  /** 调休: weekend days that are working days, with a note (`春节调休` when none is given). */
  makeUpDays: (IsoDate | { date: IsoDate; note?: string | undefined })[];
  /** Where the dates come from (国办发明电〔2026〕…号), written as a comment above them. */
  source?: string | undefined;
}

/** A problem with one field of the request, named as the console's form names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A public holiday runs a fortnight at most (春节: nine days in 2026); more is a typo. */
const MAX_HOLIDAY_DAYS = 14;

/**
 * The dates a year's notice may give. Its own year, and the last week of the December before:
 * 元旦 2023 ran 2022-12-31–2023-01-02 and the 2019 notice made 2018-12-29 a working day.
 * A holiday belongs to the year it ends in; a make-up day to the window it falls in.
 */
export function yearWindow(year: number): { first: IsoDate; last: IsoDate; lastMakeUp: IsoDate } {
  return { first: `${year - 1}-12-25`, last: `${year}-12-31`, lastMakeUp: `${year}-12-24` };
}

const dateOf = (m: YearSchedule['makeUpDays'][number]) => (typeof m === 'string' ? m : m.date);
const endOf = (h: { from: IsoDate; to?: IsoDate | undefined }) => h.to ?? h.from;

/** Every problem with a year's schedule against the calendar it goes into; empty when it fits. */
export function checkYearSchedule(input: YearSchedule, calendar: Calendar): FieldProblem[] {
  const { year } = input;
  const { first, last, lastMakeUp } = yearWindow(year);
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const names = new Map<string, number>();
  const taken = new Map<IsoDate, number>();
  input.holidays.forEach((h, i) => {
    const to = endOf(h);
    const at = `holidays.${i}`;
    if (to < h.from) {
      problem(`${at}.to`, `${h.name}: to (${to}) is before from (${h.from})`);
      return;
    }
    if (h.from < first)
      problem(
        `${at}.from`,
        `${h.name}: ${h.from} is not in ${year} (a ${year} holiday starts on ${first} at the earliest, as 元旦 sometimes does)`,
      );
    if (to > last || to < `${year}-01-01`)
      problem(h.to ? `${at}.to` : `${at}.from`, `${h.name}: ${to} is not in ${year}`);
    const dates = datesBetween(h.from, to);
    if (dates.length > MAX_HOLIDAY_DAYS)
      problem(
        `${at}.to`,
        `${h.name}: ${h.from}–${to} is ${dates.length} days; a public holiday is at most ${MAX_HOLIDAY_DAYS}`,
      );
    const same = names.get(h.name);
    if (same !== undefined)
      problem(`${at}.name`, `${h.name} is listed twice (also holidays.${same})`);
    else names.set(h.name, i);
    const overlapping = dates.map((d) => taken.get(d)).find((k) => k !== undefined);
    if (overlapping !== undefined) {
      const other = input.holidays[overlapping] as YearSchedule['holidays'][number];
      problem(
        `${at}.from`,
        `${h.name} (${h.from}–${to}) overlaps ${other.name} (${other.from}–${endOf(other)})`,
      );
    } else if (dates.length <= MAX_HOLIDAY_DAYS) for (const d of dates) taken.set(d, i);
  });
  const seen = new Set<IsoDate>();
  input.makeUpDays.forEach((m, i) => {
    const date = dateOf(m);
    const field = typeof m === 'string' ? `makeUpDays.${i}` : `makeUpDays.${i}.date`;
    if (date < first || date > lastMakeUp)
      problem(field, `${date} is not a make-up working day of ${year} (${first}–${lastMakeUp})`);
    const inside = taken.get(date);
    if (inside !== undefined)
      problem(
        field,
        `${date} is inside ${input.holidays[inside]?.name}: a make-up working day (调休) is a working day, not a holiday`,
      );
    const weekday = WEEKDAYS[weekdayOf(date)] as (typeof WEEKDAYS)[number];
    if (!calendar.weekend.includes(weekday))
      problem(
        field,
        `${date} is a ${weekday}, already a working day: a make-up working day (调休) falls on a weekend day`,
      );
    if (seen.has(date)) problem(field, `${date} is listed twice`);
    seen.add(date);
  });
  return problems;
}

/** Indexes of the calendar's holidays and make-up days that belong to `year`. */
export function entriesOfYear(
  calendar: Calendar,
  year: number,
): { holidays: number[]; makeUpDays: number[] } {
  const { first, lastMakeUp } = yearWindow(year);
  const holidays: number[] = [];
  calendar.holidays.forEach((h, i) => {
    const end = datesOf(h).at(-1);
    if (end?.startsWith(`${year}-`)) holidays.push(i);
  });
  const makeUpDays: number[] = [];
  calendar.makeupWorkdays.forEach((m, i) => {
    const date = typeof m === 'string' ? m : m.date;
    if (date >= first && date <= lastMakeUp) makeUpDays.push(i);
  });
  return { holidays, makeUpDays };
}

/** The note of a make-up day that has none: the nearest holiday's name (`春节调休`). */
function defaultNote(date: IsoDate, holidays: YearSchedule['holidays']): string {
  const distance = (h: YearSchedule['holidays'][number]) =>
    date < h.from
      ? datesBetween(date, h.from).length
      : date > endOf(h)
        ? datesBetween(endOf(h), date).length
        : 0;
  const nearest = [...holidays].sort((a, b) => distance(a) - distance(b))[0];
  return nearest ? `${nearest.name}调休` : '调休';
}

/**
 * The calendar text with `year`'s holidays and make-up days replaced by the schedule given,
 * in date order among the other years', the file's comments kept. A replaced holiday's own
 * greeting stays with the holiday of the same name. The result is validated like any edit.
 */
export function setYearSchedule(
  text: string,
  calendar: Calendar,
  input: YearSchedule,
): { text: string; replaced: { holidays: string[]; makeUpDays: IsoDate[] } } {
  const doc = parseDocument(text);
  const old = entriesOfYear(calendar, input.year);
  const greetings = new Map<string, NonNullable<Holiday['greeting']>>();
  for (const i of old.holidays) {
    const h = calendar.holidays[i] as Holiday;
    if (h.greeting) greetings.set(h.name, h.greeting);
  }
  const seqOf = (key: string): YAMLSeq => {
    let list = doc.get(key, true);
    if (!isSeq(list)) {
      list = new YAMLSeq();
      doc.set(key, list);
    }
    const seq = list as YAMLSeq;
    seq.flow = false; // `holidays: []` becomes a block list once it has entries
    return seq;
  };

  const holidays = seqOf('holidays');
  const keptHolidays = calendar.holidays.filter((_, i) => !old.holidays.includes(i));
  for (const i of [...old.holidays].reverse()) holidays.items.splice(i, 1);
  const sorted = [...input.holidays].sort((a, b) => (a.from < b.from ? -1 : 1));
  const starts = keptHolidays.map((h) => datesOf(h)[0] ?? '');
  const nodes = sorted.map((h) => {
    const to = endOf(h);
    const greeting = greetings.get(h.name);
    const node = doc.createNode({
      name: h.name,
      ...(to === h.from ? { date: h.from } : { from: h.from, to }),
      ...(greeting ? { greeting } : {}),
    });
    node.flow = !greeting;
    return { node, start: h.from };
  });
  insertInOrder(holidays, starts, nodes);
  if (input.source && nodes[0]) nodes[0].node.commentBefore = ` ${input.year}: ${input.source}`;

  const makeUps = seqOf('makeupWorkdays');
  const keptMakeUps = calendar.makeupWorkdays.filter((_, i) => !old.makeUpDays.includes(i));
  for (const i of [...old.makeUpDays].reverse()) makeUps.items.splice(i, 1);
  const days = [...input.makeUpDays].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : 1));
  insertInOrder(
    makeUps,
    keptMakeUps.map((m) => (typeof m === 'string' ? m : m.date)),
    days.map((m) => {
      const date = dateOf(m);
      const note =
        (typeof m === 'string' ? undefined : m.note) || defaultNote(date, input.holidays);
      const node = doc.createNode({ date, note });
      node.flow = true;
      return { node, start: date };
    }),
  );

  return {
    text: doc.toString({ lineWidth: 0 }),
    replaced: {
      holidays: old.holidays.map((i) => (calendar.holidays[i] as Holiday).name),
      makeUpDays: old.makeUpDays.map((i) => {
        const m = calendar.makeupWorkdays[i];
        return typeof m === 'string' ? m : (m?.date ?? '');
      }),
    },
  };
}

/** Adds each node after the last kept entry that starts no later than it (kept: their starts). */
function insertInOrder(
  seq: YAMLSeq,
  keptStarts: readonly string[],
  nodes: readonly { node: Node; start: string }[],
): void {
  const starts = [...keptStarts];
  for (const { node, start } of nodes) {
    let at = starts.length;
    while (at > 0 && (starts[at - 1] as string) > start) at--;
    seq.items.splice(at, 0, node);
    starts.splice(at, 0, start);
  }
}
