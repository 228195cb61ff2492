import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { promoValidOn } from '../program/promo-rotation.ts';
import { createBody, patchBody, patched, wholePromo } from './body.ts';
import { commitPromo } from './change.ts';
import { promoIdFor } from './promo-id.ts';
import { promoOf, type StoredPromo } from './store.ts';

const listQuery = z.object({
  /** Only promos that may play today (valid today, not retired). */
  active: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Merchant name, or part of it. */
  merchant: z.string().trim().min(1).max(100).optional(),
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
  const promo = { ...promoOf(current), retired };
  commitPromo(c.var.ctx, promo, userOf(c).username, retired ? 'retired' : 'unretired');
  return existing(c, id);
}

/**
 * Merchants' promos: list, read, create, edit, retire. No delete: a retired promo keeps its row,
 * so the as-played log still says whose promo played.
 */
export const promoRoutes = new Hono<AppEnv>()
  .get('/promos', allow(STAFF), validate('query', listQuery), (c) => {
    const { active, merchant } = c.req.valid('query');
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
    return c.json({ promos });
  })
  .get('/promos/:id', allow(STAFF), validate('param', idParam), (c) =>
    c.json(existing(c, c.req.valid('param').id)),
  )
  .post('/promos', allow(BROADCAST), small, validate('json', createBody), (c) => {
    const body = c.req.valid('json');
    const id = body.id ?? promoIdFor(body.merchant.name, body.title);
    const promo = wholePromo({ ...body, id });
    if (c.var.ctx.promos.get(id))
      throw apiError(409, 'exists', `a promo with the id "${id}" already exists`, { field: 'id' });
    commitPromo(c.var.ctx, promo, userOf(c).username, 'created');
    return c.json(existing(c, id), 201);
  })
  .patch(
    '/promos/:id',
    allow(BROADCAST),
    small,
    validate('param', idParam),
    validate('json', patchBody),
    (c) => {
      const { id } = c.req.valid('param');
      const promo = wholePromo(patched(promoOf(existing(c, id)), c.req.valid('json')));
      commitPromo(c.var.ctx, promo, userOf(c).username, 'edited');
      return c.json(existing(c, id));
    },
  )
  .post('/promos/:id/retire', allow(BROADCAST), validate('param', idParam), (c) =>
    c.json(setRetired(c, c.req.valid('param').id, true)),
  )
  .post('/promos/:id/unretire', allow(BROADCAST), validate('param', idParam), (c) =>
    c.json(setRetired(c, c.req.valid('param').id, false)),
  );
