import { addDays, weekdayOf, type IsoDate } from '../../../../core/zoned-time.ts';

/** An ISO week (Monday to Sunday) of the mall's dates, as the reports name it. */
export interface Week {
  /** `2026-W49`. */
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** The month the week is counted in (its Thursday's, as ISO weeks are): `2026-12`. */
  month: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week a date is in: the week of its Thursday, in the year of that Thursday. Pure. */
export function weekOf(date: IsoDate): Week {
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(thursday) - Date.UTC(year, 0, 1)) / 86_400_000;
  return {
    label: `${year}-W${pad(Math.floor(dayOfYear / 7) + 1)}`,
    from: monday,
    to: addDays(monday, 6),
    month: thursday.slice(0, 7),
  };
}

/** The week `n` weeks after (before, when negative) the one holding `date`. Pure. */
export const weekAfter = (w: Week, n: number): Week => weekOf(addDays(w.from, 7 * n));

/** The first and last dates of a month `2026-12`. Pure. */
export function monthDates(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}
