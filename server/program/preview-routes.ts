import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST } from '../auth/roles.ts';
import { validate } from '../http/validate.ts';
import { previewBody, previewProgram } from './preview.ts';

/**
 * `POST /api/program/preview`: what saving the edited program (and volume) file would do,
 * stored nowhere. The console's program editor asks it as the announcer types.
 */
export const programPreviewRoutes = new Hono<AppEnv>().post(
  '/',
  allow(BROADCAST),
  validate('json', previewBody),
  (c) => c.json(previewProgram(c.var.ctx, c.req.valid('json'))),
);
