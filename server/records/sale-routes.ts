import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { addDays, dateInZone } from '../../core/zoned-time.ts';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { maskPhone } from './complaint.ts';
import {
  saleAction,
  saleBatch,
  saleIntake,
  SaleRefused,
  type Sale,
  type SaleIntake,
} from './sale.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const range = z
  .object({
    from: isoDate,
    to: isoDate,
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .refine((r) => r.from <= r.to && r.to <= addDays(r.from, 400), {
    message: 'from must not be after to, and at most 400 days apart',
    path: ['to'],
  });

const present = (s: Sale, full = false) => ({
  ...s,
  customerPhone: full ? s.customerPhone : maskPhone(s.customerPhone),
});

/**
 * What the schema cannot know: a sale is not sold after today, and a merchant given by id is
 * one the mall has (its name is filed with the sale, for the call script).
 */
function checked(c: Context<AppEnv>, s: SaleIntake, at: string): SaleIntake {
  notAfterToday(c, s.soldOn, `${at}soldOn`);
  if (s.merchantId === undefined) return s;
  const name = merchantNamed(c, s.merchantId, `${at}merchantId`);
  return { ...s, merchantName: s.merchantName ?? name };
}

function notAfterToday(c: Context<AppEnv>, soldOn: string, field: string): void {
  const { schedules, now } = c.var.ctx;
  const today = dateInZone(schedules.timezone(), now().getTime());
  if (soldOn > today)
    throw apiError(400, 'invalid', `${field}: ${soldOn} is after today (${today})`, { field });
}

function merchantNamed(c: Context<AppEnv>, id: number, field: string): string {
  const m = c.var.ctx.merchants.get(id);
  if (!m) throw apiError(400, 'invalid', `${field}: no merchant ${id}`, { field });
  return m.name;
}

function refused(err: unknown): never {
  if (err instanceof SaleRefused)
    throw apiError(
      err.status,
      err.status === 409 ? 'not-allowed' : 'invalid',
      err.message,
      err.field ? { field: err.field } : {},
    );
  throw err;
}

/** `/api/sales`: sales and deliveries on file (顾客信息档案), the source of their callbacks. */
export const saleRoutes = new Hono<AppEnv>()
  .post('/sales', allow(DESK), validate('json', saleIntake), (c) => {
    const { sales, now } = c.var.ctx;
    try {
      const made = sales.add(checked(c, c.req.valid('json'), ''), now(), userOf(c).username);
      return c.json({ sale: present(made.sale, true), callbacks: made.callbacks }, 201);
    } catch (err) {
      refused(err);
    }
  })
  .post('/sales/batch', allow(DESK), validate('json', saleBatch), (c) => {
    const { sales, now } = c.var.ctx;
    const rows = c.req.valid('json').sales.map((s, i) => checked(c, s, `sales.${i}.`));
    try {
      const made = sales.addBatch(rows, now(), userOf(c).username);
      return c.json(
        {
          count: made.length,
          sales: made.map((m) => ({ sale: present(m.sale, true), callbacks: m.callbacks })),
        },
        201,
      );
    } catch (err) {
      refused(err);
    }
  })
  .get('/sales', allow(DESK), validate('query', range), (c) => {
    const { from, to, limit } = c.req.valid('query');
    return c.json({ sales: c.var.ctx.sales.between(from, to, limit).map((s) => present(s)) });
  })
  .get('/sales/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const { sales, callbacks } = c.var.ctx;
    const found = sales.get(id);
    if (!found) throw notFound(`sale ${id}`);
    return c.json({
      sale: present(found, true),
      entries: sales.entries(id),
      callbacks: callbacks.ofSource({ kind: 'sale', id }),
    });
  })
  .post(
    '/sales/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', saleAction),
    (c) => {
      const { id } = c.req.valid('param');
      const { sales, now } = c.var.ctx;
      let action = c.req.valid('json');
      if (action.action === 'correct') {
        const { soldOn, merchantId, merchantName } = action.fields;
        if (soldOn !== undefined) notAfterToday(c, soldOn, 'fields.soldOn');
        // Another merchant by id: its name goes with it, or the script would name the old one.
        if (typeof merchantId === 'number') {
          const name = merchantNamed(c, merchantId, 'fields.merchantId');
          if (merchantName === undefined)
            action = { ...action, fields: { ...action.fields, merchantName: name } };
        }
      }
      try {
        const next = sales.act(id, action, now(), userOf(c).username);
        if (!next) throw notFound(`sale ${id}`);
        return c.json({ sale: present(next.sale, true), callbacks: next.callbacks });
      } catch (err) {
        refused(err);
      }
    },
  );
