import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { STAFF_AND_PLAYERS } from '../auth/roles.ts';
import { calendarWarnings } from '../program/calendar-warnings.ts';

/** Clock sync, health and the mall's public facts: what a kiosk and a monitoring check need. */
export const systemRoutes = new Hono<AppEnv>()
  // Every page shows the mall's name, customer screens before anyone signs in.
  .get('/site', (c) => {
    const { config, schedules } = c.var.ctx;
    return c.json({ ...config.mall, timezone: schedules.timezone(), today: schedules.today() });
  })
  // Players estimate their offset from round trips to this; it does as little as possible.
  .get('/time', allow(STAFF_AND_PLAYERS), (c) => c.json({ now: c.var.ctx.now().getTime() }))
  .get('/health', (c) => {
    const { db, schedules, now } = c.var.ctx;
    let database = 'ok';
    try {
      db.prepare('SELECT 1').get();
    } catch {
      database = 'failing';
    }
    const ok = database === 'ok';
    // Anonymous: what a monitor needs and nothing about the server's insides (no stream or
    // device counts, no file lines); the console's device pages show those to staff.
    // What a monitor should raise before it matters:
    const warnings = calendarWarnings(schedules.current().schedules.calendar, now().getTime()).map(
      ({ code, year, zh, en }) => ({ code, year, zh, en }),
    );
    return c.json(
      {
        status: ok ? 'ok' : 'degraded',
        database,
        today: schedules.today(),
        timezone: schedules.timezone(),
        warnings,
      },
      ok ? 200 : 503,
    );
  });
