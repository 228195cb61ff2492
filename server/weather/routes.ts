import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { addDays, type IsoDate } from '../../core/zoned-time.ts';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { DAYS_AHEAD, dateProblem, forecastFields, lowNotAboveHigh } from './forecast.ts';
import { previewText, weatherDay, weatherWindow } from './weather-view.ts';

const dateQuery = z.object({ date: isoDate.optional() });
const forecastBody = forecastFields.extend({ date: isoDate.optional() }).refine(...lowNotAboveHigh);

/** A date's weather as the console shows it, with the provider's status. */
function dayOf(ctx: AppContext, date: IsoDate) {
  const plan = ctx.schedules.plan(date);
  const { program, calendar } = ctx.schedules.current().schedules;
  const window = weatherWindow(program, calendar, date);
  return {
    ...weatherDay(plan, program, window, ctx.weather.stored(date)),
    today: ctx.schedules.today(),
    providerStatus: ctx.weather.status(),
  };
}

/** The day's forecast: read it, type it in (overriding the provider), clear it, fetch it now. */
export const weatherRoutes = new Hono<AppEnv>()
  .get('/weather', allow(STAFF), validate('query', dateQuery), (c) => {
    const { ctx } = c.var;
    return c.json(dayOf(ctx, c.req.valid('query').date ?? ctx.schedules.today()));
  })
  .put('/weather', allow(BROADCAST), validate('json', forecastBody), (c) => {
    const { ctx } = c.var;
    const { date: asked, ...input } = c.req.valid('json');
    const today = ctx.schedules.today();
    const date = asked ?? today;
    const problem = dateProblem(date, today, addDays(today, DAYS_AHEAD));
    if (problem) throw apiError(400, 'invalid', `date: ${problem}`, { field: 'date' });
    ctx.weather.setManual(date, input, userOf(c).username);
    return c.json(dayOf(ctx, date));
  })
  .delete('/weather', allow(BROADCAST), validate('query', dateQuery), (c) => {
    const { ctx } = c.var;
    const date = c.req.valid('query').date ?? ctx.schedules.today();
    if (!ctx.weather.clearManual(date, userOf(c).username))
      throw apiError(
        404,
        'not-found',
        `${date} 没有手动输入的天气 · no typed-in forecast for ${date}`,
      );
    return c.json(dayOf(ctx, date));
  })
  .post('/weather/preview', allow(STAFF), validate('json', forecastBody), (c) => {
    const { ctx } = c.var;
    const { date: asked, ...input } = c.req.valid('json');
    const date = asked ?? ctx.schedules.today();
    const { program } = ctx.schedules.current().schedules;
    const forecast = ctx.weather.forecastOf(input);
    return c.json({ date, text: previewText(ctx.schedules.plan(date), program, date, forecast) });
  })
  .post('/weather/refresh', allow(BROADCAST), async (c) => {
    const { ctx } = c.var;
    if (!ctx.weather.configured)
      throw apiError(
        409,
        'not-configured',
        '没有配置天气服务 · no weather provider is configured (set WEATHER_URL, WEATHER_KEY and WEATHER_LOCATION)',
      );
    const r = await ctx.weather.refresh(`asked by ${userOf(c).username}`);
    if (r.ok) return c.json({ ok: true, dates: r.dates, providerStatus: ctx.weather.status() });
    throw apiError(
      502,
      'provider-failed',
      `天气服务没有给出预报 · the provider failed: ${r.error}`,
      {
        providerStatus: ctx.weather.status(),
      },
    );
  });
