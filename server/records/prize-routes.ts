import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import {
  dayRange,
  idParam,
  masked,
  notAfterToday,
  refusing,
  stampOf,
  todayOf,
} from './ledger-http.ts';
import { prizeAction, prizeIntake, prizeTotals } from './prizes.ts';

/** `/api/prizes`: prize handouts (奖品发放登记), with totals per campaign and prize. */
export const prizeRoutes = new Hono<AppEnv>()
  .post('/prizes', allow(DESK), validate('json', prizeIntake), (c) => {
    const body = c.req.valid('json');
    const date = notAfterToday(c, body.date ?? todayOf(c), 'date');
    const made = c.var.ctx.ledgers.prizes.add({ ...body, date }, stampOf(c));
    return c.json({ prize: made }, 201);
  })
  .get('/prizes', allow(DESK), validate('query', dayRange), (c) => {
    const { from, to } = c.req.valid('query');
    const list = c.var.ctx.ledgers.prizes.between(from, to);
    return c.json({ from, to, prizes: list.map(masked), totals: prizeTotals(list) });
  })
  .get('/prizes/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.ledgers.prizes.get(id);
    if (!found) throw notFound(`prize handout ${id}`);
    return c.json({ prize: found, entries: c.var.ctx.ledgers.prizes.entries(id) });
  })
  .post(
    '/prizes/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', prizeAction),
    (c) => {
      const { id } = c.req.valid('param');
      const next = refusing(() =>
        c.var.ctx.ledgers.prizes.act(id, c.req.valid('json'), stampOf(c)),
      );
      if (!next) throw notFound(`prize handout ${id}`);
      return c.json({ prize: next });
    },
  );
