import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { validate } from '../http/validate.ts';
import { commitPromos } from '../promos/change.ts';
import { CATEGORIES } from './categories.ts';
import { merchantChanged, presentMerchant } from './change.ts';
import { merchantData } from './import-file.ts';
import { importRoutes } from './import-route.ts';
import { logoRoutes } from './logo-routes.ts';
import {
  crossFieldIssues,
  merchantCreateBody,
  merchantPatchBody,
  type MerchantCreate,
} from './merchant-fields.ts';
import { existingMerchant, merchantIdParam } from './params.ts';
import { changedFields, dataOf, type Merchant } from './store.ts';
import { fieldIssues, jsonBody, refuse } from './validate-all.ts';

const listQuery = z.object({
  /** Part of the name, the brand, the pinyin or the initials. */
  q: z.string().trim().max(60).optional(),
  category: z.string().max(20).optional(),
  /** `1`: retired ones too; `only`: retired ones only. Default: the current merchants. */
  retired: z.enum(['0', '1', 'only']).optional(),
});
const small = bodyLimit({
  maxSize: 32 * 1024,
  onError: (c) =>
    c.json({ error: 'too-large', message: 'a merchant is at most 32 KB of JSON' }, 413),
});

type Vars = { var: AppEnv['Variables'] };

/** The whole merchant, checked across fields and for a name another merchant has. */
function checked(c: Vars, body: MerchantCreate, id?: number) {
  const issues = crossFieldIssues(body);
  const twin = c.var.ctx.merchants.byName(body.name);
  if (twin && twin.id !== id)
    issues.unshift({
      field: 'name',
      message: `已有同名商户（编号 ${twin.id}）· merchant ${twin.id} already has this name`,
    });
  if (issues.length) throw refuse(issues, twin && twin.id !== id ? 409 : 400);
  return merchantData(body);
}

/** Lower-case, no spaces: how a search matches brand, pinyin and initials. */
const squash = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, '');
const matches = (m: Merchant, q: string) => {
  const needle = squash(q);
  return (
    m.name.includes(q) ||
    [m.nameLatin, m.pinyin, m.initials].some((f) => squash(f).includes(needle))
  );
};

/**
 * Merchants (商户): list and search, read, create, edit, retire, and what changed when. No
 * delete: a retired merchant keeps its row, so reports still name it. Retiring one retires
 * its promos too (they would otherwise go on playing for a shop that left).
 */
export const merchantRoutes = new Hono<AppEnv>()
  .route('/', importRoutes)
  .route('/', logoRoutes)
  .get('/merchants', allow(STAFF), validate('query', listQuery), (c) => {
    const { q, category, retired } = c.req.valid('query');
    const { ctx } = c.var;
    const merchants = ctx.merchants
      .list()
      .filter((m) => (retired === '1' ? true : retired === 'only' ? m.retired : !m.retired))
      .filter((m) => !category || m.category === category)
      .filter((m) => !q || matches(m, q));
    return c.json({
      merchants: merchants.map((m) => presentMerchant(ctx, m)),
      categories: CATEGORIES,
    });
  })
  .get('/merchants/:id', allow(STAFF), validate('param', merchantIdParam), (c) =>
    c.json(presentMerchant(c.var.ctx, existingMerchant(c, c.req.valid('param').id))),
  )
  .get('/merchants/:id/history', allow(STAFF), validate('param', merchantIdParam), (c) => {
    const { id } = c.req.valid('param');
    existingMerchant(c, id);
    return c.json({ changes: c.var.ctx.merchants.history(id) });
  })
  .post('/merchants', allow(BROADCAST), small, jsonBody(merchantCreateBody), (c) => {
    const { ctx } = c.var;
    const data = checked(c, c.var.body);
    const id = ctx.merchants.create(data, userOf(c).username, ctx.now());
    merchantChanged(ctx, [id], [], 'created');
    return c.json(presentMerchant(ctx, existingMerchant(c, id)), 201);
  })
  .patch(
    '/merchants/:id',
    allow(BROADCAST),
    small,
    validate('param', merchantIdParam),
    jsonBody(merchantPatchBody),
    (c) => {
      const { ctx } = c.var;
      const { id } = c.req.valid('param');
      const old = dataOf(existingMerchant(c, id));
      const next: Record<string, unknown> = { ...old };
      for (const [k, v] of Object.entries(c.var.body)) if (v !== undefined) next[k] = v;
      const whole = merchantCreateBody.safeParse(
        Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null)),
      );
      if (!whole.success) throw refuse(fieldIssues(whole.error));
      const data = checked(c, whole.data, id);
      const fields = changedFields(old, data);
      if (fields.length) {
        ctx.merchants.update(id, data, userOf(c).username, ctx.now());
        merchantChanged(ctx, [id], fields, 'edited');
      }
      return c.json(presentMerchant(ctx, existingMerchant(c, id)));
    },
  )
  .post('/merchants/:id/retire', allow(BROADCAST), validate('param', merchantIdParam), (c) => {
    const { ctx } = c.var;
    const { id } = c.req.valid('param');
    const m = existingMerchant(c, id);
    const by = userOf(c).username;
    const playing = ctx.promos.records().filter((p) => p.merchantId === id && !p.retired);
    if (!m.retired)
      ctx.db.transaction(() => {
        commitPromos(
          ctx,
          playing.map((p) => ({ ...p, retired: true })),
          by,
          'retired with merchant',
        );
        ctx.merchants.setRetired(id, true, by, ctx.now());
      })();
    merchantChanged(ctx, [id], [], 'retired');
    return c.json({
      ...presentMerchant(ctx, existingMerchant(c, id)),
      retiredPromos: m.retired ? [] : playing.map((p) => p.id),
    });
  })
  .post('/merchants/:id/unretire', allow(BROADCAST), validate('param', merchantIdParam), (c) => {
    const { ctx } = c.var;
    const { id } = c.req.valid('param');
    if (existingMerchant(c, id).retired) {
      ctx.merchants.setRetired(id, false, userOf(c).username, ctx.now());
      merchantChanged(ctx, [id], [], 'unretired');
    }
    return c.json(presentMerchant(ctx, existingMerchant(c, id)));
  });
