import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { DESK, MANAGER } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import {
  complaintAction,
  complaintIntake,
  ComplaintRefused,
  deadlinesOf,
  maskPhone,
  type Complaint,
} from './complaint.ts';
import { dueListOf, type DueList } from './due.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const range = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

/** A complaint with its deadlines at `now`; the phone masked unless this is the desk's record. */
function present(c: Complaint, now: number, full = false) {
  return {
    ...c,
    customerPhone: full ? c.customerPhone : maskPhone(c.customerPhone),
    deadlines: deadlinesOf(c, now),
  };
}

/** `/api/complaints`: the desk's complaint register (顾客投诉登记表), its deadlines and changes. */
export const complaintRoutes = new Hono<AppEnv>()
  .post('/complaints', allow(DESK), validate('json', complaintIntake), (c) => {
    const { complaints, now } = c.var.ctx;
    const made = complaints.add(c.req.valid('json'), now(), userOf(c).username);
    return c.json({ complaint: present(made, now().getTime(), true) }, 201);
  })
  .get('/complaints', allow(DESK), validate('query', range), (c) => {
    const { from, to } = c.req.valid('query');
    const t = c.var.ctx.now().getTime();
    const list = c.var.ctx.complaints.between(
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    );
    return c.json({ complaints: list.map((x) => present(x, t)) });
  })
  // Before `/:id`: what is overdue, due within a few hours, or waiting on someone, now.
  .get('/complaints/due', allow(DESK), (c) => {
    const t = c.var.ctx.now().getTime();
    const lists: Record<DueList, ReturnType<typeof present>[]> = {
      overdue: [],
      dueSoon: [],
      paused: [],
    };
    for (const x of c.var.ctx.complaints.pending()) {
      const list = dueListOf(deadlinesOf(x, t));
      if (list) lists[list].push(present(x, t));
    }
    return c.json({ at: new Date(t).toISOString(), ...lists });
  })
  // The department manager's view: complaints escalated to them and still open, with why.
  .get('/complaints/escalated', allow(MANAGER), (c) => {
    const { complaints, now } = c.var.ctx;
    const t = now().getTime();
    const list = complaints
      .open()
      .filter((x) => x.escalated)
      .map((x) => ({
        ...present(x, t),
        escalations: complaints.entries(x.id).filter((e) => e.action === 'escalate'),
      }));
    return c.json({ at: new Date(t).toISOString(), complaints: list });
  })
  .get('/complaints/:id', allow(DESK), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const found = c.var.ctx.complaints.get(id);
    if (!found) throw notFound(`complaint ${id}`);
    return c.json({
      complaint: present(found, c.var.ctx.now().getTime(), true),
      entries: c.var.ctx.complaints.entries(id),
    });
  })
  .post(
    '/complaints/:id/actions',
    allow(DESK),
    validate('param', idParam),
    validate('json', complaintAction),
    (c) => {
      const { id } = c.req.valid('param');
      const { complaints, now } = c.var.ctx;
      try {
        const next = complaints.act(id, c.req.valid('json'), now(), userOf(c).username);
        if (!next) throw notFound(`complaint ${id}`);
        return c.json({ complaint: present(next, now().getTime(), true) });
      } catch (err) {
        if (err instanceof ComplaintRefused) throw apiError(409, 'not-allowed', err.message);
        throw err;
      }
    },
  );
