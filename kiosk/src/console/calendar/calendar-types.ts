import { addDays, parseIsoDate, weekdayOf } from '../../../../core/zoned-time.ts';
import type { CalendarDay } from '../timeline/today-data.ts';

export type { CalendarDay };

/** A script as calendar.yaml holds it: a recording, words to speak, or both. */
export interface Script {
  title?: string;
  media?: string;
  text?: string;
}

export type MarkKind = 'event' | 'holiday' | 'closed' | 'makeup';

/** One mark, as GET /api/calendar/marks gives it. */
export interface MarkView {
  kind: MarkKind;
  name?: string;
  from: string;
  to: string;
  note?: string;
  scripts?: Script[];
  repeat?: number;
  opening?: string;
  closing?: string;
  greeting?: Script;
}

/** One saved version of calendar.yaml (GET /api/calendar/revisions). */
export interface Revision {
  id: number;
  author: string;
  note: string;
  createdAt: string;
}

/** A warning of GET /api/health that the calendar page answers. */
export interface HealthWarning {
  code: string;
  year: number;
  zh: string;
  en: string;
}

/** A library item as GET /api/media lists it. */
export interface MediaItem {
  id: string;
  title: string;
  tags: string[];
  durationMs: number;
}

/** The ways a day can be marked, and how each looks (legend, chips, year overview). */
export const DAY_KINDS = {
  normal: { zh: '工作日', en: 'Normal', colour: '#ffffff', ink: '#475569', icon: 'calendar-day' },
  weekend: { zh: '周末', en: 'Weekend', colour: '#dbeafe', ink: '#1e40af', icon: 'cup-hot' },
  holiday: { zh: '节假日', en: 'Holiday', colour: '#fecaca', ink: '#991b1b', icon: 'balloon' },
  makeup: {
    zh: '调休上班',
    en: 'Make-up working day',
    colour: '#fde68a',
    ink: '#92400e',
    icon: 'briefcase',
  },
  event: { zh: '活动日', en: 'Event', colour: '#bbf7d0', ink: '#166534', icon: 'stars' },
  closed: { zh: '休息', en: 'Closed', colour: '#475569', ink: '#ffffff', icon: 'door-closed' },
} as const;
export type DayKind = keyof typeof DAY_KINDS;

/** One thing a day is, with its name or note (`节假日：春节`). */
export interface DayChip {
  kind: DayKind;
  text?: string;
}

/** What a day is, all of it, in the order the program applies it. Pure. */
export function chipsOf(day: CalendarDay | undefined): DayChip[] {
  if (!day) return [];
  if (day.closed) return [{ kind: 'closed', ...(day.note ? { text: day.note } : {}) }];
  const chips: DayChip[] = [];
  if (day.makeupWorkday) chips.push({ kind: 'makeup', ...(day.note ? { text: day.note } : {}) });
  if (day.dayTypes.includes('weekend')) chips.push({ kind: 'weekend' });
  if (day.holiday) chips.push({ kind: 'holiday', text: day.holiday });
  for (const e of day.events) chips.push({ kind: 'event', text: e });
  return chips;
}

/** The words for a day, for a tooltip or a screen reader: `周末 · 活动日：双十二`. Pure. */
export function describeDay(day: CalendarDay | undefined): string {
  const chips = chipsOf(day);
  if (!chips.length) return `${DAY_KINDS.normal.zh} · ${DAY_KINDS.normal.en}`;
  return chips
    .map((c) => `${DAY_KINDS[c.kind].zh}${c.text ? `：${c.text}` : ''} (${DAY_KINDS[c.kind].en})`)
    .join(' · ');
}

export const WEEKDAY_HEADS = ['一', '二', '三', '四', '五', '六', '日'];
export const WEEKDAY_HEADS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-12` → its first day. */
export const monthStart = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-01`;

/** The dates of a month's grid: whole weeks, Monday first (the Chinese calendar's way). Pure. */
export function monthGrid(year: number, month: number): string[] {
  const first = monthStart(year, month);
  const start = addDays(first, -((weekdayOf(first) + 6) % 7));
  const next = month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1);
  const last = addDays(next, -1);
  const end = addDays(last, (7 - weekdayOf(last)) % 7);
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** `12月17日` of a date. */
export function shortDate(date: string): string {
  const p = parseIsoDate(date);
  return p ? `${p.month}月${p.day}日` : date;
}

/** `12月17日–18日`, `12月31日–1月2日`, or one day. */
export function spanText(from: string, to: string): string {
  if (from === to) return shortDate(from);
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return `${from}–${to}`;
  const year = a.year !== b.year ? `${b.year}年` : '';
  return `${shortDate(from)}–${year}${a.month === b.month && !year ? `${b.day}日` : shortDate(to)}`;
}
