import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST, PLAYERS, STAFF } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { announcementIdOf, announcementsIn } from './announcement-plays.ts';
import { playsCsv } from './play-csv.ts';
import { resolveFilter } from './play-filter.ts';
import { playFilterSchema, playListSchema, playUploadSchema } from '../../core/play-report.ts';
import type { Play, PlayKey } from './play-store.ts';
import { zonedIso } from './play-time.ts';
import { playbackStateSchema, type PlaybackState } from './playback-state.ts';

/** 500 reports of a few hundred bytes each, with room to spare. */
const MAX_UPLOAD_BYTES = 1024 * 1024;

/** The calling device; a person (even an admin) cannot report what a player did. */
function deviceOf(c: { var: AppEnv['Variables'] }) {
  const who = c.var.principal;
  if (who?.kind !== 'device')
    throw apiError(403, 'forbidden', 'only a registered player reports plays and states');
  return who;
}

// `allow` lets an admin in everywhere; these routes are for devices alone.
const deviceOnly = [
  allow(PLAYERS),
  createMiddleware<AppEnv>(async (c, next) => {
    deviceOf(c);
    await next();
  }),
] as const;

const encodeCursor = (k: PlayKey) => Buffer.from(`${k.actualAt}|${k.id}`).toString('base64url');

function decodeCursor(cursor: string): PlayKey {
  const [actualAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!actualAt || Number.isNaN(Date.parse(actualAt)) || !/^\d+$/.test(id ?? ''))
    throw apiError(400, 'invalid', 'cursor: use the nextCursor of the previous page', {
      field: 'cursor',
    });
  return { actualAt, id: Number(id) };
}

/** A play as the API shows it: instants on the mall's clocks. */
const view = (zone: string) => (p: Play) => ({
  ...p,
  ...(p.kind === 'announcement' ? { announcementId: announcementIdOf(p) ?? null } : {}),
  plannedAt: zonedIso(zone, p.plannedAt),
  actualAt: zonedIso(zone, p.actualAt),
  receivedAt: zonedIso(zone, p.receivedAt),
});

/** The as-played log (reports, queries, proof-of-play summary, CSV) and players' states. */
export const playRoutes = new Hono<AppEnv>()
  .post(
    '/plays',
    ...deviceOnly,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw apiError(413, 'too-large', 'send at most 1 MB of reports at a time');
      },
    }),
    validate('json', playUploadSchema),
    (c) => {
      const { plays, now, bus } = c.var.ctx;
      const { reports } = c.req.valid('json');
      const result = plays.store.add(deviceOf(c).id, reports, now().toISOString());
      // The console shows where and when each announcement played as soon as it is known.
      const announced = result.accepted > 0 ? announcementsIn(reports) : [];
      if (announced.length) bus.publish('announcement-played', { ids: announced });
      return c.json(result);
    },
  )
  .get('/plays', allow(STAFF), validate('query', playListSchema), (c) => {
    const { plays, schedules } = c.var.ctx;
    const { limit, cursor, offset, ...q } = c.req.valid('query');
    if (cursor !== undefined && offset !== undefined)
      throw apiError(400, 'invalid', 'give either cursor or offset, not both', {
        field: 'offset',
      });
    const filter = resolveFilter(q, schedules.today());
    const rows = plays.store.page(filter, limit, {
      ...(cursor !== undefined ? { after: decodeCursor(cursor) } : {}),
      ...(offset !== undefined ? { offset } : {}),
    });
    const last = rows.at(-1);
    const zone = schedules.timezone();
    return c.json({
      from: filter.from,
      to: filter.to,
      timezone: zone,
      total: plays.store.count(filter),
      plays: rows.map(view(zone)),
      nextCursor: last && rows.length === limit ? encodeCursor(last) : null,
    });
  })
  .get('/plays/summary', allow(STAFF), validate('query', playFilterSchema), (c) => {
    const { plays, schedules } = c.var.ctx;
    const filter = resolveFilter(c.req.valid('query'), schedules.today());
    const zone = schedules.timezone();
    const s = plays.summary(filter);
    const times = <T extends { firstPlayedAt: string | null; lastPlayedAt: string | null }>(
      r: T,
    ) => ({
      ...r,
      firstPlayedAt: r.firstPlayedAt && zonedIso(zone, r.firstPlayedAt),
      lastPlayedAt: r.lastPlayedAt && zonedIso(zone, r.lastPlayedAt),
    });
    return c.json({
      from: filter.from,
      to: filter.to,
      timezone: zone,
      totals: times(s.totals),
      promos: s.promos.map(times),
      merchants: s.merchants.map(times),
      slots: s.slots.map(times),
    });
  })
  .get('/plays/export.csv', allow(STAFF), validate('query', playFilterSchema), (c) => {
    const { plays, schedules } = c.var.ctx;
    const filter = resolveFilter(c.req.valid('query'), schedules.today());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="plays-${filter.from}-${filter.to}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(playsCsv(plays.store, filter, schedules.timezone()));
  })
  .post('/playback-state', ...deviceOnly, validate('json', playbackStateSchema), (c) => {
    const { plays, bus, now } = c.var.ctx;
    const who = deviceOf(c);
    const state: PlaybackState = {
      ...c.req.valid('json'),
      deviceId: who.id,
      device: who.name,
      receivedAt: now().toISOString(),
    };
    plays.states.set(state);
    const event = bus.publish('playback-state', state);
    return c.json({ ok: true, eventId: event.id });
  })
  .get('/playback-state', allow(BROADCAST), (c) => {
    const zone = c.var.ctx.schedules.timezone();
    return c.json({
      devices: c.var.ctx.plays.states
        .list()
        .map((s) => ({ ...s, receivedAt: zonedIso(zone, s.receivedAt) })),
    });
  });
