import { createHash } from 'node:crypto';

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * An id for a new promo when the console gives none: the Latin letters and digits of merchant
 * and title (`ikea-winter-sale`); where the title has none (a Chinese title), the merchant's
 * with a short hash of both (`jiale-ceramics-1a2b3c4d`), or the hash alone for an all-Chinese
 * pair. The same merchant and title give the same id, so a double submit is refused as a
 * duplicate, while two Chinese titles of one brand get two ids.
 */
export function promoIdFor(merchant: string, title: string): string {
  const m = slug(merchant);
  const t = slug(title);
  if (t.length >= 3) return slug(`${m}-${t}`.slice(0, 40));
  const hash = createHash('sha256').update(`${merchant}\n${title}`).digest('hex').slice(0, 8);
  return m ? `${slug(m.slice(0, 30))}-${hash}` : `promo-${hash}`;
}
