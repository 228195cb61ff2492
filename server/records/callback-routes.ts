import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { addDays, dateInZone } from '../../core/zoned-time.ts';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { CALLBACK_KINDS, callbackCall, CallbackRefused, callRefusal } from './callback.ts';
import { presentCallback, upcomingRange, type PresentOptions } from './callback-present.ts';
import type { CallbackWithSource } from './callback-store.ts';
import { ComplaintRefused } from './complaint.ts';
import { completionBy } from './completion.ts';
import { PERIOD_KINDS, periodsCovering } from './periods.ts';

/** The longest span one list or completion query covers. */
const MAX_RANGE_DAYS = 400;

const idParam = z.object({ id: z.coerce.number().int().positive() });
const limit = z.coerce.number().int().min(1).max(1000).default(200);
const range = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] })
  .refine((r) => r.to <= addDays(r.from, MAX_RANGE_DAYS), {
    message: `at most ${MAX_RANGE_DAYS} days at a time`,
    path: ['to'],
  });
const dueQuery = z.object({ days: z.coerce.number().int().min(1).max(60).default(7), limit });
const listQuery = z.intersection(
  range,
  z.object({
    kind: z.enum(CALLBACK_KINDS).optional(),
    status: z.enum(['due', 'done', 'withdrawn']).optional(),
    limit,
    offset: z.coerce.number().int().min(0).default(0),
  }),
);
const completionQuery = z.intersection(
  range,
  z.object({ by: z.enum(PERIOD_KINDS).default('month') }),
);

/** The request's mall date, its caller's name and the merchant lookup, for presenting. */
export function presentOptions(c: Context<AppEnv>, full = false): PresentOptions {
  const { schedules, auth, merchants, now } = c.var.ctx;
  const zone = schedules.timezone();
  const user = userOf(c);
  return {
    zone,
    today: dateInZone(zone, now().getTime()),
    staff: auth.user(user.id)?.displayName || user.username,
    merchantName: (id) => merchants.get(id)?.name,
    full,
  };
}

/**
 * `/api/callbacks`: the callbacks (电话回访记录台帐) generated from sales and resolved
 * complaints; due, overdue and upcoming at the server's clock, calls recorded, completion.
 */
export const callbackRoutes = new Hono<AppEnv>()
  .get('/callbacks', allow(DESK), validate('query', listQuery), (c) => {
    const { from, to, kind, status, limit: n, offset } = c.req.valid('query');
    const o = presentOptions(c);
    const found = c.var.ctx.callbacks.list(
      { from, to, ...(kind ? { kind } : {}), ...(status ? { status } : {}) },
      n,
      offset,
    );
    return c.json({
      count: found.count,
      callbacks: found.callbacks.map((x) => presentCallback(x, o)),
    });
  })
  // Before `/:id`: the desk's working lists on the mall's calendar.
  .get('/callbacks/due', allow(DESK), validate('query', dueQuery), (c) => {
    const { days, limit: n } = c.req.valid('query');
    const o = presentOptions(c);
    const { callbacks } = c.var.ctx;
    const show = (l: { count: number; callbacks: CallbackWithSource[] }) => ({
      count: l.count,
      callbacks: l.callbacks.map((x) => presentCallback(x, o)),
    });
    const next = upcomingRange(o.today, days);
    return c.json({
      date: o.today,
      overdue: show(callbacks.overdue(o.today, n)),
      today: show(callbacks.openBetween(o.today, o.today, n)),
      upcoming: { ...next, ...show(callbacks.openBetween(next.from, next.to, n)) },
    });
  })
  .get('/callbacks/completion', allow(DESK), validate('query', completionQuery), (c) => {
    const { from, to, by } = c.req.valid('query');
    const { today } = presentOptions(c);
    // Whole periods: the first week or month may begin before `from`.
    const periods = periodsCovering(by, from, to);
    const first = periods[0]?.from ?? from;
    const last = periods.at(-1)?.to ?? to;
    const counts = c.var.ctx.callbacks.counts(first, last);
    return c.json({ by, today, periods: completionBy(by, counts, from, to, today) });
  })
  .get('/callbacks/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.callbacks.get(id);
    if (!found) throw notFound(`callback ${id}`);
    return c.json({
      callback: presentCallback(found, presentOptions(c, true)),
      entries: c.var.ctx.callbacks.entries(id),
    });
  })
  .post(
    '/callbacks/:id/calls',
    allow(DESK),
    validate('param', idParam),
    validate('json', callbackCall),
    (c) => {
      const { id } = c.req.valid('param');
      const call = c.req.valid('json');
      const { callbacks, complaints, now } = c.var.ctx;
      const by = userOf(c).username;
      const found = callbacks.get(id);
      if (!found) throw notFound(`callback ${id}`);
      const refused = callRefusal(found.callback);
      if (refused) throw apiError(409, 'not-allowed', refused);
      try {
        const { source } = found.callback;
        // A complaint's callback is its call-back action: one entry on each, in one transaction.
        if (source.kind === 'complaint')
          complaints.act(source.id, { action: 'call-back', ...call }, now(), by);
        else callbacks.call(id, call, now(), by);
      } catch (err) {
        if (err instanceof CallbackRefused || err instanceof ComplaintRefused)
          throw apiError(409, 'not-allowed', err.message);
        throw err;
      }
      const after = callbacks.get(id) as CallbackWithSource;
      return c.json({ callback: presentCallback(after, presentOptions(c, true)) });
    },
  );
