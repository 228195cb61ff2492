import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { admits, DESK, MANAGER } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import {
  dayRange,
  idParam,
  masked,
  merchantNameOf,
  refusing,
  stampOf,
  todayOf,
} from './ledger-http.ts';
import { badReturnDate, returnAction, returnIntake } from './returns.ts';
import { returnSummary } from './returns-summary.ts';

/** `/api/returns`: the 30-day no-reason return register (30天无理由退货登记表) and its summary. */
export const returnRoutes = new Hono<AppEnv>()
  .post('/returns', allow(DESK), validate('json', returnIntake), (c) => {
    const body = c.req.valid('json');
    if (body.override && !admits(MANAGER, userOf(c)))
      throw apiError(
        403,
        'forbidden',
        '超过 30 天的退货只有部门经理可以批准 · only the department manager may waive the 30-day limit',
        { field: 'override' },
      );
    const today = todayOf(c);
    const returnDate = body.returnDate ?? today;
    const bad = badReturnDate(body.purchaseDate, returnDate, today);
    if (bad) throw apiError(400, 'invalid', `${bad.field}: ${bad.message}`, { field: bad.field });
    const merchantName = merchantNameOf(c, body) ?? '';
    const made = refusing(() =>
      c.var.ctx.ledgers.returns.add({ ...body, merchantName, returnDate }, stampOf(c)),
    );
    return c.json({ return: made }, 201);
  })
  .get('/returns', allow(DESK), validate('query', dayRange), (c) => {
    const { from, to } = c.req.valid('query');
    const list = c.var.ctx.ledgers.returns.between(from, to);
    return c.json({ from, to, returns: list.map(masked), summary: returnSummary(list) });
  })
  .get('/returns/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.ledgers.returns.get(id);
    if (!found) throw notFound(`return ${id}`);
    return c.json({ return: found, entries: c.var.ctx.ledgers.returns.entries(id) });
  })
  .post(
    '/returns/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', returnAction),
    (c) => {
      const { id } = c.req.valid('param');
      const a = c.req.valid('json');
      const change =
        a.action === 'correct' && a.fields.merchantId !== undefined
          ? {
              ...a,
              fields: {
                ...a.fields,
                merchantName: merchantNameOf(c, a.fields, 'fields.merchantId'),
              },
            }
          : a;
      const next = refusing(() => c.var.ctx.ledgers.returns.act(id, change, stampOf(c)));
      if (!next) throw notFound(`return ${id}`);
      return c.json({ return: next });
    },
  );
