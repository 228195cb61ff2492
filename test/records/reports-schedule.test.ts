import ExcelJS from 'exceljs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDayRunner } from '../../server/runner/day-runner.ts';
import { steppableClock } from '../helpers/clock.ts';
import { openStream } from '../helpers/sse.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { complaintWeek, LAST, mall, type ComplaintWeek } from './report-fixture.ts';

const clock = steppableClock(LAST);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let c: ComplaintWeek;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
  c = await complaintWeek(cast.desk, clock);
  clock.set(LAST);
}, 60_000);
afterAll(() => server?.close());

const later = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);
const labels = (r: { reports: { period: { label: string } }[] }) =>
  r.reports.map((x) => x.period.label);
/** The ledgers made every Monday, in the order they are made. */
const WEEKLY = ['complaints', 'callbacks', 'returns'];
const each = (label: string) => WEEKLY.map(() => label);
const filesOf = (label: string) => WEEKLY.map((l) => `${l}-${label}.xlsx`);

describe('the Monday ledgers', () => {
  it('makes last week’s from 07:00 on Monday, once however often it is triggered', async () => {
    const { reports } = server.ctx;
    // Before 07:00 last week's is not due yet; the week before, never made, is.
    expect(labels(await reports.runDue(mall(14, 6, 59)))).toEqual(each('2026-W49'));
    expect(
      (await cast.desk.get('/api/reports')).body.reports.map((r: Json) => r.file).sort(),
    ).toEqual(filesOf('2026-W49').sort());

    // The timer and a clock step at once: one workbook, made by one of them.
    const at = later(mall(14, 7), 5);
    const both = await Promise.all([reports.runDue(at), reports.runDue(at)]);
    expect(both.flatMap(labels)).toEqual(each('2026-W50'));
    expect(labels(await reports.runDue(mall(14, 9)))).toEqual([]);
    expect(labels(await reports.runDue(mall(20, 8)))).toEqual([]);
    expect((await readdir(join(server.dataDir, 'reports'))).sort()).toEqual(
      [...filesOf('2026-W49'), ...filesOf('2026-W50')].flatMap((f) => [f, `${f}.json`]).sort(),
    );

    const list = ((await cast.desk.get('/api/reports')).body.reports as Json[]).filter(
      (r) => r.ledger === 'complaints',
    );
    expect(list.map((r) => r.file)).toEqual([
      'complaints-2026-W50.xlsx',
      'complaints-2026-W49.xlsx',
    ]);
    expect(list[0]).toMatchObject({
      ledger: 'complaints',
      name: '顾客投诉登记表+汇总表 2026-W50.xlsx',
      period: { kind: 'week', label: '2026-W50', from: '2026-12-07', to: '2026-12-13' },
      generatedAt: at.toISOString(),
      url: '/api/reports/files/complaints-2026-W50.xlsx',
    });

    const res = await fetch(`${server.url}${list[0]!.url}`, {
      headers: { Cookie: cast.desk.cookie },
    });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      "UTF-8''顾客投诉登记表+汇总表 2026-W50.xlsx",
    );
    const bytes = await res.arrayBuffer();
    expect(bytes.byteLength).toBe(list[0]!.size);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const numbers: unknown[] = [];
    book.getWorksheet('登记表 Register')!.eachRow((row, n) => {
      if (n > 5 && typeof row.getCell(1).value === 'number') numbers.push(row.getCell(1).value);
    });
    expect(numbers).toEqual([c.rejected, c.quick, c.paused, c.ignored, c.waiting, c.sunday]);
  });

  it('serves only the files it made, to the desk', async () => {
    expect((await cast.desk.get('/api/reports/files/complaints-2026-W01.xlsx')).status).toBe(404);
    expect((await cast.desk.get('/api/reports/files/..%2Fdeskcast.sqlite')).status).toBe(404);
    expect((await cast.announcer.get('/api/reports')).status).toBe(403);
  });
});

describe('the nightly digest', () => {
  it('is made at 20:30 once, pushed to the desk’s consoles, and served as the latest', async () => {
    const { reports } = server.ctx;
    const desk = await openStream(`${server.url}/api/events`, { Cookie: cast.desk.cookie });
    const announcer = await openStream(`${server.url}/api/events`, {
      Cookie: cast.announcer.cookie,
    });
    try {
      await desk.waitFor(1);
      await announcer.waitFor(1);
      expect((await reports.runDue(mall(14, 20, 29))).digest).toBeUndefined();
      expect((await cast.desk.get('/api/reports/digest/latest')).body).toEqual({ digest: null });

      const made = await reports.runDue(later(mall(14, 20, 30), 5));
      expect(made.digest?.date).toBe('2026-12-14');
      expect((await reports.runDue(mall(14, 22))).digest).toBeUndefined();

      const latest = (await cast.desk.get('/api/reports/digest/latest')).body.digest as Json;
      expect(latest).toMatchObject({ date: '2026-12-14', total: 2 });
      // The ignored one (both deadlines) and the paused one, whose plan fell due at 10:00;
      // Sunday's answer is due at 23:30, the one waiting on the customer is not counting.
      const section = latest.sections[0] as Json;
      expect(section).toMatchObject({ id: 'complaints-overdue', count: 2 });
      expect(section.items.map((i: Json) => [i.id, i.late.map((l: Json) => l.deadline)])).toEqual([
        [c.ignored, ['answer', 'plan']],
        [c.paused, ['plan']],
      ]);
      expect(JSON.stringify(latest)).not.toContain('138');

      let messages = desk.messages;
      while (!messages.some((m) => m.event === 'records-digest') && !desk.ended)
        messages = await desk.waitFor(messages.length + 1, 2000);
      const pushed = messages.filter((m) => m.event === 'records-digest');
      expect(pushed).toHaveLength(1);
      expect(JSON.parse(pushed[0]!.data)).toEqual({
        date: '2026-12-14',
        total: 2,
        sections: [
          { id: 'complaints-overdue', title: '逾期未办的投诉 Overdue complaints', count: 2 },
        ],
      });
      expect(announcer.messages.map((m) => m.event)).not.toContain('records-digest');

      await reports.runDue(later(mall(15, 20, 30), 5));
      const next = (await cast.desk.get('/api/reports/digest/latest')).body.digest as Json;
      expect(next).toMatchObject({ date: '2026-12-15', total: 4 });
      // The ignored one was answered that morning: only its plan is late now.
      expect(
        next.sections[0].items.map((i: Json) => [i.id, i.late.map((l: Json) => l.deadline)]),
      ).toEqual([
        [c.ignored, ['plan']],
        [c.paused, ['plan']],
        [c.sunday, ['answer']],
        [c.monday, ['answer']],
      ]);
    } finally {
      await desk.close();
      await announcer.close();
    }
  });
});

describe('the day runner', () => {
  it('makes what fell due while the server was off when it starts, and arms both jobs', async () => {
    // Tuesday 22 December: W51's ledgers fell due on Monday morning.
    clock.set(LAST);
    const runner = startDayRunner(server.ctx);
    try {
      expect(Object.keys(runner.next())).toEqual(
        expect.arrayContaining(['reports-weekly', 'reports-digest']),
      );
      await vi.waitFor(async () => {
        const list = (await cast.desk.get('/api/reports')).body.reports as Json[];
        expect(list.map((r) => r.period.label)).toContain('2026-W51');
      });
    } finally {
      runner.stop();
    }
  });
});
