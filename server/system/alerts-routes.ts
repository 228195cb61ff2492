import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { calendarWarnings } from '../program/calendar-warnings.ts';

/** The warnings banner of every console page, and the players page's device list. */
export const alertRoutes = new Hono<AppEnv>()
  .get('/alerts', allow(STAFF), (c) => {
    c.header('Cache-Control', 'no-store');
    const { deviceStatus, schedules, now } = c.var.ctx;
    const at = now();
    const { alerts } = deviceStatus.check(at);
    // A calendar without next year's holidays plays them as normal days: said before it matters.
    const calendar = calendarWarnings(schedules.current().schedules.calendar, at.getTime()).map(
      ({ code, level, zh, en, page }) => ({ kind: code, level, zh, en, page }),
    );
    return c.json({ alerts: [...alerts, ...calendar] });
  })
  .get('/devices/status', allow(BROADCAST), (c) => {
    const { deviceStatus, now } = c.var.ctx;
    c.header('Cache-Control', 'no-store');
    const at = now();
    return c.json({
      checkedAt: at.toISOString(),
      offlineAfterMs: deviceStatus.offlineAfterMs,
      ...deviceStatus.check(at),
    });
  });
