import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { ANYONE } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { MAX_SPEECH_CHARS } from './render.ts';
import { SpeechBusyError } from './synthesiser.ts';

/**
 * `GET /api/speech?text=`: the recording of a plan item that has only text (the weather, an
 * event script, a promo without audio), rendered once and then served from the cache.
 */
export const speechRoutes = new Hono<AppEnv>().get(
  '/speech',
  allow(ANYONE),
  validate('query', z.object({ text: z.string().trim().min(1).max(MAX_SPEECH_CHARS) })),
  async (c) => {
    try {
      const s = await c.var.ctx.speech.render(c.req.valid('query').text);
      return c.json({ url: s.url, durationMs: s.durationMs });
    } catch (err) {
      if (err instanceof SpeechBusyError)
        throw apiError(503, 'tts-busy', `text-to-speech is busy (${err.message}); try again`);
      if (err instanceof RangeError) throw apiError(400, 'invalid', err.message, { field: 'text' });
      throw err;
    }
  },
);
