import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// The server's clock: 10 November 2026, so the dates marked below are all to come.
const NOW = '2026-11-10T10:00:00+08:00';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  vi.useRealTimers();
});

const revision = async () => (await cast.announcer.get('/api/calendar')).body.revision as number;
const calendarText = async () => (await cast.announcer.get('/api/calendar/export')).text;
const plan = async (date: string) => (await cast.device.get(`/api/plan?date=${date}`)).body;
const bySlot = (p: Json, slot: string) => (p.items as Json[]).filter((i) => i.slot === slot);
const days = async (from: string, to: string) =>
  (await cast.desk.get(`/api/calendar/days?from=${from}&to=${to}`)).body.days as Json[];
const mark = (body: Json) => cast.announcer.post('/api/calendar/days', body);
const unmark = (body: Json) => cast.announcer.post('/api/calendar/days/unmark', body);

const SALE = {
  kind: 'event',
  name: '冬季家居节',
  from: '2026-12-17',
  to: '2026-12-18',
  scripts: [
    { text: '冬季家居节正在进行，三楼家具全场八折。' },
    { media: 'speech/event/01-event-demo', text: '冬季家居节录音稿' },
  ],
  opening: '09:30',
  closing: '21:00',
};

describe('POST /api/calendar/days (marking)', () => {
  it('marks an event with its scripts and its own hours, and the players plan them', async () => {
    const before = await revision();
    const r = await mark({ ...SALE, baseRevision: before });
    expect(r.status).toBe(201);
    expect(r.body.author).toBe('announcer1');
    // Every save is a revision (numbered across the three files).
    expect(r.body.revision).toBeGreaterThan(before);
    expect(await revision()).toBe(r.body.revision);
    expect((await days('2026-12-17', '2026-12-18')).map((d) => d.events)).toEqual([
      ['冬季家居节'],
      ['冬季家居节'],
    ]);
    const p = await plan('2026-12-18');
    expect(p.closing).toBe('2026-12-18T21:00:00+08:00');
    const farewell = bySlot(p, 'farewell-music');
    expect(farewell[0]?.start).toBe('2026-12-18T20:55:00+08:00');
    const said = bySlot(p, 'event-announcement');
    expect(said.some((i) => i.text === '冬季家居节正在进行，三楼家具全场八折。')).toBe(true);
    expect(said.some((i) => i.media?.id === 'speech/event/01-event-demo')).toBe(true);
    const marks = (await cast.desk.get('/api/calendar/marks?from=2026-12-18')).body;
    expect(marks.revision).toBe(r.body.revision);
    expect(marks.marks).toEqual([
      {
        kind: 'event',
        name: '冬季家居节',
        from: '2026-12-17',
        to: '2026-12-18',
        scripts: SALE.scripts,
        opening: '09:30',
        closing: '21:00',
      },
    ]);
    // The file's comments survive, and the revision says who did what.
    expect(await calendarText()).toContain('# 活动日');
    const revs = (await cast.announcer.get('/api/calendar/revisions')).body.revisions as Json[];
    expect(revs[0]).toMatchObject({
      author: 'announcer1',
      note: expect.stringContaining('冬季家居节'),
    });
  });

  it('changes a mark made again on the same dates instead of adding a second', async () => {
    const r = await mark({ ...SALE, scripts: [{ text: '冬季家居节最后两天。' }], closing: '' });
    expect(r.status).toBe(201);
    const { marks } = (await cast.desk.get('/api/calendar/marks?from=2026-12-17')).body;
    expect(marks).toHaveLength(1);
    expect(marks[0].scripts).toEqual([{ text: '冬季家居节最后两天。' }]);
    expect(marks[0].closing).toBeUndefined();
    // Without its own closing, the event day closes at the program's 18:00.
    expect((await plan('2026-12-17')).closing).toBe('2026-12-17T18:00:00+08:00');
  });

  it('marks a holiday with its greeting, which the greeting slot then speaks', async () => {
    const greeting = '冬至快乐！红星国际家居祝您和家人团圆美满。';
    const r = await mark({ kind: 'holiday', name: '冬至', from: '2026-12-22', greeting });
    expect(r.status).toBe(201);
    const said = bySlot(await plan('2026-12-22'), 'holiday-greeting');
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((i) => i.text === greeting)).toBe(true);
    const { marks } = (await cast.desk.get('/api/calendar/marks?from=2026-12-22')).body;
    expect(marks).toEqual([
      {
        kind: 'holiday',
        name: '冬至',
        from: '2026-12-22',
        to: '2026-12-22',
        greeting: { text: greeting },
      },
    ]);
  });

  it('marks closed days and make-up working days, with their notes', async () => {
    expect(
      (await mark({ kind: 'closed', from: '2026-12-28', to: '2026-12-30', note: '盘点' })).status,
    ).toBe(201);
    expect((await plan('2026-12-29')).dayType).toBe('closed');
    expect((await mark({ kind: 'makeup', from: '2026-12-26', note: '元旦调休' })).status).toBe(201);
    const [sat] = await days('2026-12-26', '2026-12-26');
    expect(sat).toMatchObject({ makeupWorkday: true, note: '元旦调休', dayTypes: ['normal'] });
  });

  it('refuses a mark with every problem at its line and field, and changes nothing', async () => {
    const before = await revision();
    const text = await calendarText();
    const r = await mark({
      ...SALE,
      name: '错误的活动',
      from: '2026-12-20',
      to: '2026-12-19',
      scripts: [{ media: 'speech/event/no-such-recording' }],
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('invalid-mark');
    const issues = r.body.issues as Json[];
    expect(issues.map((i) => i.field).sort()).toEqual(['scripts.0.media', 'to']);
    for (const i of issues) {
      expect(i.file).toBe('calendar.yaml');
      expect(i.line).toBeGreaterThan(0);
      expect(i.col).toBeGreaterThan(0);
    }
    expect(issues.find((i) => i.field === 'to')?.message).toContain('before from');
    expect(await revision()).toBe(before);
    expect(await calendarText()).toBe(text);
    // A script with neither words nor a recording fails the file's schema, which stops the
    // check there: the mark's own problems are still all named.
    const empty = await mark({ ...SALE, from: '2026-12-20', to: '2026-12-19', scripts: [{}] });
    expect(empty.status).toBe(422);
    expect((empty.body.issues as Json[]).map((i) => i.field).sort()).toEqual(['scripts.0', 'to']);
    expect(await revision()).toBe(before);
  });

  it("refuses an event's hours that the day's program does not fit in", async () => {
    const before = await revision();
    const r = await mark({
      ...SALE,
      name: '早关门',
      from: '2027-02-03',
      to: '2027-02-03',
      closing: '16:00',
    });
    expect(r.status).toBe(422);
    expect(r.body.field).toBe('closing');
    expect(r.body.issues[0].message).toContain('event-afternoon');
    const late = await mark({
      ...SALE,
      name: '早开门',
      from: '2027-02-03',
      to: '2027-02-03',
      opening: '08:00',
    });
    expect(late.status).toBe(422);
    expect(late.body.field).toBe('opening');
    const bad = await mark({ ...SALE, closing: '25:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('closing');
    expect(await revision()).toBe(before);
  });

  it('refuses NUL bytes and lone surrogates with the field named', async () => {
    const before = await revision();
    const nul = await mark({ ...SALE, name: '冬季\u0000家居节' });
    expect(nul.status).toBe(400);
    expect(nul.body.field).toBe('name');
    expect(nul.body.message).toContain('NUL');
    const half = await mark({ ...SALE, scripts: [{ text: '半个字\ud83d' }] });
    expect(half.status).toBe(400);
    expect(half.body.field).toBe('scripts.0.text');
    expect(half.body.message).toContain('lone surrogate');
    const greeting = await mark({
      kind: 'holiday',
      name: '冬至',
      from: '2026-12-22',
      greeting: '\udc00祝福',
    });
    expect(greeting.status).toBe(400);
    expect(greeting.body.field).toBe('greeting');
    const note = await unmark({ kind: 'closed', from: '2026-12-28', name: 'a\u0000' });
    expect(note.status).toBe(400);
    expect(note.body.field).toBe('name');
    expect(await revision()).toBe(before);
  });

  it('refuses a mark over a revision it did not start from', async () => {
    const r = await mark({ ...SALE, baseRevision: 1 });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('conflict');
  });
});

describe('POST /api/calendar/days/unmark (undo)', () => {
  it("takes an event off its dates, and its scripts out of the players' plans", async () => {
    const before = await revision();
    const r = await unmark({
      kind: 'event',
      from: '2026-12-17',
      to: '2026-12-18',
      name: '冬季家居节',
      baseRevision: before,
    });
    expect(r.status).toBe(200);
    expect(r.body.revision).toBeGreaterThan(before);
    expect(r.body.removed).toEqual([{ name: '冬季家居节', dates: ['2026-12-17', '2026-12-18'] }]);
    expect(bySlot(await plan('2026-12-17'), 'event-announcement')).toEqual([]);
    expect((await days('2026-12-17', '2026-12-18')).map((d) => d.events)).toEqual([[], []]);
    // Nothing left to take off: refused, nothing saved.
    const again = await unmark({ kind: 'event', from: '2026-12-17', name: '冬季家居节' });
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('not-marked');
    expect(await revision()).toBe(r.body.revision);
    expect(await calendarText()).toContain('# 活动日');
  });

  it('takes one day out of a range and keeps the days either side', async () => {
    const r = await unmark({ kind: 'closed', from: '2026-12-29' });
    expect(r.status).toBe(200);
    expect((await days('2026-12-28', '2026-12-30')).map((d) => d.closed)).toEqual([
      true,
      false,
      true,
    ]);
    const { marks } = (await cast.desk.get('/api/calendar/marks?from=2026-12-28&to=2026-12-30'))
      .body;
    expect(marks).toEqual([
      { kind: 'closed', from: '2026-12-28', to: '2026-12-28', note: '盘点' },
      { kind: 'closed', from: '2026-12-30', to: '2026-12-30', note: '盘点' },
    ]);
  });

  it('takes a holiday and a make-up day off, and the days play as before', async () => {
    expect((await unmark({ kind: 'holiday', from: '2026-12-22', name: '冬至' })).status).toBe(200);
    expect(bySlot(await plan('2026-12-22'), 'holiday-greeting')).toEqual([]);
    expect((await unmark({ kind: 'makeup', from: '2026-12-26' })).status).toBe(200);
    const [sat] = await days('2026-12-26', '2026-12-26');
    expect(sat).toMatchObject({ makeupWorkday: false, dayTypes: ['normal', 'weekend'] });
    const backwards = await unmark({ kind: 'closed', from: '2026-12-30', to: '2026-12-28' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.field).toBe('to');
  });
});
