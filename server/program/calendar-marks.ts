import { formatClock } from '../common/duration.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { Calendar, Script } from './calendar-schema.ts';
import { datesOf } from './calendar.ts';
import { parsePlainClock } from './clock-expr.ts';
import type { DayMark, MarkKind } from './calendar-edit.ts';
import { locate, parseYaml, type Path, type SourceIssue } from './source.ts';

/** One mark of the calendar as the console shows it (and undoes it): an entry of the file. */
export interface MarkView {
  kind: MarkKind;
  name?: string;
  from: IsoDate;
  to: IsoDate;
  note?: string;
  scripts?: Script[];
  repeat?: number;
  opening?: string;
  closing?: string;
  greeting?: Script;
}

/** A refused mark's problem: where it is in calendar.yaml, and the form field it came from. */
export type MarkIssue = SourceIssue & { field?: string };

const overlaps = (dates: IsoDate[], from: IsoDate, to: IsoDate) =>
  dates.length > 0 && (dates[0] as IsoDate) <= to && (dates.at(-1) as IsoDate) >= from;

/** Every event, holiday, closed day and make-up day that touches `from`–`to`, by kind. Pure. */
export function marksBetween(calendar: Calendar, from: IsoDate, to: IsoDate): MarkView[] {
  const out: MarkView[] = [];
  const span = (dates: IsoDate[]) => ({ from: dates[0] as IsoDate, to: dates.at(-1) as IsoDate });
  for (const e of calendar.events) {
    const dates = datesOf(e);
    if (!overlaps(dates, from, to)) continue;
    out.push({
      kind: 'event',
      name: e.name,
      ...span(dates),
      scripts: e.scripts,
      ...(e.repeat !== undefined ? { repeat: e.repeat } : {}),
      ...(e.opening !== undefined ? { opening: formatClock(e.opening) } : {}),
      ...(e.closing !== undefined ? { closing: formatClock(e.closing) } : {}),
    });
  }
  for (const h of calendar.holidays) {
    const dates = datesOf(h);
    if (!overlaps(dates, from, to)) continue;
    out.push({
      kind: 'holiday',
      name: h.name,
      ...span(dates),
      ...(h.greeting ? { greeting: h.greeting } : {}),
    });
  }
  for (const c of calendar.closed) {
    const dates = datesOf(c);
    if (overlaps(dates, from, to))
      out.push({ kind: 'closed', ...span(dates), ...(c.note ? { note: c.note } : {}) });
  }
  for (const m of calendar.makeupWorkdays) {
    const date = typeof m === 'string' ? m : m.date;
    const note = typeof m === 'string' ? undefined : m.note;
    if (date >= from && date <= to)
      out.push({ kind: 'makeup', from: date, to: date, ...(note ? { note } : {}) });
  }
  return out;
}

/**
 * The form field behind each place of a new entry in calendar.yaml (`line:col` → field), so a
 * problem the check finds there is shown at the field that caused it. A problem with the entry
 * as a whole (its dates overlap another holiday) goes to `from`.
 */
export function markFields(text: string, list: string, index: number): Map<string, string> {
  const { source } = parseYaml('calendar.yaml', text);
  const at = (path: Path) => {
    const { line, col } = locate(source, path);
    return `${line}:${col}`;
  };
  const base: Path = [list, index];
  const entry = source.doc.getIn(base) as unknown;
  const fields = new Map<string, string>([[at(base), 'from']]);
  const json = (entry as { toJSON?: () => unknown })?.toJSON?.() as Record<string, unknown>;
  if (!json || typeof json !== 'object') return fields;
  const name: Record<string, string> = { date: 'from', greeting: 'greeting' };
  for (const key of Object.keys(json)) fields.set(at([...base, key]), name[key] ?? key);
  const scripts = Array.isArray(json['scripts']) ? (json['scripts'] as unknown[]) : [];
  scripts.forEach((s, j) => {
    fields.set(at([...base, 'scripts', j]), `scripts.${j}`);
    for (const key of Object.keys((s as object) ?? {}))
      fields.set(at([...base, 'scripts', j, key]), `scripts.${j}.${key}`);
  });
  const greeting = json['greeting'];
  if (greeting && typeof greeting === 'object')
    for (const key of Object.keys(greeting))
      fields.set(at([...base, 'greeting', key]), key === 'media' ? 'greeting.media' : 'greeting');
  return fields;
}

/** Issues with the field each points at, where it is one of the mark's. */
export function withFields(
  issues: readonly SourceIssue[],
  fields: Map<string, string>,
): MarkIssue[] {
  return issues.map((i) => {
    const field = i.file === 'calendar.yaml' ? fields.get(`${i.line}:${i.col}`) : undefined;
    return field ? { ...i, field } : { ...i };
  });
}

/**
 * What is wrong with a mark on its own, before the calendar is looked at: the file's schema
 * check stops at its first kind of problem, and a person fixing the form wants them all.
 * Each at the field, located where the field went in the candidate text. Pure.
 */
export function markProblems(mark: DayMark, fields: Map<string, string>): MarkIssue[] {
  const at = new Map([...fields].map(([pos, field]) => [field, pos] as const));
  const out: MarkIssue[] = [];
  const problem = (field: string, message: string) => {
    const [line, col] = (at.get(field) ?? at.get('from') ?? '0:0').split(':').map(Number);
    out.push({ file: 'calendar.yaml', line: line ?? 0, col: col ?? 0, field, message });
  };
  if ('to' in mark && mark.to && mark.to < mark.from)
    problem('to', `结束日期早于开始日期 · to (${mark.to}) is before from (${mark.from})`);
  if (mark.kind === 'event') {
    mark.scripts.forEach((s, j) => {
      if (!s.text && !s.media)
        problem(
          `scripts.${j}`,
          '稿件需要录音或播报文字 · a script needs media (a recording) or text (to be spoken)',
        );
    });
    const open = mark.opening ? parsePlainClock(mark.opening) : undefined;
    const close = mark.closing ? parsePlainClock(mark.closing) : undefined;
    if (open !== undefined && close !== undefined && close <= open)
      problem(
        'closing',
        `闭店时间须晚于开门时间 · closing (${mark.closing}) must be after opening (${mark.opening})`,
      );
  }
  return out;
}

/** The mark's own problems, then the calendar check's that name another field (or none). */
export function mergeProblems(own: MarkIssue[], checked: MarkIssue[]): MarkIssue[] {
  const taken = new Set(own.map((i) => i.field));
  return [...own, ...checked.filter((i) => !i.field || !taken.has(i.field))];
}
