import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import {
  dayRange,
  idParam,
  merchantNameOf,
  notAfterToday,
  refusing,
  stampOf,
  todayOf,
} from './ledger-http.ts';
import { serviceAction, serviceIntake, type ServiceChange } from './merchant-services.ts';
import { SERVICE_FEES, SERVICE_KINDS } from './service-fees.ts';
import { serviceTotals } from './service-totals.ts';

/**
 * `/api/merchant-services`: price tags printed, special-offer signs and sales-order books
 * issued to merchants, with their fees (标价签打印 / 特价牌发放 / 销售定单发放收费登记表).
 */
export const merchantServiceRoutes = new Hono<AppEnv>()
  // Before `/:id`: the fee per item of each service, as the desk charges it.
  .get('/merchant-services/fees', allow(DESK), (c) =>
    c.json({ fees: SERVICE_KINDS.map((kind) => ({ kind, ...SERVICE_FEES[kind] })) }),
  )
  .post('/merchant-services', allow(DESK), validate('json', serviceIntake), (c) => {
    const body = c.req.valid('json');
    const date = notAfterToday(c, body.date ?? todayOf(c), 'date');
    const merchantName = merchantNameOf(c, body) ?? '';
    const made = c.var.ctx.ledgers.services.add({ ...body, merchantName, date }, stampOf(c));
    return c.json({ service: made }, 201);
  })
  .get('/merchant-services', allow(DESK), validate('query', dayRange), (c) => {
    const { from, to } = c.req.valid('query');
    const list = c.var.ctx.ledgers.services.between(from, to);
    return c.json({ from, to, services: list, totals: serviceTotals(list) });
  })
  .get('/merchant-services/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.ledgers.services.get(id);
    if (!found) throw notFound(`merchant service ${id}`);
    return c.json({ service: found, entries: c.var.ctx.ledgers.services.entries(id) });
  })
  .post(
    '/merchant-services/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', serviceAction),
    (c) => {
      const { id } = c.req.valid('param');
      const a = c.req.valid('json');
      let change: ServiceChange;
      switch (a.action) {
        case 'pay':
          change = { ...a, date: notAfterToday(c, a.date ?? todayOf(c), 'date') };
          break;
        case 'correct':
          change =
            a.fields.merchantId !== undefined
              ? {
                  ...a,
                  fields: {
                    ...a.fields,
                    merchantName: merchantNameOf(c, a.fields, 'fields.merchantId'),
                  },
                }
              : a;
          break;
        case 'void':
          change = a;
          break;
      }
      const next = refusing(() => c.var.ctx.ledgers.services.act(id, change, stampOf(c)));
      if (!next) throw notFound(`merchant service ${id}`);
      return c.json({ service: next });
    },
  );
