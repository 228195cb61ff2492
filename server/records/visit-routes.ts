import { Hono } from 'hono';
import { z } from 'zod';
import { dateInZone } from '../../core/zoned-time.ts';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { maskPhone } from './complaint.ts';
import { monthOf } from './periods.ts';
import { visitAction, visitMonth, visitPlan, VisitRefused, type Visit } from './visit.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const monthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the month as YYYY-MM')
    .optional(),
});

const present = (v: Visit, full = false) => ({
  ...v,
  customerPhone: full ? v.customerPhone : maskPhone(v.customerPhone),
});

/** `/api/visits`: customer visits planned and made (月度上门拜访顾客填报表), five a month. */
export const visitRoutes = new Hono<AppEnv>()
  .post('/visits', allow(DESK), validate('json', visitPlan), (c) => {
    const { visits, now } = c.var.ctx;
    const made = visits.add(c.req.valid('json'), now(), userOf(c).username);
    return c.json({ visit: present(made, true) }, 201);
  })
  .get('/visits', allow(DESK), validate('query', monthQuery), (c) => {
    const { schedules, visits, now } = c.var.ctx;
    const today = dateInZone(schedules.timezone(), now().getTime());
    const m = monthOf(c.req.valid('query').month ? `${c.req.valid('query').month}-01` : today);
    const list = visits.between(m.from, m.to);
    return c.json({ month: visitMonth(list, m.from), visits: list.map((v) => present(v)) });
  })
  .get('/visits/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.visits.get(id);
    if (!found) throw notFound(`visit ${id}`);
    return c.json({ visit: present(found, true), entries: c.var.ctx.visits.entries(id) });
  })
  .post(
    '/visits/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', visitAction),
    (c) => {
      const { id } = c.req.valid('param');
      const { schedules, visits, now } = c.var.ctx;
      const today = dateInZone(schedules.timezone(), now().getTime());
      const action = c.req.valid('json');
      if (action.action === 'visit' && action.visitedOn !== undefined && action.visitedOn > today)
        throw apiError(400, 'invalid', `visitedOn: ${action.visitedOn} is after today (${today})`, {
          field: 'visitedOn',
        });
      try {
        const next = visits.act(id, action, now(), userOf(c).username, today);
        if (!next) throw notFound(`visit ${id}`);
        return c.json({ visit: present(next, true) });
      } catch (err) {
        if (err instanceof VisitRefused) throw apiError(409, 'not-allowed', err.message);
        throw err;
      }
    },
  );
