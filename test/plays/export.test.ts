import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';
import { at, parseCsv } from './reports.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
const TRICKY = '买一送一, 限时 "特惠"\n第二行';

beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await cast.device.post('/api/plays', {
    reports: [
      // 23:59:30 in Shanghai is 15:59:30 UTC and, with the tests' TZ, the previous day in New York.
      at('2026-07-01', '23:59', {
        title: TRICKY,
        reason: undefined,
        actualAt: '2026-07-01T15:59:30Z',
      }),
      at('2026-07-01', '09:30', {
        title: '=HYPERLINK("http://evil")',
        status: 'failed',
        reason: 'decode',
      }),
      at('2026-07-02', '10:00', { promoId: 'shoes-sale', merchant: '步步高' }),
    ],
  });
});
afterAll(() => server.close());

describe('GET /api/plays/export.csv', () => {
  it('downloads a CSV file Excel opens in Chinese: BOM, header, CRLF, quoted fields', async () => {
    const res = await fetch(`${server.url}/api/plays/export.csv?from=2026-07-01&to=2026-07-02`, {
      headers: { Cookie: cast.desk.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="plays-2026-07-01-2026-07-02.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain(`"买一送一, 限时 ""特惠""\n第二行"`);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'plan_date',
      'actual_time (Asia/Shanghai)',
      'planned_time (Asia/Shanghai)',
      'delay_s',
      'status',
      'device',
      'slot',
      'item_id',
      'kind',
      'promo_id',
      'merchant',
      'media_id',
      'title',
      'reason',
    ]);
    expect(rows).toHaveLength(4);
    const [, morning, night, nextDay] = rows as string[][];
    expect(night).toEqual([
      '2026-07-01',
      '2026-07-01 23:59:30',
      '2026-07-01 23:59:00',
      '30.0',
      'ended',
      'player-1',
      'promos-morning',
      expect.stringMatching(/^promos-morning#\d+$/),
      'promo',
      'tea-spring',
      '茶语',
      'promo-tea',
      TRICKY,
      '',
    ]);
    // A title that looks like a formula stays text in a spreadsheet.
    expect(morning?.[12]).toBe(`'=HYPERLINK("http://evil")`);
    expect(morning?.slice(3, 5)).toEqual(['1.0', 'failed']);
    expect(morning?.[13]).toBe('decode');
    expect(nextDay?.[10]).toBe('步步高');
  });

  it('applies the same filters as the list', async () => {
    const r = await cast.desk.get(
      '/api/plays/export.csv?from=2026-07-01&to=2026-07-02&merchant=步步高',
    );
    const rows = parseCsv(r.text.replace(/^\uFEFF/, ''));
    expect(rows.map((row) => row[0])).toEqual(['plan_date', '2026-07-02']);
    const day = await cast.desk.get('/api/plays/export.csv?date=2026-07-01&status=failed');
    expect(day.headers.get('content-disposition')).toContain('plays-2026-07-01-2026-07-01.csv');
    expect(parseCsv(day.text.replace(/^\uFEFF/, ''))).toHaveLength(2);
  });

  it('gives a header row alone for a day without plays', async () => {
    const r = await cast.desk.get('/api/plays/export.csv?date=2026-08-01');
    expect(r.status).toBe(200);
    expect(parseCsv(r.text.replace(/^\uFEFF/, ''))).toHaveLength(1);
  });

  it('streams a long export in full', async () => {
    const reports = Array.from({ length: 4500 }, (_, i) =>
      at('2026-09-01', '12:00', {
        actualAt: new Date(Date.parse('2026-09-01T04:00:00Z') + i * 1000).toISOString(),
      }),
    );
    for (let i = 0; i < reports.length; i += 500)
      await cast.device.post('/api/plays', { reports: reports.slice(i, i + 500) });
    const r = await cast.desk.get('/api/plays/export.csv?date=2026-09-01');
    const rows = parseCsv(r.text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(4501);
    expect(new Set(rows.slice(1).map((row) => row[7])).size).toBe(4500);
    expect(rows.at(-1)?.[1]).toBe('2026-09-01 13:14:59');
  });

  it('refuses a bad range', async () => {
    const r = await cast.desk.get('/api/plays/export.csv?from=2026-07-02&to=2026-07-01');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('to');
  });
});
