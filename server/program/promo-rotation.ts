import { seededRandom, shuffled } from '../common/seeded-random.ts';
import type { Promo } from './promo-schema.ts';

export function promoValidOn(promo: Promo, date: string): boolean {
  if (promo.retired) return false;
  if (promo.validFrom && date < promo.validFrom) return false;
  if (promo.validTo && date > promo.validTo) return false;
  return true;
}

/**
 * Smooth weighted round-robin over the day's promos: each gets plays in proportion to its
 * weight, spread out rather than bunched, starting from a date-seeded order so the same
 * merchant is not always first.
 */
export function promoRotation(promos: readonly Promo[], date: string) {
  const order = shuffled(promos, seededRandom(`${date}:promos`));
  const current = new Map(order.map((p) => [p.id, 0]));
  let last: string | undefined;

  return (eligible: (p: Promo) => boolean, fits: (p: Promo) => boolean): Promo | undefined => {
    const candidates = order.filter(eligible);
    if (candidates.length === 0) return undefined;
    const total = candidates.reduce((sum, p) => sum + p.weight, 0);
    const score = (p: Promo) => (current.get(p.id) ?? 0) + p.weight;
    const ranked = [...candidates].sort((a, b) => score(b) - score(a));
    // The same merchant twice in a row only when nothing else fits.
    const chosen = ranked.find((p) => p.id !== last && fits(p)) ?? ranked.find(fits);
    if (!chosen) return undefined;
    last = chosen.id;
    for (const p of candidates) current.set(p.id, score(p));
    current.set(chosen.id, (current.get(chosen.id) ?? 0) - total);
    return chosen;
  };
}
