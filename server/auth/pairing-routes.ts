import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { allow, userOf } from './middleware.ts';
import { codeProblem, normaliseCode } from './pairing-code.ts';
import type { ApproveResult } from './pairing-store.ts';
import { ADMIN, DEVICE_KINDS } from './roles.ts';

/** The header a pairing page sends its secret in (not the query: addresses end up in logs). */
export const PAIRING_SECRET_HEADER = 'X-Pairing-Secret';
/** How often a page asks whether it was paired. */
const POLL_MS = 2000;

const deviceName = z.string().trim().min(1).max(60);
const code = z
  .string()
  .transform(normaliseCode)
  .superRefine((c, ctx) => {
    const problem = codeProblem(c);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const spaced = (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`;

function refusal(r: Exclude<ApproveResult, { kind: 'approved' }>, typed: string, name: string) {
  switch (r.kind) {
    case 'wrong-code':
      return apiError(
        404,
        'wrong-code',
        `no device is showing the code ${spaced(typed)}: check it on the device's screen`,
        { field: 'code' },
      );
    case 'expired':
      return apiError(
        410,
        'expired',
        `the code ${spaced(typed)} has expired: the device shows a new one, type that`,
        { field: 'code' },
      );
    case 'used':
      return apiError(409, 'used', `the code ${spaced(typed)} was used already`, {
        field: 'code',
      });
    case 'name-taken':
      return apiError(409, 'exists', `a device is already named "${name}"`, { field: 'name' });
    default: {
      const never: never = r;
      return never;
    }
  }
}

/**
 * Pairing a player or guide screen without copying tokens: its page asks for a code and shows
 * it (anyone may ask, a few times per address), an admin types the code in the console, and
 * the page collects its device token once.
 */
export const pairingRoutes = new Hono<AppEnv>()
  .post(
    '/pairing',
    validate('json', z.object({ kind: z.enum(DEVICE_KINDS).default('player') })),
    (c) => {
      const { pairing, now } = c.var.ctx;
      const address = getConnInfo(c).remote.address ?? 'unknown';
      const t = now().getTime();
      const wait = pairing.throttle.waitFor(address, t);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw apiError(
          429,
          'too-many-requests',
          `too many pairing codes asked from this address; try again in ${seconds} s`,
          {},
          { 'Retry-After': String(seconds) },
        );
      }
      pairing.throttle.fail(address, t);
      const made = pairing.create(c.req.valid('json').kind, now());
      if (!made)
        throw apiError(
          503,
          'too-many-open',
          'too many pairing codes are waiting; try again in a few minutes',
          {},
          { 'Retry-After': '60' },
        );
      c.header('Cache-Control', 'no-store');
      return c.json({ ...made, pollMs: POLL_MS }, 201);
    },
  )
  .get('/pairing/:id', validate('param', z.object({ id: z.string().max(100) })), (c) => {
    const { pairing, bus, now } = c.var.ctx;
    c.header('Cache-Control', 'no-store');
    const secret = c.req.header(PAIRING_SECRET_HEADER) ?? '';
    const r = pairing.collect(c.req.valid('param').id, secret, now());
    switch (r.kind) {
      case 'pending':
        return c.json({ status: 'pending', expiresAt: r.expiresAt });
      case 'paired':
        bus.publish('devices-changed', { ids: [r.device.id], change: 'paired' });
        return c.json({ status: 'paired', token: r.token, device: r.device });
      case 'expired':
        throw apiError(410, 'expired', 'this pairing code has expired: ask for a new one');
      case 'claimed':
        throw apiError(410, 'claimed', 'this device collected its token already: pair it again');
      case 'unknown':
        throw apiError(
          404,
          'not-found',
          `no such pairing request (or a wrong ${PAIRING_SECRET_HEADER})`,
        );
      default: {
        const never: never = r;
        return never;
      }
    }
  })
  .post(
    '/devices/pair',
    allow(ADMIN),
    validate('json', z.object({ code, name: deviceName, kind: z.enum(DEVICE_KINDS).optional() })),
    (c) => {
      const { pairing, bus, now } = c.var.ctx;
      const body = c.req.valid('json');
      const r = pairing.approve(body.code, body.name, body.kind, userOf(c).id, now());
      if (r.kind !== 'approved') throw refusal(r, body.code, body.name);
      bus.publish('devices-changed', { ids: [r.device.id], change: 'added' });
      return c.json(
        {
          device: r.device,
          message: `paired: the device starts as "${r.device.name}" within a few seconds`,
        },
        201,
      );
    },
  );
