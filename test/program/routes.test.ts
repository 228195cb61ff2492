import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
const events: EventRecord[] = [];
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  server.ctx.bus.subscribe((e) => events.push(e));
});
afterAll(() => server.close());

const farewellStart = async (date: string) => {
  const plan = (await cast.device.get(`/api/plan?date=${date}`)).body;
  return (plan.items as { slot: string; start: string }[])
    .find((i) => i.slot === 'farewell-music')
    ?.start.slice(11, 16);
};

describe('program API', () => {
  it('serves the compiled plan of a date to a device', async () => {
    const r = await cast.device.get('/api/plan?date=2026-12-05');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      date: '2026-12-05',
      timezone: 'Asia/Shanghai',
      dayType: 'weekend',
    });
    expect(await farewellStart('2026-12-05')).toBe('17:55');
    expect((await cast.device.get('/api/plan?date=2026-02-30')).status).toBe(400);
    const etag = r.headers.get('etag') as string;
    expect(
      (await cast.device.get('/api/plan?date=2026-12-05', { 'If-None-Match': etag })).status,
    ).toBe(304);
    expect((await cast.device.get('/api/program')).status).toBe(403);
  });

  it('saves a valid edit as a new revision and recompiles the plan', async () => {
    const current = (await cast.announcer.get('/api/program')).body;
    const oldEtag = (await cast.device.get('/api/plan?date=2026-12-05')).headers.get(
      'etag',
    ) as string;
    expect(current.yaml).toContain("closing: '18:00'");
    const yaml = (current.yaml as string).replace(
      "weekend:\n    closing: '18:00'",
      "weekend:\n    closing: '18:30'",
    );
    events.length = 0;
    const r = await cast.announcer.put('/api/program', {
      yaml,
      note: 'later weekend closing',
      baseRevision: current.revision,
    });
    expect(r.status).toBe(200);
    expect(r.body.revision).toBeGreaterThan(current.revision);
    expect(await farewellStart('2026-12-05')).toBe('18:25');
    expect(events.map((e) => e.type)).toEqual(['schedule-changed', 'plan-changed']);
    // The edit changed the plan: a kiosk holding the old ETag gets the new plan, not a 304.
    expect(
      (await cast.device.get('/api/plan?date=2026-12-05', { 'If-None-Match': oldEtag })).status,
    ).toBe(200);
    // The edit changed the plan, so its ETag no longer matches.
    const old = (
      await cast.device.get('/api/plan?date=2026-12-05', { 'If-None-Match': 'x' })
    ).headers.get('etag');
    expect(old).toMatch(/^"[\w-]+"$/);
    const after = (await cast.announcer.get('/api/program')).body;
    expect(after).toMatchObject({
      revision: r.body.revision,
      author: 'announcer1',
      note: 'later weekend closing',
    });
  });

  it('refuses an invalid edit with every problem at its line, and keeps the program running', async () => {
    const before = (await cast.announcer.get('/api/program')).body;
    const yaml = (before.yaml as string)
      .replace('{ slot: welcome-speech, at', '{ slot: welcome-speach, at')
      .replace('volume: 22 # seed: 送宾曲', 'volume: 29 # seed: 送宾曲');
    const r = await cast.announcer.put('/api/program', { yaml });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('invalid-schedule');
    const messages = (
      r.body.issues as { file: string; line: number; col: number; message: string }[]
    ).map((i) => `${i.file}:${i.line}: ${i.message}`);
    const line = (needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(`^program.yaml:${line('welcome-speach')}: unknown slot "welcome-speach"`),
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(`^program.yaml:${line('volume: 29')}: volume 29 .* outside welcome-farewell`),
      ),
    );
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(before.revision);
    expect(await farewellStart('2026-12-05')).toBe('18:25');
  });

  it('refuses an event announced every 30s, at its line and column', async () => {
    const before = (await cast.announcer.get('/api/program')).body;
    const yaml = (before.yaml as string).replace(
      "until: '12:00', every: 30m",
      "until: '12:00', every: 30s",
    );
    const r = await cast.announcer.put('/api/program', { yaml });
    expect(r.status).toBe(422);
    const lines = yaml.split('\n');
    const line = lines.findIndex((l) => l.includes('every: 30s')) + 1;
    expect(r.body.issues).toEqual([
      {
        file: 'program.yaml',
        line,
        col: lines[line - 1]!.indexOf('30s') + 1,
        message: 'every 30s is too short: announce an event at most every 5m (the seed: every 30m)',
      },
    ]);
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(before.revision);
  });

  it('refuses a save over someone else’s newer revision', async () => {
    const { yaml, revision } = (await cast.announcer.get('/api/program')).body;
    const r = await cast.admin.put('/api/program', { yaml, baseRevision: revision - 1 });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'conflict', revision });
  });

  it('lists revisions and restores an old one', async () => {
    const list = (await cast.announcer.get('/api/program/revisions')).body;
    expect(list.revisions.length).toBeGreaterThanOrEqual(2);
    const first = list.revisions.at(-1);
    expect(first).toMatchObject({ author: 'import', note: 'imported from schedules/' });
    const r = await cast.announcer.post(`/api/program/revisions/${first.id}/restore`);
    expect(r.status).toBe(200);
    expect(await farewellStart('2026-12-05')).toBe('17:55');
    expect((await cast.announcer.post('/api/program/revisions/99999/restore')).status).toBe(404);
    const calendarRev = (await cast.announcer.get('/api/calendar')).body.revision;
    expect(
      (await cast.announcer.post(`/api/program/revisions/${calendarRev}/restore`)).status,
    ).toBe(404);
  });

  it('exports the YAML and imports a file, validating it first', async () => {
    const exported = await cast.desk.get('/api/calendar/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('yaml');
    expect(exported.text).toContain('timezone: Asia/Shanghai');
    const bad = await cast.announcer.request(
      'POST',
      '/api/calendar/import',
      exported.text.replace('to: 2026-06-21', 'to: 2026-06-31'),
      { 'Content-Type': 'application/yaml' },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.issues[0]).toMatchObject({
      file: 'calendar.yaml',
      line: expect.any(Number),
      col: expect.any(Number),
      message: expect.stringContaining('"2026-06-31" is not a date'),
    });
    const broken = await cast.announcer.request(
      'POST',
      '/api/calendar/import',
      'holidays: [\n  - oops',
      { 'Content-Type': 'application/yaml' },
    );
    expect(broken.status).toBe(422);
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        exported.text.replace('closed: []', 'closed:\n  - { date: 2026-12-24, note: 盘点 }'),
      ]),
      'calendar.yaml',
    );
    const ok = await cast.announcer.post('/api/calendar/import', form);
    expect(ok.status).toBe(201);
    expect((await cast.device.get('/api/plan?date=2026-12-24')).body).toMatchObject({
      dayType: 'closed',
      items: [],
    });
  });

  it('marks dates as event days, holidays, closed or make-up working days', async () => {
    const mark = await cast.announcer.post('/api/calendar/days', {
      kind: 'event',
      from: '2026-12-18',
      to: '2026-12-19',
      name: '圣诞家居节',
      scripts: [{ text: '圣诞家居节正在进行，欢迎到二楼选购。' }],
    });
    expect(mark.status).toBe(201);
    const days = (await cast.desk.get('/api/calendar/days?from=2026-12-17&to=2026-12-19')).body
      .days;
    expect(days.map((d: { dayTypes: string[] }) => d.dayTypes.join('+'))).toEqual([
      'normal',
      'normal+event',
      'normal+weekend+event',
    ]);
    const plan = (await cast.device.get('/api/plan?date=2026-12-18')).body;
    const announcements = plan.items.filter(
      (i: { slot: string }) => i.slot === 'event-announcement',
    );
    expect(announcements).toHaveLength(20);
    expect(announcements[0]).toMatchObject({
      text: '圣诞家居节正在进行，欢迎到二楼选购。',
      estimated: true,
    });
    const exported = (await cast.desk.get('/api/calendar/export')).text;
    expect(exported).toContain('# 活动日'); // the file's comments survive an edit
    const weekday = await cast.announcer.post('/api/calendar/days', {
      kind: 'makeup',
      from: '2026-12-16',
    });
    expect(weekday.status).toBe(422);
    expect(weekday.body.issues[0].message).toContain('2026-12-16 is a wednesday');
    expect(
      (await cast.announcer.post('/api/calendar/days', { kind: 'party', from: '2026-12-16' }))
        .status,
    ).toBe(400);
  });

  it('lets only admins and announcers change the program', async () => {
    const { yaml } = (await cast.desk.get('/api/program')).body;
    expect((await cast.desk.put('/api/program', { yaml })).status).toBe(403);
    expect((await cast.device.put('/api/program', { yaml })).status).toBe(403);
    expect((await cast.anonymous.put('/api/program', { yaml })).status).toBe(401);
    expect((await cast.announcer.put('/api/program', { yaml: 42 })).status).toBe(400);
  });
});
