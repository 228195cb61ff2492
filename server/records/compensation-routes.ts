import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { DESK, MANAGER } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import {
  compensationAction,
  compensationDecision,
  compensationRequest,
  type CompensationChange,
} from './compensation.ts';
import { compensationTotals } from './compensation-totals.ts';
import {
  dayRange,
  idParam,
  masked,
  merchantNameOf,
  notAfterToday,
  refusing,
  stampOf,
  todayOf,
} from './ledger-http.ts';

const act = (c: Context<AppEnv>, id: number, change: CompensationChange) => {
  const next = refusing(() => c.var.ctx.ledgers.compensations.act(id, change, stampOf(c)));
  if (!next) throw notFound(`advance compensation ${id}`);
  return c.json({ compensation: next });
};

/**
 * `/api/compensations`: advance compensation (先行赔偿审批表). The desk asks, pays and records
 * the recovery; the decision is the department manager's alone.
 */
export const compensationRoutes = new Hono<AppEnv>()
  .post('/compensations', allow(DESK), validate('json', compensationRequest), (c) => {
    const body = c.req.valid('json');
    if (body.complaintId !== undefined && !c.var.ctx.complaints.get(body.complaintId))
      throw apiError(400, 'invalid', `complaintId: no complaint ${body.complaintId}`, {
        field: 'complaintId',
      });
    const merchantName = merchantNameOf(c, body) ?? '';
    const made = c.var.ctx.ledgers.compensations.add(
      { ...body, merchantName, day: todayOf(c) },
      stampOf(c),
    );
    return c.json({ compensation: made }, 201);
  })
  .get('/compensations', allow(DESK), validate('query', dayRange), (c) => {
    const { from, to } = c.req.valid('query');
    const list = c.var.ctx.ledgers.compensations.between(from, to);
    return c.json({ from, to, compensations: list.map(masked), totals: compensationTotals(list) });
  })
  // Before `/:id`: what waits for the manager's decision, whenever it was asked.
  .get('/compensations/pending', allow(DESK), (c) => {
    const list = c.var.ctx.ledgers.compensations.withStatus('requested');
    return c.json({ compensations: list.map(masked) });
  })
  .get('/compensations/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.ledgers.compensations.get(id);
    if (!found) throw notFound(`advance compensation ${id}`);
    return c.json({ compensation: found, entries: c.var.ctx.ledgers.compensations.entries(id) });
  })
  .post(
    '/compensations/:id/decision',
    allow(MANAGER, {
      refusal:
        '先行赔偿须由部门经理审批 · only the department manager may approve or reject an advance compensation',
    }),
    validate('param', idParam),
    validate('json', compensationDecision),
    (c) => act(c, c.req.valid('param').id, c.req.valid('json')),
  )
  .post(
    '/compensations/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', compensationAction),
    (c) => {
      const a = c.req.valid('json');
      switch (a.action) {
        case 'pay':
        case 'recover':
          return act(c, c.req.valid('param').id, {
            ...a,
            date: notAfterToday(c, a.date ?? todayOf(c), 'date'),
          });
        case 'correct': {
          const { fields } = a;
          if (fields.complaintId !== undefined && !c.var.ctx.complaints.get(fields.complaintId))
            throw apiError(
              400,
              'invalid',
              `fields.complaintId: no complaint ${fields.complaintId}`,
              {
                field: 'fields.complaintId',
              },
            );
          const merchantName =
            fields.merchantId !== undefined
              ? merchantNameOf(c, fields, 'fields.merchantId')
              : fields.merchantName;
          return act(c, c.req.valid('param').id, { ...a, fields: { ...fields, merchantName } });
        }
      }
    },
  );
