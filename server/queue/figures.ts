/**
 * The desk's figures from its tickets: taken and served, waiting and service times (average and
 * 90th percentile), no-shows, ratings, tickets per hour. Times are derived from the stored
 * instants: wait = last call − take, walk-up = start − call, service = finish − start. Pure.
 */

export const RATINGS = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export interface FigureRow {
  takenService: string;
  service: string;
  counter: number | null;
  status: string;
  takenAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  rating: Rating | null;
  category: string | null;
}

export interface Stats {
  /** Tickets taken (for a counter: tickets it called). */
  taken: number;
  served: number;
  noShows: number;
  /** Closed unfinished at a day's reset. */
  closed: number;
  /** Still waiting, called or being served. */
  open: number;
  avgWaitMin: number | null;
  p90WaitMin: number | null;
  avgWalkMin: number | null;
  avgServiceMin: number | null;
  p90ServiceMin: number | null;
  ratings: Record<Rating, number>;
}

export interface Figures {
  totals: Stats;
  services: (Stats & { service: string; name: string; prefix: string })[];
  counters: (Stats & { counter: number; name: string })[];
  /** By hour of the mall's day: taken at that hour, served (finished) at that hour. */
  hours: { hour: number; taken: number; served: number }[];
  categories: { category: string; count: number }[];
}

const span = (from: string | null, to: string | null) =>
  from && to ? Date.parse(to) - Date.parse(from) : undefined;

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** Nearest-rank percentile of a sample; null when it is empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

const defined = (v: number | undefined): v is number => v !== undefined && v >= 0;

export function statsOf(rows: readonly FigureRow[], taken: number): Stats {
  const waits = rows.map((r) => span(r.takenAt, r.calledAt)).filter(defined);
  const walks = rows.map((r) => span(r.calledAt, r.startedAt)).filter(defined);
  const services = rows
    .filter((r) => r.status === 'done')
    .map((r) => span(r.startedAt, r.finishedAt))
    .filter(defined);
  const inMinutes = (v: number | null) => (v === null ? null : minutes(v));
  const ratings = Object.fromEntries(RATINGS.map((k) => [k, 0])) as Record<Rating, number>;
  for (const r of rows) if (r.rating) ratings[r.rating] += 1;
  return {
    taken,
    served: rows.filter((r) => r.status === 'done').length,
    noShows: rows.filter((r) => r.status === 'no-show').length,
    closed: rows.filter((r) => r.status === 'closed').length,
    open: rows.filter((r) => ['waiting', 'called', 'serving'].includes(r.status)).length,
    avgWaitMin: inMinutes(mean(waits)),
    p90WaitMin: inMinutes(percentile(waits, 0.9)),
    avgWalkMin: inMinutes(mean(walks)),
    avgServiceMin: inMinutes(mean(services)),
    p90ServiceMin: inMinutes(percentile(services, 0.9)),
    ratings,
  };
}

export function computeFigures(
  rows: readonly FigureRow[],
  services: readonly { id: string; name: string; prefix: string }[],
  counters: readonly { number: number; name: string }[],
  hourOf: (iso: string) => number,
): Figures {
  const hours = new Map<number, { hour: number; taken: number; served: number }>();
  const hour = (h: number) => {
    let e = hours.get(h);
    if (!e) hours.set(h, (e = { hour: h, taken: 0, served: 0 }));
    return e;
  };
  const categories = new Map<string, number>();
  for (const r of rows) {
    hour(hourOf(r.takenAt)).taken += 1;
    if (r.status === 'done' && r.finishedAt) hour(hourOf(r.finishedAt)).served += 1;
    if (r.category) categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
  }
  return {
    totals: statsOf(rows, rows.length),
    services: services.map((s) => ({
      service: s.id,
      name: s.name,
      prefix: s.prefix,
      ...statsOf(
        rows.filter((r) => r.service === s.id),
        rows.filter((r) => r.takenService === s.id).length,
      ),
    })),
    counters: counters.map((c) => {
      const mine = rows.filter((r) => r.counter === c.number);
      return { counter: c.number, name: c.name, ...statsOf(mine, mine.length) };
    }),
    hours: [...hours.values()].sort((a, b) => a.hour - b.hour),
    categories: [...categories]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  };
}
