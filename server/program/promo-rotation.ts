import { seededRandom, shuffled } from '../common/seeded-random.ts';
import type { Promo } from './promo-schema.ts';

export function promoValidOn(promo: Promo, date: string): boolean {
  if (promo.retired) return false;
  if (promo.validFrom && date < promo.validFrom) return false;
  if (promo.validTo && date > promo.validTo) return false;
  return true;
}

const HOUR_MS = 3_600_000;

/** Time between two plays of a promo booked by the hour. */
export const intervalOf = (p: Promo) => (p.playsPerHour ? HOUR_MS / p.playsPerHour : Infinity);

export interface PromoRotation {
  /**
   * The promo to start at `t` (epoch ms) among those `eligible` there whose play `fits`:
   * a promo booked by the hour once it is due, else the next by weight.
   */
  pick(t: number, eligible: (p: Promo) => boolean, fits: (p: Promo) => boolean): Promo | undefined;
  /** When, after `t`, the next promo booked by the hour falls due; undefined if none will. */
  nextDue(t: number, eligible: (p: Promo) => boolean): number | undefined;
}

/**
 * The day's promo rotation. A promo with `playsPerHour` is played that often: due at the
 * start of the first loop it may play in, then once every hour / playsPerHour, as soon as
 * the loop is free (late by at most the play in progress; after a long pause, such as the
 * hours between the morning and the afternoon loop, it starts afresh instead of catching up).
 * The others share the rest by weight, in smooth weighted round-robin: each gets plays in
 * proportion to its weight, spread out rather than bunched, from a date-seeded order so the
 * same merchant is not always first.
 */
export function promoRotation(promos: readonly Promo[], date: string): PromoRotation {
  const order = shuffled(promos, seededRandom(`${date}:promos`));
  const byHour = order.filter((p) => p.playsPerHour !== undefined);
  const byWeight = order.filter((p) => p.playsPerHour === undefined);
  const current = new Map(byWeight.map((p) => [p.id, 0]));
  const due = new Map<string, number>();
  let last: string | undefined;

  const dueAt = (p: Promo) => due.get(p.id) ?? -Infinity;

  function weighted(eligible: (p: Promo) => boolean, fits: (p: Promo) => boolean) {
    const candidates = byWeight.filter(eligible);
    if (candidates.length === 0) return undefined;
    const total = candidates.reduce((sum, p) => sum + p.weight, 0);
    const score = (p: Promo) => (current.get(p.id) ?? 0) + p.weight;
    const ranked = [...candidates].sort((a, b) => score(b) - score(a));
    // The same merchant twice in a row only when nothing else fits.
    const chosen = ranked.find((p) => p.id !== last && fits(p)) ?? ranked.find(fits);
    if (!chosen) return undefined;
    for (const p of candidates) current.set(p.id, score(p));
    current.set(chosen.id, (current.get(chosen.id) ?? 0) - total);
    return chosen;
  }

  return {
    pick(t, eligible, fits) {
      const booked = byHour
        .filter((p) => eligible(p) && dueAt(p) <= t)
        .sort((a, b) => dueAt(a) - dueAt(b))
        .find(fits);
      if (booked) {
        const interval = intervalOf(booked);
        const next = dueAt(booked) + interval;
        due.set(booked.id, next > t ? next : t + interval);
        last = booked.id;
        return booked;
      }
      const chosen = weighted(eligible, fits);
      if (chosen) last = chosen.id;
      return chosen;
    },
    nextDue(t, eligible) {
      const times = byHour
        .filter(eligible)
        .map(dueAt)
        .filter((d) => d > t);
      return times.length ? Math.min(...times) : undefined;
    },
  };
}
