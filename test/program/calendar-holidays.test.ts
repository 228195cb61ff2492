import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

// The server's clock: mid-November 2029, so 2030 is "next year" and its holidays are due.
// Every 2030 date below is made up for the test; no 2030 schedule has been published.
const NOV_2029 = '2029-11-10T10:00:00+08:00';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOV_2029));
  server = await startServer();
  cast = await withCast(server);
  // Starting a server and signing four people in can outlast the 10 s default when the machine
  // is busy.
}, 60_000);
afterAll(async () => {
  await server.close();
  vi.useRealTimers();
});

const year2030 = {
  year: 2030,
  holidays: [
    { name: '元旦', from: '2029-12-30', to: '2030-01-01' },
    { name: '春节', from: '2030-02-02', to: '2030-02-08' },
    { name: '国庆节', from: '2030-10-01', to: '2030-10-07' },
  ],
  makeUpDays: ['2029-12-29', { date: '2030-02-09', note: '春节调休' }, '2030-10-12'],
  source: '测试用的安排（不是公布的）',
};

const codes = (warnings: { code?: string }[]) => warnings.map((w) => w.code).filter(Boolean);

describe('next year’s holidays', () => {
  it('are asked for in /api/health, in Chinese and English, with no file internals', async () => {
    const r = await cast.anonymous.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    // What a monitor needs, and nothing new from inside (no file names, lines or revisions).
    expect(Object.keys(r.body).sort()).toEqual([
      'database',
      'status',
      'timezone',
      'today',
      'warnings',
    ]);
    const next = (r.body.warnings as { code: string }[]).find(
      (w) => w.code === 'next-year-holidays-missing',
    );
    expect(next).toEqual({
      code: 'next-year-holidays-missing',
      year: 2030,
      zh: expect.stringContaining('2030年'),
      en: expect.stringContaining('no public holidays for 2030'),
    });
  });

  it('are warned about on every save of the calendar, at the holidays line', async () => {
    const { yaml, revision } = (await cast.announcer.get('/api/calendar')).body;
    const r = await cast.announcer.put('/api/calendar', { yaml, baseRevision: revision });
    expect(r.status).toBe(200);
    const line = (yaml as string).split('\n').findIndex((l) => l.startsWith('holidays:')) + 1;
    expect(r.body.warnings).toContainEqual(
      expect.objectContaining({ file: 'calendar.yaml', line, code: 'next-year-holidays-missing' }),
    );
  });

  it('become a warning on 1 November without anyone saving anything', async () => {
    vi.setSystemTime(new Date('2029-10-31T23:59:00+08:00'));
    try {
      expect(codes((await cast.announcer.get('/api/calendar')).body.warnings)).not.toContain(
        'next-year-holidays-missing',
      );
      vi.setSystemTime(new Date('2029-11-01T00:01:00+08:00'));
      expect(codes((await cast.announcer.get('/api/calendar')).body.warnings)).toContain(
        'next-year-holidays-missing',
      );
    } finally {
      vi.setSystemTime(new Date(NOV_2029));
    }
  });

  it('refuses a schedule with every problem named at its field, saving nothing', async () => {
    const before = (await cast.announcer.get('/api/calendar')).body.revision;
    const r = await cast.announcer.post('/api/calendar/holidays', {
      year: 2030,
      holidays: [
        { name: '元旦', from: '2030-01-03', to: '2030-01-01' },
        { name: '春节', from: '2030-02-02', to: '2030-02-08' },
        { name: '春节', from: '2030-02-05', to: '2030-02-10' },
        { name: '国庆节', from: '2031-10-01', to: '2031-10-07' },
        { name: '清明节', from: '2029-12-01', to: '2029-12-02' },
      ],
      makeUpDays: ['2030-02-05', { date: '2030-02-09' }, '2030-02-09', '2031-01-04'],
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('invalid-holidays');
    const issues = (r.body.issues as { field: string; message: string }[]).map(
      (i) => `${i.field}: ${i.message}`,
    );
    expect(issues).toEqual([
      'holidays.0.to: 元旦: to (2030-01-01) is before from (2030-01-03)',
      'holidays.2.name: 春节 is listed twice (also holidays.1)',
      'holidays.2.from: 春节 (2030-02-05–2030-02-10) overlaps 春节 (2030-02-02–2030-02-08)',
      'holidays.3.to: 国庆节: 2031-10-07 is not in 2030',
      'holidays.4.from: 清明节: 2029-12-01 is not in 2030 (a 2030 holiday starts on 2029-12-25 at the earliest, as 元旦 sometimes does)',
      'holidays.4.to: 清明节: 2029-12-02 is not in 2030',
      'makeUpDays.0: 2030-02-05 is inside 春节: a make-up working day (调休) is a working day, not a holiday',
      'makeUpDays.0: 2030-02-05 is a tuesday, already a working day: a make-up working day (调休) falls on a weekend day',
      'makeUpDays.2: 2030-02-09 is listed twice',
      'makeUpDays.3: 2031-01-04 is not a make-up working day of 2030 (2029-12-25–2030-12-24)',
    ]);
    expect(r.body.field).toBe('holidays.0.to');
    expect((await cast.announcer.get('/api/calendar')).body.revision).toBe(before);
    const typo = await cast.announcer.post('/api/calendar/holidays', {
      ...year2030,
      makeUpDays: undefined,
      makeupDays: year2030.makeUpDays,
    });
    expect(typo.status).toBe(400);
  });

  it('enters a year in one go: the days take their types, the file keeps its comments', async () => {
    const r = await cast.announcer.post('/api/calendar/holidays', year2030);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ year: 2030, holidays: 3, makeUpDays: 3 });
    expect(codes(r.body.warnings)).not.toContain('next-year-holidays-missing');
    const days = (await cast.desk.get('/api/calendar/days?from=2029-12-29&to=2030-01-02')).body
      .days as { date: string; dayTypes: string[]; holiday?: string; note?: string }[];
    expect(
      days.map((d) => `${d.date} ${d.dayTypes.join('+')} ${d.holiday ?? d.note ?? ''}`),
    ).toEqual([
      '2029-12-29 normal 元旦调休',
      '2029-12-30 normal+weekend+holiday 元旦',
      '2029-12-31 normal+holiday 元旦',
      '2030-01-01 normal+holiday 元旦',
      '2030-01-02 normal ',
    ]);
    const plan = (await cast.device.get('/api/plan?date=2030-02-04')).body;
    expect(plan.holiday).toBe('春节');
    const file = (await cast.desk.get('/api/calendar/export')).text;
    expect(file).toContain('# 调休: weekend days that are working days');
    expect(file).toContain('# 2030: 测试用的安排（不是公布的）');
    expect(file).toContain('- { date: 2030-10-12, note: 国庆节调休 }');
    // In date order after 2026's entries, as a person would write them.
    expect(file.indexOf('name: 国庆节, from: 2030-10-01')).toBeGreaterThan(
      file.indexOf('name: 国庆节\n    from: 2026-10-01'),
    );
    const health = (await cast.anonymous.get('/api/health')).body;
    expect(codes(health.warnings)).not.toContain('next-year-holidays-missing');
    const read = (await cast.desk.get('/api/calendar/holidays?year=2030')).body;
    expect(read.holidays).toEqual([
      { name: '元旦', from: '2029-12-30', to: '2030-01-01', greeting: false },
      { name: '春节', from: '2030-02-02', to: '2030-02-08', greeting: false },
      { name: '国庆节', from: '2030-10-01', to: '2030-10-07', greeting: false },
    ]);
    expect(read.makeUpDays).toEqual([
      { date: '2029-12-29', note: '元旦调休' },
      { date: '2030-02-09', note: '春节调休' },
      { date: '2030-10-12', note: '国庆节调休' },
    ]);
  });

  it('replaces a year only when asked, keeping a holiday’s own greeting', async () => {
    const again = await cast.announcer.post('/api/calendar/holidays', year2030);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'year-exists', field: 'replace' });
    expect(again.body.message).toContain('元旦、春节、国庆节');
    // A greeting typed in for the holiday survives the corrected schedule.
    const { yaml, revision } = (await cast.announcer.get('/api/calendar')).body;
    const withGreeting = (yaml as string).replace(
      '{ name: 春节, from: 2030-02-02, to: 2030-02-08 }',
      '{ name: 春节, from: 2030-02-02, to: 2030-02-08, greeting: { text: 春节快乐！ } }',
    );
    expect(withGreeting).not.toBe(yaml);
    expect(
      (await cast.announcer.put('/api/calendar', { yaml: withGreeting, baseRevision: revision }))
        .status,
    ).toBe(200);
    const corrected = {
      ...year2030,
      holidays: year2030.holidays.map((h) =>
        h.name === '春节' ? { ...h, from: '2030-02-03', to: '2030-02-09' } : h,
      ),
      makeUpDays: ['2029-12-29', '2030-02-16', '2030-10-12'],
      replace: true,
    };
    const r = await cast.announcer.post('/api/calendar/holidays', corrected);
    expect(r.status).toBe(201);
    expect(r.body.replaced).toEqual({
      holidays: ['元旦', '春节', '国庆节'],
      makeUpDays: ['2029-12-29', '2030-02-09', '2030-10-12'],
    });
    const read = (await cast.desk.get('/api/calendar/holidays?year=2030')).body;
    expect(read.holidays[1]).toEqual({
      name: '春节',
      from: '2030-02-03',
      to: '2030-02-09',
      greeting: true,
    });
    expect(read.makeUpDays.map((m: { date: string }) => m.date)).toEqual([
      '2029-12-29',
      '2030-02-16',
      '2030-10-12',
    ]);
    const plan = (await cast.device.get('/api/plan?date=2030-02-09')).body;
    expect(plan.items.find((i: { slot: string }) => i.slot === 'holiday-greeting')?.text).toBe(
      '春节快乐！',
    );
    // 2026 is untouched by 2030's replacement.
    expect((await cast.desk.get('/api/calendar/holidays?year=2026')).body.holidays).toHaveLength(7);
  });
});

describe('importing a file', () => {
  // 元旦 as Windows Notepad's "ANSI" (GBK) writes it.
  const gbkCalendar = Buffer.concat([
    Buffer.from('timezone: Asia/Shanghai\nholidays:\n  - { name: '),
    Buffer.from([0xd4, 0xaa, 0xb5, 0xa9]),
    Buffer.from(', from: 2030-01-01, to: 2030-01-03 }\n'),
  ]);

  it('refuses a GBK upload, naming the file and saying to save it as UTF-8', async () => {
    const before = (await cast.announcer.get('/api/calendar')).body.revision;
    const form = new FormData();
    form.append('file', new Blob([gbkCalendar]), 'calendar.yaml');
    for (const r of [
      await cast.announcer.post('/api/calendar/import', form),
      await cast.announcer.request('POST', '/api/calendar/import', new Uint8Array(gbkCalendar), {
        'Content-Type': 'application/yaml',
      }),
    ]) {
      expect(r.status).toBe(422);
      expect(r.body.message).toContain('calendar.yaml is not UTF-8 text');
      expect(r.body.message).toContain('save it as UTF-8');
      expect(r.body.issues).toEqual([
        expect.objectContaining({ file: 'calendar.yaml', line: 3, col: 13 }),
      ]);
    }
    expect((await cast.announcer.get('/api/calendar')).body.revision).toBe(before);
  });

  it('accepts UTF-8 with a byte order mark', async () => {
    const text = (await cast.desk.get('/api/calendar/export')).text;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const r = await cast.announcer.request('POST', '/api/calendar/import', bom, {
      'Content-Type': 'application/yaml',
    });
    expect(r.status).toBe(201);
    expect((await cast.announcer.get('/api/calendar')).body.yaml).toBe(text);
  });

  it('refuses an edit whose text was decoded wrongly before it was sent', async () => {
    const { yaml } = (await cast.announcer.get('/api/calendar')).body;
    // What the browser's FileReader makes of a GBK file: U+FFFD for each bad byte.
    const broken = (yaml as string).replace('name: 春节', 'name: \uFFFD\uFFFD');
    const r = await cast.announcer.put('/api/calendar', { yaml: broken });
    expect(r.status).toBe(422);
    const line = broken.split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
    expect(r.body.issues).toEqual([
      expect.objectContaining({
        file: 'calendar.yaml',
        line,
        message: expect.stringContaining('calendar.yaml contains "\uFFFD"'),
      }),
    ]);
  });
});
