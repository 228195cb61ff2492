import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../http/errors.ts';
import type { Merchant } from './store.ts';

export const merchantIdParam = z.object({
  id: z.coerce.number({ error: 'not a merchant id' }).int().positive(),
});

/** The merchant of a route's `:id`, or a 404. */
export const existingMerchant = (c: { var: AppEnv['Variables'] }, id: number): Merchant => {
  const m = c.var.ctx.merchants.get(id);
  if (!m) throw notFound(`merchant ${id}`);
  return m;
};
