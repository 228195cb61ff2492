import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { z } from 'zod';
import { ADMIN, DESK, DESK_AND_GUIDES, STAFF, STAFF_AND_GUIDES } from '../auth/roles.ts';
import { ticketsCsv, ticketsXlsx } from './export.ts';
import {
  callSchema,
  counterParam,
  finishSchema,
  openSchema,
  pauseSchema,
  rangeSchema,
  ratingSchema,
  resolveRange,
  takeSchema,
  ticketParam,
  tokenParam,
  transferSchema,
} from './queue-schema.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { RATING_WINDOW_MS, ratingIdMatches, ticketIdOf } from './rating-id.ts';

type Vars = { var: AppEnv['Variables'] };

/** Who did it, for the ticket's log: a person's user name or a device's name. */
function actorOf(c: Vars): string {
  const who = c.var.principal;
  if (!who) return 'anonymous';
  return who.kind === 'user' ? who.username : `device:${who.name}`;
}

const counter = validate('param', counterParam);

/**
 * Which sign-in makes the request, as a counter records who opened it: a hash of the session
 * (the session id is a secret and is not stored), or the device.
 */
function sessionOf(c: Vars): string {
  const who = c.var.principal;
  if (!who) return 'anonymous';
  if (who.kind !== 'user') return `device:${who.name}`;
  return createHash('sha256').update(who.sessionId).digest('base64url').slice(0, 22);
}

/** The take's Idempotency-Key header: absent, or 8–100 letters, digits and `-_.:`. */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (!/^[A-Za-z0-9._:-]{8,100}$/.test(key))
    throw apiError(
      400,
      'invalid',
      'Idempotency-Key: write 8–100 letters, digits or -_.: (a fresh random one per ticket)',
      { field: 'Idempotency-Key' },
    );
  return key;
}

const ratingBody = ratingSchema
  .extend({
    token: ratingSchema.shape.token.optional(),
    ratingId: z.string().min(1).max(100).optional(),
  })
  .refine((b) => (b.token === undefined) !== (b.ratingId === undefined), {
    message: 'give either token (the ticket) or ratingId (the board prompt)',
    path: ['ratingId'],
  });

/** `/api/queue/*`: tickets, counters, the board's state, ratings, figures and exports. */
export const queueRoutes = new Hono<AppEnv>()
  .get('/queue/config', allow(STAFF), (c) => c.json({ yaml: c.var.ctx.queue.configText() }))
  .put(
    '/queue/config',
    allow(ADMIN),
    validate('json', z.object({ yaml: z.string().min(1).max(200_000) })),
    (c) => {
      c.var.ctx.queue.configure(c.req.valid('json').yaml);
      return c.json({ yaml: c.var.ctx.queue.configText() });
    },
  )
  .get('/queue/services', allow(STAFF_AND_GUIDES), (c) =>
    c.json({ services: c.var.ctx.queue.services() }),
  )
  .post('/queue/tickets', allow(DESK_AND_GUIDES), validate('json', takeSchema), (c) => {
    const body = c.req.valid('json');
    // A guide screen's ticket comes from its touch page; a person's from the counter page.
    const source = body.source ?? (c.var.principal?.kind === 'device' ? 'kiosk' : 'counter');
    const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
    const { ticket, replayed } = c.var.ctx.queue.take(
      { ...body, source, ...(idempotencyKey ? { idempotencyKey } : {}) },
      actorOf(c),
    );
    // A retry of a take that was issued: the same ticket, 200 rather than 201 Created.
    return c.json({ ticket }, replayed ? 200 : 201);
  })
  .get('/queue/tickets/:id', allow(DESK), validate('param', ticketParam), (c) =>
    c.json({ ticket: c.var.ctx.queue.ticket(c.req.valid('param').id) }),
  )
  // No sign-in: the phone page holds only the ticket's token, which is the secret.
  .get('/queue/public/:token', validate('param', tokenParam), (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(c.var.ctx.queue.publicTicket(c.req.valid('param').token));
  })
  .get('/queue/state', allow(STAFF_AND_GUIDES), (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(c.var.ctx.queue.state());
  })
  .get('/queue/counters', allow(DESK), (c) => c.json(c.var.ctx.queue.counterList(sessionOf(c))))
  .get('/queue/waiting', allow(DESK), (c) => {
    c.header('Cache-Control', 'no-store');
    const { queue } = c.var.ctx;
    return c.json({ date: queue.ensureDay(), tickets: queue.waitingTickets() });
  })
  .post('/queue/counters/:number/open', allow(DESK), counter, validate('json', openSchema), (c) => {
    const { queue } = c.var.ctx;
    const { services, takeover } = c.req.valid('json');
    queue.open(c.req.valid('param').number, services, actorOf(c), sessionOf(c), takeover);
    return c.json({
      counter: { ...queue.counterView(c.req.valid('param').number), yours: true },
    });
  })
  .post('/queue/counters/:number/close', allow(DESK), counter, (c) => {
    const { queue } = c.var.ctx;
    queue.close(c.req.valid('param').number);
    return c.json({ counter: queue.counterView(c.req.valid('param').number) });
  })
  .post(
    '/queue/counters/:number/pause',
    allow(DESK),
    counter,
    validate('json', pauseSchema),
    (c) => {
      const { queue } = c.var.ctx;
      queue.pause(c.req.valid('param').number, c.req.valid('json').paused);
      return c.json({ counter: queue.counterView(c.req.valid('param').number) });
    },
  )
  .post('/queue/counters/:number/call-next', allow(DESK), counter, (c) =>
    c.json({ ticket: c.var.ctx.queue.callNext(c.req.valid('param').number, actorOf(c)) }),
  )
  .post('/queue/counters/:number/call', allow(DESK), counter, validate('json', callSchema), (c) =>
    c.json({
      ticket: c.var.ctx.queue.callCode(
        c.req.valid('param').number,
        c.req.valid('json').code,
        actorOf(c),
      ),
    }),
  )
  .post('/queue/counters/:number/recall', allow(DESK), counter, (c) =>
    c.json({ ticket: c.var.ctx.queue.recall(c.req.valid('param').number, actorOf(c)) }),
  )
  .post('/queue/counters/:number/no-show', allow(DESK), counter, (c) =>
    c.json({ ticket: c.var.ctx.queue.noShow(c.req.valid('param').number, actorOf(c)) }),
  )
  .post('/queue/counters/:number/start', allow(DESK), counter, (c) =>
    c.json({ ticket: c.var.ctx.queue.start(c.req.valid('param').number, actorOf(c)) }),
  )
  .post(
    '/queue/counters/:number/finish',
    allow(DESK),
    counter,
    validate('json', finishSchema),
    (c) =>
      c.json({
        ticket: c.var.ctx.queue.finish(
          c.req.valid('param').number,
          c.req.valid('json'),
          actorOf(c),
        ),
      }),
  )
  .post(
    '/queue/counters/:number/transfer',
    allow(DESK),
    counter,
    validate('json', transferSchema),
    (c) =>
      c.json({
        ticket: c.var.ctx.queue.transfer(
          c.req.valid('param').number,
          c.req.valid('json').service,
          actorOf(c),
        ),
      }),
  )
  // The ticket's own token (whoever holds the ticket), or the board's one-time rating id.
  .post('/queue/ratings', allow(DESK_AND_GUIDES), validate('json', ratingBody), (c) => {
    const { queue, now } = c.var.ctx;
    const { token, ratingId, rating } = c.req.valid('json');
    if (token !== undefined) return c.json({ ticket: queue.rate(token, rating, actorOf(c)) });
    const who = c.var.principal;
    if (who?.kind !== 'device' || who.deviceKind !== 'guide')
      throw apiError(403, 'forbidden', 'only a guide screen answers its rating prompts');
    const ticketId = ticketIdOf(ratingId ?? '');
    const ticket = ticketId === undefined ? undefined : queue.ticket(ticketId);
    if (!ticket || !ratingIdMatches(ratingId ?? '', ticket))
      throw apiError(404, 'not-found', 'no such rating prompt', { field: 'ratingId' });
    const finished = ticket.finishedAt ? Date.parse(ticket.finishedAt) : NaN;
    if (!(now().getTime() - finished <= RATING_WINDOW_MS))
      throw apiError(410, 'expired', `the rating prompt for ${ticket.code} has expired`, {
        field: 'ratingId',
      });
    return c.json({ ticket: queue.rate(ticket.token, rating, actorOf(c)) });
  })
  .get('/queue/figures', allow(STAFF), validate('query', rangeSchema), (c) => {
    const { queue } = c.var.ctx;
    const { from, to } = resolveRange(c.req.valid('query'), queue.ensureDay());
    return c.json(queue.figures(from, to));
  })
  .get('/queue/export.csv', allow(DESK), validate('query', rangeSchema), (c) => {
    const { queue, schedules } = c.var.ctx;
    const { from, to } = resolveRange(c.req.valid('query'), queue.ensureDay());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="queue-${from}-${to}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(ticketsCsv({ ...queue.tickets(from, to), zone: schedules.timezone() }));
  })
  .get('/queue/export.xlsx', allow(DESK), validate('query', rangeSchema), async (c) => {
    const { queue, schedules } = c.var.ctx;
    const range = resolveRange(c.req.valid('query'), queue.ensureDay());
    const data = { ...queue.tickets(range.from, range.to), zone: schedules.timezone() };
    const bytes = await ticketsXlsx(data, range);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="queue-${range.from}-${range.to}.xlsx"`);
    c.header('Cache-Control', 'no-store');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
