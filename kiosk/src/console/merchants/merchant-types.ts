import { ApiError } from '../console-api.ts';

/** A category as GET /api/merchants lists them: the code stored, the names shown. */
export interface Category {
  code: string;
  zh: string;
  en: string;
}

/** A merchant as the server gives it (server/merchants/store.ts). */
export interface Merchant {
  id: number;
  name: string;
  nameLatin: string | null;
  pinyin: string | null;
  initials: string | null;
  floor: string;
  unit: string | null;
  category: string;
  opens: string | null;
  closes: string | null;
  phone: string | null;
  contact: string | null;
  description: string | null;
  logo: string | null;
  logoUrl: string | null;
  retired: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  promos: { total: number; active: number };
}

export interface MerchantList {
  merchants: Merchant[];
  categories: Category[];
}

/** The fields the merchant form edits, in its order. */
export const MERCHANT_FORM_FIELDS = [
  'name',
  'nameLatin',
  'pinyin',
  'floor',
  'unit',
  'category',
  'opens',
  'closes',
  'phone',
  'contact',
  'description',
] as const;
export type MerchantFormField = (typeof MERCHANT_FORM_FIELDS)[number];

/** `2F A201`, or just the floor. */
export const placeOf = (m: Pick<Merchant, 'floor' | 'unit'>) =>
  m.unit ? `${m.floor} ${m.unit}` : m.floor;

/**
 * The server's refusal as a message per field: it names every problem on a line of its own
 * (`floor: …`), the first also as `field`. Lines it cannot place are under ''.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return { '': err instanceof Error ? err.message : String(err) };
  const out: Record<string, string> = {};
  for (const line of err.message.split('\n')) {
    const m = /^([a-zA-Z][\w.]*): (.*)$/.exec(line);
    const field = m ? (m[1] as string) : err.field && !out[err.field] ? err.field : '';
    out[field] = out[field] ? `${out[field]}；${m ? m[2] : line}` : ((m ? m[2] : line) as string);
  }
  return out;
}

/** `2026-12-02 14:05`, on the browser's clock (the desk sits in the mall). */
export const shortTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
