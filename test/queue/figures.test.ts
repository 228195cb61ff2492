import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

const MIN = 60_000;

/** A small day at the desk: three served at two counters, one no-show, one still waiting. */
async function aDay() {
  q = await queueServer('2026-12-07T10:00:00+08:00');
  await openCounter(q.desk, 1, ['enquiry']);
  await openCounter(q.desk, 3, ['return', 'complaint']);
  const a1 = await take(q.guide, 'enquiry');
  await take(q.guide, 'return');
  q.tick(2 * MIN); // 10:02
  await q.desk.post('/api/queue/counters/1/call-next'); // A001 waited 2 min
  await q.desk.post('/api/queue/counters/3/call-next'); // C001 waited 2 min
  q.tick(MIN); // 10:03
  await q.desk.post('/api/queue/counters/1/start');
  await q.desk.post('/api/queue/counters/3/start');
  q.tick(4 * MIN); // 10:07
  await q.desk.post('/api/queue/counters/1/finish', {
    category: '商场导购',
    note: 'asked for "Lanting", 2F, then A201',
    askRating: true,
  });
  await q.guide.post('/api/queue/ratings', { token: a1.token, rating: 'satisfied' });
  q.tick(4 * MIN); // 10:11
  await q.desk.post('/api/queue/counters/3/finish', { category: '退换货', note: '=1+1' });
  q.setTime('2026-12-07T11:00:00+08:00');
  await take(q.guide, 'enquiry');
  await take(q.guide, 'complaint');
  q.tick(10 * MIN); // 11:10
  await q.desk.post('/api/queue/counters/1/call-next'); // A002 waited 10 min
  await q.desk.post('/api/queue/counters/1/no-show');
}

describe('figures', () => {
  it('gives today at a glance: taken, served, times, no-shows, ratings, per hour', async () => {
    await aDay();
    const r = await q.desk.get('/api/queue/figures');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-07',
      timezone: 'Asia/Shanghai',
    });
    expect(r.body.totals).toMatchObject({
      taken: 4,
      served: 2,
      noShows: 1,
      open: 1,
      avgWaitMin: 4.7,
      p90WaitMin: 10,
      avgWalkMin: 1,
      avgServiceMin: 6,
      p90ServiceMin: 8,
      ratings: { satisfied: 1, neutral: 0, dissatisfied: 0 },
    });
    const byService = Object.fromEntries(
      r.body.services.map((s: { service: string }) => [s.service, s]),
    );
    expect(byService.enquiry).toMatchObject({ taken: 2, served: 1, noShows: 1, avgServiceMin: 4 });
    expect(byService.return).toMatchObject({ taken: 1, served: 1, avgServiceMin: 8 });
    expect(byService.complaint).toMatchObject({ taken: 1, served: 0, open: 1, avgWaitMin: null });
    const byCounter = Object.fromEntries(
      r.body.counters.map((c: { counter: number }) => [c.counter, c]),
    );
    expect(byCounter[1]).toMatchObject({ served: 1, noShows: 1 });
    expect(byCounter[3]).toMatchObject({ served: 1, noShows: 0 });
    expect(r.body.hours).toEqual([
      { hour: 10, taken: 2, served: 2 },
      { hour: 11, taken: 2, served: 0 },
    ]);
    expect(r.body.categories).toEqual([
      { category: '商场导购', count: 1 },
      { category: '退换货', count: 1 },
    ]);
  });

  it('refuses a range that is upside down, too long or not dates', async () => {
    q = await queueServer();
    for (const query of [
      'from=2026-12-07&to=2026-12-01',
      'from=2025-01-01&to=2026-12-31',
      'from=2026-02-30',
      'from=yesterday',
    ]) {
      const r = await q.desk.get(`/api/queue/figures?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error).toBe('invalid');
    }
    expect((await q.guide.get('/api/queue/figures')).status).toBe(403);
  });
});

describe('exports', () => {
  it('writes CSV for Excel: BOM, RFC 4180 quoting, CRLF, one row per ticket', async () => {
    await aDay();
    const r = await q.desk.get('/api/queue/export.csv?from=2026-12-01&to=2026-12-07');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="queue-2026-12-01-2026-12-07.csv"',
    );
    // fetch's text() drops a BOM: look at the bytes.
    const raw = await fetch(`${q.server.url}/api/queue/export.csv?from=2026-12-01&to=2026-12-07`, {
      headers: { Cookie: q.desk.cookie },
    }).then((x) => x.arrayBuffer());
    expect([...new Uint8Array(raw).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.startsWith('date,code,service,service_name,')).toBe(true);
    const lines = r.text.split('\r\n');
    expect(lines).toHaveLength(6); // header, 4 tickets, and the empty string after the last CRLF
    expect(lines[0]).toContain('taken_at (Asia/Shanghai)');
    expect(lines[1]).toMatch(
      /^2026-12-07,A001,enquiry,咨询,enquiry,normal,kiosk,done,1,2026-12-07 10:00:00,2026-12-07 10:02:00,2026-12-07 10:02:00,1,2026-12-07 10:03:00,2026-12-07 10:07:00,,,2,1,4,0,商场导购,"asked for ""Lanting"", 2F, then A201",satisfied$/,
    );
    // A note that looks like a formula is written as text.
    expect(lines[2]).toContain(",'=1+1,");
  });

  it('writes an .xlsx that Excel (here exceljs) opens, with the tickets and the figures', async () => {
    await aDay();
    const res = await fetch(`${q.server.url}/api/queue/export.xlsx?from=2026-12-07`, {
      headers: { Cookie: q.desk.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tickets', 'Services', 'Counters']);
    const tickets = book.getWorksheet('Tickets')!;
    expect(tickets.rowCount).toBe(5);
    const header = tickets.getRow(1).values as unknown[];
    const row = tickets.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name));
    expect(cell('code').value).toBe('A001');
    expect(cell('service_name').value).toBe('咨询');
    expect(cell('wait_min').value).toBe(2);
    expect(cell('note').value).toBe('asked for "Lanting", 2F, then A201');
    // A real date, showing the mall's wall-clock time.
    expect(cell('taken_at (Asia/Shanghai)').value).toEqual(new Date('2026-12-07T10:00:00Z'));
    const services = book.getWorksheet('Services')!;
    expect(services.getRow(2).values).toEqual(expect.arrayContaining(['enquiry', '咨询', 2, 1, 1]));
  });

  it('exports an empty range as a header alone, and only to staff', async () => {
    q = await queueServer();
    const r = await q.admin.get('/api/queue/export.csv?from=2026-01-01&to=2026-01-31');
    expect(r.text.split('\r\n')).toHaveLength(2);
    expect((await q.guide.get('/api/queue/export.csv')).status).toBe(403);
    expect((await q.anonymous.get('/api/queue/export.xlsx')).status).toBe(401);
  });
});
