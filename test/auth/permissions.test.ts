import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';

/** People by role, and devices by kind: a player (the PA kiosk) and a guide screen. */
const EVERYONE = ['anonymous', 'desk', 'manager', 'announcer', 'admin', 'player', 'guide'] as const;
type Who = (typeof EVERYONE)[number];
const PUBLIC: Who[] = [...EVERYONE];
const STAFF: Who[] = ['desk', 'manager', 'announcer', 'admin'];
const ANYONE: Who[] = [...STAFF, 'player', 'guide'];
const BROADCAST: Who[] = ['announcer', 'admin'];
const ADMIN: Who[] = ['admin'];
/** The desk runs the queue (admins too); announcers see its figures, not its tickets. */
const DESK: Who[] = ['desk', 'manager', 'admin'];
/** The department manager (部门经理): the desk's work, and approvals only they give. */
const MANAGER: Who[] = ['manager', 'admin'];
const DEVICES: Who[] = ['player', 'guide'];
const PLAYER: Who[] = ['player'];
const BROADCAST_AND_PLAYERS: Who[] = [...BROADCAST, 'player'];
const STAFF_AND_PLAYERS: Who[] = [...STAFF, 'player'];
const STAFF_AND_GUIDES: Who[] = [...STAFF, 'guide'];
const DESK_AND_GUIDES: Who[] = [...DESK, 'guide'];

/** Every route of the server and who it lets in. A new route must be added here to pass. */
const WHO_MAY: Record<string, Who[]> = {
  'GET /': PUBLIC,
  // The kiosk pages hold no data: what they show comes from the API, with a token.
  'GET /player': PUBLIC,
  'GET /take': PUBLIC,
  'GET /counter': PUBLIC,
  'GET /board': PUBLIC,
  'GET /guide': PUBLIC,
  'GET /ticket/:token': PUBLIC,
  'GET /console': PUBLIC,
  'GET /console/*': PUBLIC,
  'GET /sw.js': PUBLIC,
  'GET /assets/*': PUBLIC,
  'GET /shoelace/*': PUBLIC,
  'GET /api/site': PUBLIC,
  'GET /api/time': STAFF_AND_PLAYERS,
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': STAFF,
  'POST /api/auth/password': STAFF,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'DELETE /api/users/:id/sessions': ADMIN,
  'DELETE /api/auth/throttle': ADMIN,
  'GET /api/device': DEVICES,
  'GET /api/devices': ADMIN,
  'POST /api/devices': ADMIN,
  'DELETE /api/devices/:id': ADMIN,
  'PATCH /api/devices/:id': ADMIN,
  'GET /api/devices/status': BROADCAST,
  // A device page with no token asks for a pairing code, and collects its token with a secret.
  'POST /api/pairing': PUBLIC,
  'GET /api/pairing/:id': PUBLIC,
  'POST /api/devices/pair': ADMIN,
  'GET /api/alerts': STAFF,
  'GET /api/guide': STAFF_AND_GUIDES,
  'GET /api/guide/screens': ADMIN,
  'PUT /api/guide/screens/:id': ADMIN,
  'GET /api/events': ANYONE,
  ...Object.fromEntries(
    ['program', 'calendar', 'volume'].flatMap((f) => [
      [`GET /api/${f}`, STAFF],
      [`PUT /api/${f}`, BROADCAST],
      [`GET /api/${f}/export`, STAFF],
      [`POST /api/${f}/import`, BROADCAST],
      [`GET /api/${f}/revisions`, STAFF],
      [`GET /api/${f}/revisions/:id`, STAFF],
      [`POST /api/${f}/revisions/:id/restore`, BROADCAST],
    ]),
  ),
  'GET /api/calendar/days': STAFF,
  'POST /api/calendar/days': BROADCAST,
  'POST /api/calendar/days/unmark': BROADCAST,
  'GET /api/calendar/marks': STAFF,
  'GET /api/calendar/holidays': STAFF,
  'POST /api/calendar/holidays': BROADCAST,
  'GET /api/plan': BROADCAST_AND_PLAYERS,
  'GET /api/plan/states': BROADCAST,
  'POST /api/program/preview': BROADCAST,
  'GET /api/media': STAFF_AND_PLAYERS,
  'POST /api/media': BROADCAST,
  'GET /api/media/:id{.+}': STAFF_AND_PLAYERS,
  'PATCH /api/media/:id{.+}': BROADCAST,
  'DELETE /api/media/:id{.+}': BROADCAST,
  'POST /api/media/:id{.+}/normalise': BROADCAST,
  'POST /api/media/:id{.+}/restore-original': BROADCAST,
  'GET /media/:file': STAFF_AND_PLAYERS,
  'GET /media/:file/peaks': STAFF,
  'GET /api/promos': STAFF,
  'GET /api/promos/:id': STAFF,
  'POST /api/promos': BROADCAST,
  'PATCH /api/promos/:id': BROADCAST,
  'POST /api/promos/:id/retire': BROADCAST,
  'POST /api/promos/:id/unretire': BROADCAST,
  'POST /api/promos/preview': BROADCAST,
  'GET /api/merchants': STAFF,
  'POST /api/merchants': BROADCAST,
  'GET /api/merchants/template.csv': STAFF,
  'POST /api/merchants/import': BROADCAST,
  'GET /api/merchants/:id': STAFF,
  'GET /api/merchants/:id/history': STAFF,
  'PATCH /api/merchants/:id': BROADCAST,
  'POST /api/merchants/:id/retire': BROADCAST,
  'POST /api/merchants/:id/unretire': BROADCAST,
  'POST /api/merchants/:id/logo': BROADCAST,
  'DELETE /api/merchants/:id/logo': BROADCAST,
  'GET /images/:file': STAFF_AND_GUIDES,
  'GET /api/announcements/templates': STAFF,
  'POST /api/announcements/templates': BROADCAST,
  'PUT /api/announcements/templates/:id': BROADCAST,
  'DELETE /api/announcements/templates/:id': BROADCAST,
  'POST /api/announcements/templates/:id/reset': BROADCAST,
  'POST /api/announcements/templates/:id/fill': STAFF,
  'GET /api/announcements/players': STAFF,
  'GET /api/announcements': STAFF_AND_PLAYERS,
  'POST /api/announcements': STAFF,
  'POST /api/announcements/from-template': STAFF,
  'POST /api/announcements/:id/cancel': STAFF,
  'GET /tts/:name': ANYONE,
  'GET /api/speech': ANYONE,
  'POST /api/plays': PLAYER,
  'GET /api/plays': STAFF,
  'GET /api/plays/summary': STAFF,
  'GET /api/plays/export.csv': STAFF,
  'GET /api/plays/report': BROADCAST,
  'GET /api/plays/report.csv': BROADCAST,
  'GET /api/plays/report.xlsx': BROADCAST,
  'POST /api/playback-state': PLAYER,
  'GET /api/playback-state': BROADCAST,
  'GET /api/queue/config': STAFF,
  'PUT /api/queue/config': ADMIN,
  'GET /api/queue/services': STAFF_AND_GUIDES,
  'POST /api/queue/tickets': DESK_AND_GUIDES,
  'GET /api/queue/tickets/:id': DESK,
  // The phone page (/ticket/<token>) is not signed in: the token is the secret.
  'GET /api/queue/public/:token': PUBLIC,
  'GET /api/queue/state': STAFF_AND_GUIDES,
  'GET /api/queue/counters': DESK,
  'GET /api/queue/waiting': DESK,
  // The complaint register holds customers' phone numbers: the desk's, not the announcers'.
  'POST /api/complaints': DESK,
  'GET /api/complaints': DESK,
  'GET /api/complaints/due': DESK,
  'GET /api/complaints/:id': DESK,
  'POST /api/complaints/:id/actions': DESK,
  // Callbacks, the sales they come from and customer visits: customers' phones, the desk's.
  'GET /api/callbacks': DESK,
  'GET /api/callbacks/due': DESK,
  'GET /api/callbacks/completion': DESK,
  'GET /api/callbacks/:id': DESK,
  'POST /api/callbacks/:id/calls': DESK,
  'POST /api/sales': DESK,
  'POST /api/sales/batch': DESK,
  'GET /api/sales': DESK,
  'GET /api/sales/:id': DESK,
  'POST /api/sales/:id/actions': DESK,
  'POST /api/visits': DESK,
  'GET /api/visits': DESK,
  'GET /api/visits/:id': DESK,
  'POST /api/visits/:id/actions': DESK,
  'GET /api/complaints/escalated': MANAGER,
  // The desk's ledgers: returns, advance compensation (decided by the manager), fees, prizes.
  ...Object.fromEntries(
    ['returns', 'compensations', 'merchant-services', 'prizes'].flatMap((l) => [
      [`POST /api/${l}`, DESK],
      [`GET /api/${l}`, DESK],
      [`GET /api/${l}/:id`, DESK],
      [`POST /api/${l}/:id/actions`, DESK],
    ]),
  ),
  'GET /api/compensations/pending': DESK,
  'POST /api/compensations/:id/decision': MANAGER,
  'GET /api/merchant-services/fees': DESK,
  // The ledgers keep phone numbers in full (the group's register needs them).
  'GET /api/reports': DESK,
  'GET /api/reports/files/:file': DESK,
  'GET /api/reports/complaints/week': DESK,
  'GET /api/reports/complaints.xlsx': DESK,
  'GET /api/reports/callbacks.xlsx': DESK,
  'GET /api/reports/returns.xlsx': DESK,
  'GET /api/reports/compensations.xlsx': DESK,
  'GET /api/reports/merchant-fees.xlsx': DESK,
  'GET /api/reports/prizes.xlsx': DESK,
  'GET /api/reports/visits.xlsx': DESK,
  'GET /api/reports/digest/latest': DESK,
  ...Object.fromEntries(
    [
      'open',
      'close',
      'pause',
      'call-next',
      'call',
      'recall',
      'no-show',
      'start',
      'finish',
      'transfer',
    ].map((action) => [`POST /api/queue/counters/:number/${action}`, DESK]),
  ),
  'POST /api/queue/ratings': DESK_AND_GUIDES,
  'GET /api/queue/figures': STAFF,
  'GET /api/queue/export.csv': DESK,
  'GET /api/queue/export.xlsx': DESK,
  'GET /voice/:name{.+}': STAFF_AND_GUIDES,
  'GET /api/weather': STAFF,
  'PUT /api/weather': BROADCAST,
  'DELETE /api/weather': BROADCAST,
  'POST /api/weather/preview': STAFF,
  'POST /api/weather/refresh': BROADCAST,
  // Last: it ends the session it is called with.
  'POST /api/auth/logout': STAFF,
};

const REFUSED = new Set(['unauthenticated', 'forbidden', 'csrf']);

/** A concrete path for a route pattern: ids that do not exist, so nothing real is touched. */
const concrete = (path: string) =>
  path
    .replace(':name{.+}', 'zh/no-such-clip.wav')
    .replace(':number', '99')
    .replace(':token', 'no-such-token')
    .replace(':id{.+}', 'no/such-media')
    .replace(':id', '999999')
    .replace(':file', `${'0'.repeat(64)}.mp3`)
    .replace(':name', `${'0'.repeat(64)}.wav`)
    .replace('*', 'nothing.js');

let server: TestServer;
let clients: Record<Who, Client>;
beforeAll(async () => {
  server = await startServer();
  const cast = await withCast(server);
  const g = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
  clients = { ...cast, player: cast.device, guide: new Client(server.url, g.body.token as string) };
}, 60_000);
afterAll(() => server.close());

describe('who may do what', () => {
  it('lists every route the server has', () => {
    // Middleware registrations show as ALL; every real endpoint has a method.
    const routes = createApp(server.ctx)
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(routes)].sort()).toEqual(Object.keys(WHO_MAY).sort());
  });

  it.each(Object.entries(WHO_MAY))(
    '%s lets in %j and refuses everyone else',
    async (route, allowed) => {
      const [method, path] = route.split(' ') as [string, string];
      for (const who of EVERYONE) {
        const body = method === 'GET' ? undefined : {};
        const r =
          path === '/api/events'
            ? await statusOfStream(clients[who])
            : await clients[who].request(method, concrete(path), body);
        const refused =
          r.status === 401 || (r.status === 403 && REFUSED.has(r.body.error as string));
        if (allowed.includes(who)) {
          expect(refused, `${who} ${route}: ${r.status} ${r.text.slice(0, 120)}`).toBe(false);
          expect(r.status, `${who} ${route}`).toBeLessThan(500);
        } else {
          expect(r.status, `${who} ${route}`).toBe(who === 'anonymous' ? 401 : 403);
          expect(r.body.error).toBe(who === 'anonymous' ? 'unauthenticated' : 'forbidden');
        }
      }
    },
  );
});

describe("the README's table of who may do what", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Who may do what\n')[1]?.split('\n## ')[0] ?? '';
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  const header = cells(lines[0] ?? '||');
  const rows = lines.slice(2).map(cells);
  const column: Record<string, Who> = { anyone: 'anonymous' };

  it('has a column for every role and kind of device', () => {
    expect(header.slice(2).map((h) => column[h] ?? h)).toEqual(
      expect.arrayContaining([...EVERYONE]),
    );
    expect(rows.length).toBeGreaterThan(10);
  });

  it.each(rows.map((r) => [r[0], r] as const))('%s: as the tests say', (_what, row) => {
    const allowed = header
      .slice(2)
      .filter((_, i) => row[i + 2] === 'yes')
      .map((h) => column[h] ?? (h as Who));
    const routes = [...(row[1] ?? '').matchAll(/`([A-Z]+ [^`]+)`/g)].map((m) => m[1] as string);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes)
      expect([...(WHO_MAY[route] ?? ['not a route'])].sort(), route).toEqual([...allowed].sort());
  });
});

/** The event stream never ends by itself: read its status and error body, then hang up. */
async function statusOfStream(client: Client) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers['Cookie'] = client.cookie;
  if (client.bearer) headers['Authorization'] = `Bearer ${client.bearer}`;
  const abort = new AbortController();
  const res = await fetch(`${client.base}/api/events`, { headers, signal: abort.signal });
  const body = res.status === 200 ? {} : ((await res.json()) as Record<string, unknown>);
  abort.abort();
  return { status: res.status, body, text: JSON.stringify(body) };
}
