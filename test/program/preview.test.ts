import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let running: Json;
let volumeFile: Json;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  running = (await cast.announcer.get('/api/program')).body;
  volumeFile = (await cast.announcer.get('/api/volume')).body;
});
afterAll(() => server.close());

/** A Saturday that is no holiday or event in the shipped calendar: welcome music plays. */
const DATE = '2026-12-05';
const WELCOME = 'volume: 22 # seed: 迎宾曲';
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const volumesOf = (plan: Json, slot: string) =>
  new Set((plan.items as Json[]).filter((i) => i.slot === slot).map((i) => i.volume));
const preview = (body: Json) => cast.announcer.post('/api/program/preview', body);

describe('POST /api/program/preview', () => {
  it("compiles a date's plan and the coming week from unsaved text, saving nothing", async () => {
    const program = (running.yaml as string).replace(WELCOME, 'volume: 23 # seed: 迎宾曲');
    const r = await preview({ program, date: DATE });
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.plan).toMatchObject({ date: DATE, dayType: 'weekend' });
    expect(volumesOf(r.body.plan, 'welcome-music')).toEqual(new Set([23]));
    // Against the plan the players have: the welcome music's level, and nothing else.
    const welcome = (r.body.plan.items as Json[]).filter((i) => i.slot === 'welcome-music');
    expect(r.body.changes).toEqual([
      {
        slot: 'welcome-music',
        title: '迎宾曲',
        what: 'volume',
        from: 22,
        to: 23,
        items: welcome.length,
      },
    ]);
    // The seven days a save would prove, each against the plan the players have now.
    const days = r.body.days as Json[];
    expect(days).toHaveLength(7);
    const today = (await cast.announcer.get('/api/site')).body.today as string;
    expect(days[0]!.date).toBe(today);
    for (const d of days) {
      expect(d.items).toBeGreaterThan(0);
      expect(d.items).toBe(
        Object.values(d.byKind as Record<string, number>).reduce((a, b) => a + b),
      );
    }
    const open = days.filter((d) => d.dayType !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((d) => d.changed)).toBe(true);
    expect(r.body.running).toMatchObject({ program: running.revision });
    // Nothing was stored: the revision and the devices' plan are as they were.
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(running.revision);
    const plan = (await cast.device.get(`/api/plan?date=${DATE}`)).body;
    expect(volumesOf(plan, 'welcome-music')).toEqual(new Set([22]));
  });

  it('is the running program when given no text, with no day changed', async () => {
    const r = await preview({});
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.plan.date).toBe(r.body.days[0].date);
    expect((r.body.days as Json[]).some((d) => d.changed)).toBe(false);
    expect(r.body.changes).toEqual([]);
  });

  it('gives the levels the seed allows per slot, from its ranges and its media', async () => {
    const r = await preview({});
    const levels = r.body.levels as Json;
    expect(levels['welcome-music']).toMatchObject({
      min: 21,
      max: 24,
      rules: [{ name: 'welcome-farewell', min: 21, max: 24 }],
    });
    // Background music holds English songs (24–27) and light music (24): only 24 fits both.
    expect(levels['background']).toMatchObject({ min: 24, max: 24 });
    expect(levels['background'].rules.map((x: Json) => x.name).sort()).toEqual([
      'english-songs',
      'light-music',
    ]);
    // A row may give background music another playlist: light music alone, still 24.
    expect(levels['background'].playlists.light).toMatchObject({ min: 24, max: 24 });
    // No rule: the whole PA scale.
    expect(levels['staff-song']).toMatchObject({ min: 0, max: 30, rules: [] });
  });

  it('reports every problem at its line, with no plan, and stores nothing', async () => {
    const program = (running.yaml as string)
      .replace('{ slot: welcome-speech, at', '{ slot: welcome-speach, at')
      .replace(WELCOME, 'volume: 27 # seed: 迎宾曲');
    const r = await preview({ program, date: DATE });
    expect(r.status).toBe(200);
    expect(r.body.plan).toBeNull();
    expect(r.body.days).toEqual([]);
    const at = (r.body.errors as Json[]).map((e) => `${e.file}:${e.line}: ${e.message}`);
    expect(at).toContainEqual(
      expect.stringMatching(
        new RegExp(`^program.yaml:${lineOf(program, 'welcome-speach')}: unknown slot`),
      ),
    );
    expect(at).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^program.yaml:${lineOf(program, 'volume: 27')}: volume 27 .*outside welcome-farewell \\(21–24\\)`,
        ),
      ),
    );
    // The ranges still come, from the running files, so the form can go on judging levels.
    expect(r.body.levels['welcome-music']).toMatchObject({ min: 21, max: 24 });
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(running.revision);
  });

  it('points a YAML syntax error at its line', async () => {
    const program = (running.yaml as string).replace(
      "      - { slot: weather, from: '10:00', until: '10:05' }",
      "      - { slot: weather, from: '10:00', until: '10:05'",
    );
    const r = await preview({ program });
    expect(r.body.plan).toBeNull();
    const lines = (r.body.errors as Json[]).map((e) => e.line as number);
    const broken = lineOf(program, "{ slot: weather, from: '10:00', until: '10:05'");
    expect(lines.some((l) => l >= broken && l <= broken + 1)).toBe(true);
  });

  it('judges a level against the volume file as edited too', async () => {
    const program = (running.yaml as string).replace(WELCOME, 'volume: 26 # seed: 迎宾曲');
    const refused = await preview({ program });
    expect(refused.body.errors.length).toBeGreaterThan(0);
    const volume = (volumeFile.yaml as string).replace(
      'min: 21\n    max: 24',
      'min: 21\n    max: 26',
    );
    const r = await preview({ program, volume, date: DATE });
    expect(r.body.errors).toEqual([]);
    expect(r.body.levels['welcome-music']).toMatchObject({ min: 21, max: 26 });
    expect(volumesOf(r.body.plan, 'welcome-music')).toEqual(new Set([26]));
    // A volume file that breaks: its own line.
    const bad = (volumeFile.yaml as string).replace('min: 21\n    max: 24', 'min: 25\n    max: 24');
    const e = await preview({ volume: bad });
    expect(e.body.errors).toContainEqual(
      expect.objectContaining({ file: 'volume.yaml', line: lineOf(bad, 'min: 25') }),
    );
  });

  it('refuses a level outside its range on save too, and keeps the revision', async () => {
    const program = (running.yaml as string).replace(WELCOME, 'volume: 25 # seed: 迎宾曲');
    const r = await cast.announcer.put('/api/program', {
      yaml: program,
      baseRevision: running.revision,
    });
    expect(r.status).toBe(422);
    expect(r.body.issues).toContainEqual(
      expect.objectContaining({
        line: lineOf(program, 'volume: 25'),
        message: expect.stringContaining('outside welcome-farewell (21–24)'),
      }),
    );
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(running.revision);
  });

  it('says what is wrong with the request', async () => {
    const bad = await preview({ date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('date');
    expect((await preview({ program: '' })).body.field).toBe('program');
    expect((await preview({ yaml: 'x' })).status).toBe(400);
    expect((await cast.desk.post('/api/program/preview', {})).status).toBe(403);
  });
});
