import { z } from 'zod';
import { isIsoDate } from '../../core/zoned-time.ts';

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);

/** A mainland mobile or a landline with its area code; spaces and dashes allowed. */
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s()]{5,20}$/, 'write the number with digits (138 0000 0000, 0571-8888 8888)');

/** A calendar date in the mall, `YYYY-MM-DD`, one that exists. */
export const isoDate = z
  .string()
  .refine(isIsoDate, 'write a date that exists as YYYY-MM-DD (2026-03-02)');

/** Ten million yuan: far above anything the desk handles, low enough to stay exact. */
const MAX_FEN = 1_000_000_000;

/** Money in integer fen (分): ¥12.50 is 1250. Never a float. */
export const fen = z
  .number()
  .int('money in whole fen (分): ¥12.50 is 1250')
  .min(0, 'money cannot be negative')
  .max(MAX_FEN, 'more than ¥10,000,000: check the amount (it is in fen, 分)');
export const positiveFen = fen.min(1, 'an amount above zero, in fen (分)');

/** How money changed hands at the desk. */
export const PAYMENT_METHODS = ['cash', 'transfer', 'wechat', 'alipay', 'card'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);

/** A count of things handed out or printed. */
export const quantity = (max: number) =>
  z.number().int('a whole number').min(1, 'at least 1').max(max, `at most ${max}`);

/** A merchant from the merchants list, or by name (a merchant not in it, or gone). */
export const merchantFields = {
  merchantId: z.number().int().positive().optional(),
  merchantName: text(80).optional(),
};
/** The customer as the ledgers write them down; the phone is for the desk's record only. */
export const customerFields = {
  customerName: text(40).min(1, 'the customer’s name is required'),
  customerPhone: phone,
};

/** For an intake: one of merchantId and merchantName must be given. */
export const namesAMerchant = (m: { merchantId?: number | undefined; merchantName?: string }) =>
  m.merchantId !== undefined || Boolean(m.merchantName);
export const NAME_A_MERCHANT = {
  message: 'name the merchant (merchantName) or choose one (merchantId)',
  path: ['merchantName'],
};
