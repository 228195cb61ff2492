import type { PlannedRow } from './report-planned.ts';

/** What the log says of one promo on one day: plan items played, failed, skipped. */
export interface PlayedRow {
  date: string;
  promoId: string;
  merchant: string;
  /** Plan items that some player played to their end. */
  played: number;
  /** Plan items that failed on every player that tried, or were skipped (and never played). */
  failed: number;
  skipped: number;
  /** `ended` reports, one per player: with several players, more than `played`. */
  plays: number;
  /** The played items' planned lengths as their reports give them (started to ended). */
  spanMs: number;
}

/** Planned against played, for a promo, a merchant, a day or the whole range. */
export interface Counts {
  planned: number;
  played: number;
  failed: number;
  skipped: number;
  /** Planned items that no player reported as played, failed or skipped. */
  missed: number;
  plays: number;
  plannedMs: number;
  playedMs: number;
}

export interface DayLine extends Counts {
  date: string;
  promoId: string;
  merchant: string;
  title: string;
}
export interface PromoLine extends Counts {
  promoId: string;
  merchant: string;
  title: string;
  firstDate: string;
  lastDate: string;
  days: number;
}
export interface MerchantLine extends Counts {
  merchant: string;
  promos: number;
  firstDate: string;
  lastDate: string;
}

const zero = (): Counts => ({
  planned: 0,
  played: 0,
  failed: 0,
  skipped: 0,
  missed: 0,
  plays: 0,
  plannedMs: 0,
  playedMs: 0,
});

function add(into: Counts, c: Counts): void {
  into.planned += c.planned;
  into.played += c.played;
  into.failed += c.failed;
  into.skipped += c.skipped;
  into.missed += c.missed;
  into.plays += c.plays;
  into.plannedMs += c.plannedMs;
  into.playedMs += c.playedMs;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Planned and played side by side, per promo and day, then summed per promo, per merchant, per
 * day and overall. A promo's airtime played is its planned spot length times the items played;
 * a promo played that day's plan does not hold (the plan was changed) counts its reports' own
 * lengths. Pure.
 */
export function mergeReport(
  planned: readonly PlannedRow[],
  played: readonly PlayedRow[],
  titleOf: (promoId: string) => string | undefined,
) {
  const key = (date: string, promoId: string, merchant: string) =>
    `${date}\u0000${promoId}\u0000${merchant}`;
  const lines = new Map<string, DayLine & { spanMs: number }>();
  const line = (date: string, promoId: string, merchant: string) => {
    const k = key(date, promoId, merchant);
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { date, promoId, merchant, title: '', spanMs: 0, ...zero() }));
    return l;
  };
  for (const p of planned) {
    const l = line(p.date, p.promoId, p.merchant);
    l.planned += p.planned;
    l.plannedMs += p.plannedMs;
    l.title ||= p.title;
  }
  for (const p of played) {
    const l = line(p.date, p.promoId, p.merchant);
    l.played += p.played;
    l.failed += p.failed;
    l.skipped += p.skipped;
    l.plays += p.plays;
    l.spanMs += p.spanMs;
  }
  const days: DayLine[] = [...lines.values()]
    .map(({ spanMs, ...l }) => ({
      ...l,
      title: l.title || titleOf(l.promoId) || l.promoId,
      missed: Math.max(0, l.planned - l.played - l.failed - l.skipped),
      playedMs: l.planned > 0 ? Math.round((l.plannedMs / l.planned) * l.played) : spanMs,
    }))
    .sort(
      (a, b) =>
        byName(a.date, b.date) || byName(a.merchant, b.merchant) || byName(a.promoId, b.promoId),
    );

  const promos = new Map<string, PromoLine>();
  const merchants = new Map<string, MerchantLine & { ids: Set<string> }>();
  const daily = new Map<string, Counts & { date: string }>();
  const totals = zero();
  for (const d of days) {
    const pk = `${d.promoId}\u0000${d.merchant}`;
    let p = promos.get(pk);
    if (!p) {
      const { promoId, merchant, title, date } = d;
      p = { promoId, merchant, title, firstDate: date, lastDate: date, days: 0, ...zero() };
      promos.set(pk, p);
    }
    add(p, d);
    p.lastDate = d.date;
    p.days += 1;
    let m = merchants.get(d.merchant);
    if (!m) {
      const { merchant, date } = d;
      m = { merchant, promos: 0, firstDate: date, lastDate: date, ids: new Set(), ...zero() };
      merchants.set(merchant, m);
    }
    add(m, d);
    m.ids.add(d.promoId);
    m.lastDate = d.date;
    let day = daily.get(d.date);
    if (!day) daily.set(d.date, (day = { date: d.date, ...zero() }));
    add(day, d);
    add(totals, d);
  }
  return {
    totals,
    merchants: [...merchants.values()]
      .map(({ ids, ...m }) => ({ ...m, promos: ids.size }))
      .sort((a, b) => byName(a.merchant, b.merchant)),
    promos: [...promos.values()].sort(
      (a, b) => byName(a.merchant, b.merchant) || byName(a.promoId, b.promoId),
    ),
    days,
    daily: [...daily.values()],
  };
}
export type MergedReport = ReturnType<typeof mergeReport>;
