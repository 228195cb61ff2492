import type { Context } from 'hono';
import { z } from 'zod';
import { addDays, dateInZone } from '../../core/zoned-time.ts';
import type { AppEnv } from '../app-env.ts';
import { userOf } from '../auth/middleware.ts';
import { apiError } from '../http/errors.ts';
import { maskPhone } from './complaint.ts';
import { isoDate } from './fields.ts';
import { LedgerRefused, type Stamp } from './ledger.ts';

/** What the ledgers' routes share: ids, date ranges, the mall's today, refusals as answers. */
export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** A year and a day at most: a list is for reading, a year's figures go in a report. */
const MAX_RANGE_DAYS = 366;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both days included, in the mall's zone. */
export const dayRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'to is before from', path: ['to'] })
  .refine((r) => addDays(r.from, MAX_RANGE_DAYS) >= r.to, {
    message: `at most ${MAX_RANGE_DAYS} days at a time`,
    path: ['to'],
  });

type Ctx = Context<AppEnv>;

/** Today on the mall's clocks, at the server's (injectable) now. */
export const todayOf = (c: Ctx) =>
  dateInZone(c.var.ctx.schedules.timezone(), c.var.ctx.now().getTime());

/** Who is writing, and when. */
export const stampOf = (c: Ctx): Stamp => ({
  at: c.var.ctx.now().getTime(),
  by: userOf(c).username,
});

/** A date the desk gives must not be later than today: a ledger records what happened. */
export function notAfterToday(c: Ctx, date: string, field: string): string {
  const today = todayOf(c);
  if (date > today)
    throw apiError(400, 'invalid', `${field}: 晚于今天 ${today} · after today (${today})`, {
      field,
    });
  return date;
}

/** The merchant's name: from the merchants list when an id is given, else as written. */
export function merchantNameOf(
  c: Ctx,
  m: { merchantId?: number | undefined; merchantName?: string | undefined },
  field = 'merchantId',
): string | undefined {
  if (m.merchantId === undefined) return m.merchantName;
  const found = c.var.ctx.merchants.get(m.merchantId);
  if (!found) throw apiError(400, 'invalid', `${field}: no merchant ${m.merchantId}`, { field });
  return found.name;
}

/** Runs a ledger write, answering its refusal (409 for a status, 422 for a rule) in words. */
export function refusing<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof LedgerRefused)
      throw apiError(err.status, err.code, err.message, err.details);
    throw err;
  }
}

/** A record as a list shows it: the customer's phone masked, for the desk's record only. */
export const masked = <T extends { customerPhone: string }>(r: T): T => ({
  ...r,
  customerPhone: maskPhone(r.customerPhone),
});
