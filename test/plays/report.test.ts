import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { parseCsv, report, type Report } from './reports.ts';

/** Noon on 8 December 2026 in Shanghai: the 7th is over (kept), the 9th to come (live). */
const NOW = '2026-12-08T12:00:00+08:00';
const DAY = '2026-12-07';
const LATER = '2026-12-09';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let player2: Client;
/** The day's compiled plan as the server serves it: what is planned. */
let plan: Json;
const promoItems = (id: string) =>
  (plan.items as Json[]).filter((i) => i.kind === 'promo' && i.promo.id === id);

/** The reports a player sends for one plan item: started, then its outcome. */
function playOf(item: Json, outcome: 'ended' | 'failed' | 'skipped', late = 0): Report[] {
  const base = {
    planDate: DAY,
    itemId: item.id as string,
    slot: item.slot as string,
    kind: 'promo',
    promoId: item.promo.id as string,
    merchant: item.promo.merchant as string,
    title: item.title as string,
  };
  const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
  if (outcome !== 'ended')
    return [
      report({
        ...base,
        status: outcome,
        plannedAt: item.start,
        actualAt: item.start,
        reason: 'media missing',
      }),
    ];
  return [
    report({ ...base, status: 'started', plannedAt: item.start, actualAt: plus(item.start, late) }),
    report({ ...base, status: 'ended', plannedAt: item.end, actualAt: plus(item.end, late) }),
  ];
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  server = await startServer();
  cast = await withCast(server);
  const d = await cast.admin.post('/api/devices', { name: 'player-2', kind: 'player' });
  player2 = new Client(server.url, d.body.token as string);
  plan = (await cast.announcer.get(`/api/plan?date=${DAY}`)).body;
  const sofa = promoItems('lanting-sofa');
  const wood = promoItems('mubai-wood');
  expect(sofa.length).toBeGreaterThan(6);
  expect(wood.length).toBeGreaterThan(2);
  const [s0, s1, s2, s3, s4] = sofa as [Json, Json, Json, Json, Json];
  const ghost = {
    planDate: DAY,
    itemId: 'promos-morning#999',
    slot: 'promos',
    kind: 'promo',
    promoId: 'ghost-promo',
    merchant: '茶语',
    title: '茶语：旧的促销',
  };
  const r1 = await cast.device.post('/api/plays', {
    reports: [
      ...playOf(s0, 'ended', 250),
      ...playOf(s1, 'ended'),
      ...playOf(s2, 'ended'),
      ...playOf(s3, 'failed'),
      ...playOf(s4, 'skipped'),
      ...playOf(wood[0] as Json, 'ended'),
      ...playOf(wood[1] as Json, 'ended'),
      // A promo the plan no longer has (edited since): 15 s by its own reports.
      report({
        ...ghost,
        status: 'started',
        plannedAt: `${DAY}T10:00:00+08:00`,
        actualAt: `${DAY}T10:00:00+08:00`,
      }),
      report({
        ...ghost,
        status: 'ended',
        plannedAt: `${DAY}T10:00:15+08:00`,
        actualAt: `${DAY}T10:00:15+08:00`,
      }),
    ],
  });
  expect(r1.body.accepted).toBe(14);
  // The second player plays the first sofa item too, and fails the fourth.
  const r2 = await player2.post('/api/plays', {
    reports: [...playOf(s0, 'ended'), ...playOf(s3, 'failed')],
  });
  expect(r2.body.accepted).toBe(3);
}, 60_000);
afterAll(async () => {
  await server?.close();
  vi.useRealTimers();
});

const sum = (items: Json[]) => items.reduce((a, i) => a + Math.round(i.durationMs as number), 0);
const line = (body: Json, promoId: string) =>
  (body.promos as Json[]).find((p) => p.promoId === promoId);

describe('GET /api/plays/report', () => {
  it('puts each promo planned in the day plan against what the players played', async () => {
    const r = await cast.announcer.get(`/api/plays/report?date=${DAY}`);
    expect(r.status).toBe(200);
    const sofa = promoItems('lanting-sofa');
    const spot = sum(sofa) / sofa.length;
    expect(line(r.body, 'lanting-sofa')).toMatchObject({
      merchant: '兰亭沙发',
      title: sofa[0]?.title,
      planned: sofa.length,
      // The first item played on both players is one item played, two plays.
      played: 3,
      plays: 4,
      // The fourth failed on both: one failed item.
      failed: 1,
      skipped: 1,
      missed: sofa.length - 5,
      plannedMs: sum(sofa),
      playedMs: Math.round(spot * 3),
      firstDate: DAY,
      lastDate: DAY,
      days: 1,
    });
    const wood = promoItems('mubai-wood');
    expect(line(r.body, 'mubai-wood')).toMatchObject({
      planned: wood.length,
      played: 2,
      missed: wood.length - 2,
      plannedMs: sum(wood),
    });
    // Played but not in the plan: counted, with the airtime its own reports give.
    expect(line(r.body, 'ghost-promo')).toMatchObject({ planned: 0, played: 1, playedMs: 15_000 });
    // Planned and not played at all: still on the report.
    const jiale = promoItems('jiale-ceramics');
    expect(line(r.body, 'jiale-ceramics')).toMatchObject({
      planned: jiale.length,
      played: 0,
      missed: jiale.length,
    });
    const allPromos = (plan.items as Json[]).filter((i) => i.kind === 'promo');
    expect(r.body.totals).toMatchObject({
      planned: allPromos.length,
      played: 6,
      plays: 7,
      failed: 1,
    });
    const merchants = Object.fromEntries((r.body.merchants as Json[]).map((m) => [m.merchant, m]));
    expect(merchants['茶语']).toMatchObject({ promos: 1, planned: 0, played: 1 });
    expect(merchants['兰亭沙发']).toMatchObject({ promos: 1, planned: sofa.length, played: 3 });
    expect(r.body.daily).toEqual([expect.objectContaining({ date: DAY, played: 6 })]);
    expect(r.body.options.devices.map((d: Json) => d.name)).toEqual(['player-1', 'player-2']);
    expect(r.body.options.merchants).toContain('兰亭沙发');
  });

  it('narrows by player, merchant, promo and slot; the plan stays the mall’s plan', async () => {
    const id2 = (await cast.admin.get('/api/devices')).body.devices.find(
      (d: Json) => d.name === 'player-2',
    ).id;
    const sofa = promoItems('lanting-sofa');
    const byPlayer = await cast.announcer.get(`/api/plays/report?date=${DAY}&device=${id2}`);
    expect(line(byPlayer.body, 'lanting-sofa')).toMatchObject({
      planned: sofa.length,
      played: 1,
      plays: 1,
      failed: 1,
      skipped: 0,
    });
    expect(line(byPlayer.body, 'mubai-wood')).toMatchObject({ played: 0 });

    const wood = await cast.announcer.get(
      `/api/plays/report?date=${DAY}&merchant=${encodeURIComponent('木白实木家具')}`,
    );
    expect((wood.body.promos as Json[]).map((p) => p.promoId)).toEqual(['mubai-wood']);
    expect(wood.body.totals.planned).toBe(promoItems('mubai-wood').length);

    const one = await cast.announcer.get(`/api/plays/report?date=${DAY}&promo=lanting-sofa`);
    expect((one.body.promos as Json[]).map((p) => p.promoId)).toEqual(['lanting-sofa']);

    const slot = await cast.announcer.get(`/api/plays/report?date=${DAY}&slot=no-such-slot`);
    expect(slot.body.promos).toEqual([]);
    expect(slot.body.totals.planned).toBe(0);
  });

  it('keeps what a day that is over had planned, while days to come follow the program', async () => {
    const before = await cast.announcer.get(`/api/plays/report?from=${DAY}&to=${LATER}`);
    const days = (body: Json, promoId: string) =>
      (body.days as Json[]).filter((d) => d.promoId === promoId).map((d) => d.date);
    expect(days(before.body, 'mubai-wood')).toEqual([DAY, '2026-12-08', LATER]);
    const retired = await cast.announcer.post('/api/promos/mubai-wood/retire');
    expect(retired.status).toBe(200);
    const after = await cast.announcer.get(`/api/plays/report?from=${DAY}&to=${LATER}`);
    // The 7th was over: kept as it was planned. Today and the 9th: the promo is gone.
    expect(days(after.body, 'mubai-wood')).toEqual([DAY]);
    expect(line(after.body, 'mubai-wood')).toMatchObject({
      planned: promoItems('mubai-wood').length,
      played: 2,
    });
    await cast.announcer.post('/api/promos/mubai-wood/unretire');
  });

  it('refuses a muddled range with the field to fix, and the desk', async () => {
    const r = await cast.announcer.get(`/api/plays/report?from=${LATER}&to=${DAY}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid', field: 'to' });
    expect((await cast.desk.get(`/api/plays/report?date=${DAY}`)).status).toBe(403);
  });
});

describe('GET /api/plays/report.xlsx', () => {
  it('opens in Excel with the summary per promo, merchant totals, days and every play', async () => {
    const res = await fetch(`${server.url}/api/plays/report.xlsx?date=${DAY}`, {
      headers: { Cookie: cast.announcer.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="proof-of-play-${DAY}-${DAY}.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '汇总 Summary',
      '按日 By day',
      '明细 Plays',
    ]);

    const summary = book.getWorksheet('汇总 Summary') as ExcelJS.Worksheet;
    const header = summary.getRow(4).values as unknown[];
    const col = (name: string) => header.findIndex((h) => String(h).startsWith(name));
    const rowOf = (sheet: ExcelJS.Worksheet, a: string, b: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === a && r.getCell(2).value === b) found = r;
      });
      if (!found) throw new Error(`no row ${a} / ${b}`);
      return found;
    };
    const sofa = promoItems('lanting-sofa');
    const s = rowOf(summary, '兰亭沙发', 'lanting-sofa');
    expect(s.getCell(col('促销内容')).value).toBe(sofa[0]?.title);
    expect(s.getCell(col('开始日期')).value).toBe(DAY);
    expect(s.getCell(col('计划次数')).value).toBe(sofa.length);
    expect(s.getCell(col('播出次数')).value).toBe(3);
    expect(s.getCell(col('失败')).value).toBe(1);
    expect(s.getCell(col('跳过')).value).toBe(1);
    // Airtime is an Excel duration: a fraction of a day, shown as h:mm:ss.
    const airtime = s.getCell(col('播出时长'));
    expect(airtime.numFmt).toBe('[h]:mm:ss');
    // exceljs reads a cell with a time format back as a date counted from Excel's day zero.
    const ms = (airtime.value as Date).getTime() - Date.UTC(1899, 11, 30);
    expect(ms).toBeCloseTo((sum(sofa) / sofa.length) * 3, 0);
    const total = rowOf(summary, '兰亭沙发', '合计 total');
    expect(total.getCell(col('播出次数')).value).toBe(3);
    expect(total.getCell(1).font?.bold).toBe(true);

    const byDay = book.getWorksheet('按日 By day') as ExcelJS.Worksheet;
    expect(byDay.getRow(2).getCell(1).value).toBe(DAY);

    const plays = book.getWorksheet('明细 Plays') as ExcelJS.Worksheet;
    // Every outcome (not the `started` beginnings): 7 ended, 2 failed, 1 skipped.
    expect(plays.rowCount).toBe(1 + 10);
    const [s0] = sofa as [Json];
    let first: ExcelJS.Row | undefined;
    plays.eachRow((r) => {
      if (r.getCell(11).value === s0.id && r.getCell(5).value === 'player-1') first = r;
    });
    if (!first) throw new Error('the first sofa play is not in the detail');
    expect(first.getCell(1).value).toBe(DAY);
    // The mall's wall clock, as Excel has no zones: the ended report's planned time is the end.
    const planned = first.getCell(2).value as Date;
    expect(planned.toISOString().slice(0, 19)).toBe((s0.end as string).slice(0, 19));
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(4).value).toBe(0.3);
    expect(first.getCell(6).value).toBe('已播 played');
    const outcomes = [] as string[];
    plays.eachRow((r, n) => n > 1 && outcomes.push(`${r.getCell(5).value} ${r.getCell(6).value}`));
    expect(outcomes.filter((o) => o === 'player-2 已播 played')).toHaveLength(1);
    expect(outcomes.filter((o) => o.endsWith('失败 failed'))).toHaveLength(2);
  });
});

describe('GET /api/plays/report.csv', () => {
  it('gives each table as CSV for Excel: BOM, header, CRLF', async () => {
    const res = await fetch(`${server.url}/api/plays/report.csv?date=${DAY}&table=promos`, {
      headers: { Cookie: cast.announcer.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    const head = rows[0] as string[];
    expect(head.slice(0, 3)).toEqual(['商户 merchant', '促销编号 promo', '促销内容 title']);
    const sofa = rows.find((r) => r[1] === 'lanting-sofa') as string[];
    const at = (name: string) => sofa[head.findIndex((h) => h.startsWith(name))];
    expect(at('计划次数')).toBe(String(promoItems('lanting-sofa').length));
    expect(at('播出次数')).toBe('3');
    expect(head).toContain('播出时长 airtime played (s)');

    const merchants = await cast.announcer.get(`/api/plays/report.csv?date=${DAY}&table=merchants`);
    expect(parseCsv(merchants.text.slice(1)).map((r) => r[0])).toContain('木白实木家具');

    const plays = await cast.announcer.get(`/api/plays/report.csv?date=${DAY}&table=plays`);
    const detail = parseCsv(plays.text.slice(1));
    expect(detail[0]?.[1]).toBe('计划时间 planned at (Asia/Shanghai)');
    expect(detail).toHaveLength(1 + 10);
  });
});
