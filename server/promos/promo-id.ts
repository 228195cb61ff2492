import { createHash } from 'node:crypto';

/**
 * An id for a new promo when the console gives none: the Latin letters and digits of merchant
 * and title (`ikea-winter-sale`), or, for an all-Chinese name, a short hash of it. The same
 * merchant and title give the same id, so a double submit is refused as a duplicate.
 */
export function promoIdFor(merchant: string, title: string): string {
  const ascii = `${merchant} ${title}`
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  if (ascii.length >= 4) return ascii;
  const hash = createHash('sha256').update(`${merchant}\n${title}`).digest('hex').slice(0, 8);
  return ascii ? `${ascii}-${hash}` : `promo-${hash}`;
}
