import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { jsonBody } from '../merchants/validate-all.ts';
import { formatClock } from '../common/duration.ts';
import type { ClockExpr } from '../program/clock-expr.ts';
import { promoValidOn } from '../program/promo-rotation.ts';
import { createBody, created, patchBody, patched, wholePromo } from './body.ts';
import { commitPromos } from './change.ts';
import { idFor, previewBody, previewPromos, previewRecords } from './preview.ts';
import type { StoredPromo } from './store.ts';

const listQuery = z.object({
  /** Only promos that may play today (valid today, not retired). */
  active: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Merchant name, or part of it. */
  merchant: z.string().trim().min(1).max(100).optional(),
  merchantId: z.coerce.number().int().positive().optional(),
});
const idParam = z.object({ id: z.string().min(1).max(100) });
const small = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) => c.json({ error: 'too-large', message: 'a promo is at most 64 KB of JSON' }, 413),
});

type Vars = { var: AppEnv['Variables'] };
const existing = (c: Vars, id: string): StoredPromo => {
  const p = c.var.ctx.promos.get(id);
  if (!p) throw notFound(`promo "${id}"`);
  return p;
};

/** Sets `retired` and commits; retiring twice changes nothing. */
function setRetired(c: Vars, id: string, retired: boolean): StoredPromo {
  const current = existing(c, id);
  if (current.retired === retired) return current;
  const record = {
    ...(c.var.ctx.promos.record(id) as NonNullable<ReturnType<typeof c.var.ctx.promos.record>>),
    retired,
  };
  commitPromos(c.var.ctx, [record], userOf(c).username, retired ? 'retired' : 'unretired');
  return existing(c, id);
}

/** `12:00`, `closing`, `closing-5m`: a program time as the program file writes it. */
const clockText = (e: ClockExpr) =>
  e.kind === 'clock'
    ? formatClock(e.msOfDay)
    : `${e.anchor}${e.offsetMs ? `${e.offsetMs > 0 ? '+' : '-'}${Math.abs(e.offsetMs) / 60_000}m` : ''}`;

/** The program's day parts a promo may be limited to, for the console's choice. */
function dayParts(c: Vars) {
  const parts = c.var.ctx.schedules.current().schedules.program.dayParts;
  return Object.entries(parts).map(([name, p]) => ({
    name,
    from: clockText(p.from),
    until: clockText(p.until),
  }));
}

/**
 * Merchants' promos: list, read, create, edit, retire, and the day's promo loop as an edit
 * would make it. No delete: a retired promo keeps its row, so the as-played log still says
 * whose promo played.
 */
export const promoRoutes = new Hono<AppEnv>()
  .get('/promos', allow(STAFF), validate('query', listQuery), (c) => {
    const { active, merchant, merchantId } = c.req.valid('query');
    const { ctx } = c.var;
    let promos = ctx.promos.list();
    if (active === '1' || active === 'true') {
      const today = ctx.schedules.today();
      promos = promos.filter((p) => promoValidOn(p, today));
    }
    if (merchant) {
      const needle = merchant.toLowerCase();
      promos = promos.filter((p) => p.merchant.name.toLowerCase().includes(needle));
    }
    if (merchantId) promos = promos.filter((p) => p.merchantId === merchantId);
    return c.json({ promos, dayParts: dayParts(c) });
  })
  .post('/promos/preview', allow(BROADCAST), small, jsonBody(previewBody), (c) => {
    const body = c.var.body;
    return c.json(previewPromos(c.var.ctx, body.date, previewRecords(c.var.ctx, body)));
  })
  .get('/promos/:id', allow(STAFF), validate('param', idParam), (c) =>
    c.json(existing(c, c.req.valid('param').id)),
  )
  .post('/promos', allow(BROADCAST), small, jsonBody(createBody), (c) => {
    const body = c.var.body;
    const { ctx } = c.var;
    const id = idFor(ctx, body);
    const record = wholePromo(created(body, id));
    if (ctx.promos.get(id))
      throw apiError(
        409,
        'exists',
        `id: 已有编号为「${id}」的促销 · a promo with the id "${id}" already exists`,
        {
          field: 'id',
        },
      );
    commitPromos(ctx, [record], userOf(c).username, 'created');
    return c.json(existing(c, id), 201);
  })
  .patch(
    '/promos/:id',
    allow(BROADCAST),
    small,
    validate('param', idParam),
    jsonBody(patchBody),
    (c) => {
      const { id } = c.req.valid('param');
      existing(c, id);
      const current = c.var.ctx.promos.record(id) as NonNullable<
        ReturnType<typeof c.var.ctx.promos.record>
      >;
      const record = wholePromo(patched(current, c.var.body));
      commitPromos(c.var.ctx, [record], userOf(c).username, 'edited');
      return c.json(existing(c, id));
    },
  )
  .post('/promos/:id/retire', allow(BROADCAST), validate('param', idParam), (c) =>
    c.json(setRetired(c, c.req.valid('param').id, true)),
  )
  .post('/promos/:id/unretire', allow(BROADCAST), validate('param', idParam), (c) =>
    c.json(setRetired(c, c.req.valid('param').id, false)),
  );
