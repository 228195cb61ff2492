import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { complaintWeek, LAST, mall, type ComplaintWeek } from './report-fixture.ts';

const clock = steppableClock(LAST);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let c: ComplaintWeek;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  // Signed in at the last instant looked at: the complaints are then made stepping back.
  cast = await withCast(server);
  c = await complaintWeek(cast.desk, clock);
  clock.set(LAST);
}, 60_000);
afterAll(() => server?.close());

const keys = (tallies: Json[]) => Object.fromEntries(tallies.map((t) => [t.key, t.count]));
const ids = (list: Json[]) => list.map((x) => x.id as number);
/** The test's clock runs on from where it is set: an instant within a second of `d`. */
const near = (d: Date) => expect.closeTo(d.getTime(), -3);

describe('GET /api/reports/complaints/week', () => {
  it('counts the week’s complaints by Monday–Sunday mall dates, across midnight', async () => {
    const r = await cast.desk.get('/api/reports/complaints/week?week=2026-W50');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ week: '2026-W50', from: '2026-12-07', to: '2026-12-13' });
    // 23:30 on Sunday is this week's; 00:10 on Monday (16:10 UTC on Sunday) the next one's.
    expect(r.body.received).toBe(6);
    expect(keys(r.body.byCategory)).toEqual({ 商品质量: 3, 送货安装: 1, 价格争议: 1, 服务态度: 1 });
    expect(r.body.byCategory[0]).toEqual({ key: '商品质量', count: 3 });
    // A merchant chosen from the directory is named from there, with its floor.
    expect(keys(r.body.byMerchant)).toEqual({
      兰亭沙发: 1,
      佳乐瓷砖: 1,
      鹿米灯饰: 1,
      '未填写 not given': 3,
    });
    expect(keys(r.body.byFloor)).toMatchObject({ '4F': 1, '2F': 1, '1F': 1 });
    expect(keys(r.body.bySource)).toEqual({ phone: 5, queue: 1 });
    expect(keys(r.body.byStatus)).toEqual({ received: 3, answered: 1, planned: 1, rejected: 1 });
    expect(r.body.byDate.map((d: Json) => d.key)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-13',
    ]);
    expect(r.body.resolved).toBe(0);
    const next = await cast.desk.get('/api/reports/complaints/week?week=2026-W51');
    expect(next.body.received).toBe(1);
    // Last week's, planned in W50, resolved in W51.
    expect(next.body.resolved).toBe(1);
  });

  it('judges each deadline once, in the week it was kept or ran out, pauses not counted', async () => {
    const r = await cast.desk.get('/api/reports/complaints/week?week=2026-W50');
    // Answers: the rejected one (the reason told), the quick one, the paused one (35 h of wall
    // clock, 11 h counted) kept; the ignored one ran out on Friday. Sunday's falls due in W51,
    // the one waiting on the customer has not fallen due, last week's was kept last week.
    expect(r.body.answerWithin24h).toEqual({ due: 4, met: 3, percent: 75 });
    // Plans: the quick one kept; last week's (due Monday, given Tuesday) and the ignored one
    // ran out. The paused one's falls due in W51; the rejected one owes none.
    expect(r.body.planWithin72h).toEqual({ due: 3, met: 1, percent: 33.3 });

    const next = (await cast.desk.get('/api/reports/complaints/week?week=2026-W51')).body;
    // Sunday's and Monday's answers, never given, ran out in W51; the ignored one's, given late
    // in W51, was judged in W50.
    expect(next.answerWithin24h).toEqual({ due: 2, met: 0, percent: 0 });
    expect(next.planWithin72h).toEqual({ due: 3, met: 0, percent: 0 });
  });

  it('lists what was open and overdue at the week’s end, and the rejections with reasons', async () => {
    const r = await cast.desk.get('/api/reports/complaints/week?week=2026-W50');
    // As things stood on Sunday night: the ignored one's answer came on Tuesday.
    expect(ids(r.body.openOverdue)).toEqual([c.ignored]);
    expect(r.body.openOverdue[0]).toMatchObject({
      customerName: '周先生',
      merchant: '鹿米灯饰',
      floor: '4F',
      status: 'received',
      late: [
        { deadline: 'answer', dueAt: near(mall(11, 9)) },
        { deadline: 'plan', dueAt: near(mall(13, 9)) },
      ],
    });
    expect(r.body.rejected).toEqual([
      expect.objectContaining({
        id: c.rejected,
        reason: '非本商场售出的商品',
        merchant: '佳乐瓷砖',
        rejectedAt: near(mall(7, 12)),
      }),
    ]);
    const next = (await cast.desk.get('/api/reports/complaints/week?week=2026-W51')).body;
    // Most overdue first; the one waiting on the customer is not overdue, however long.
    expect(ids(next.openOverdue)).toEqual([c.ignored, c.paused, c.sunday, c.monday]);
    expect(next.rejected).toEqual([]);
  });

  it('is the current week without a week, and names a bad one', async () => {
    clock.set(mall(9, 12));
    const now = await cast.desk.get('/api/reports/complaints/week');
    clock.set(LAST);
    expect(now.body.week).toBe('2026-W50');
    const bad = await cast.desk.get('/api/reports/complaints/week?week=2025-W53');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'week', message: expect.stringMatching(/2025-W53/) });
    const typo = await cast.desk.get('/api/reports/complaints/week?week=2026-50');
    expect(typo.status).toBe(400);
    expect(typo.body.field).toBe('week');
    expect((await cast.announcer.get('/api/reports/complaints/week')).status).toBe(403);
  });
});

/** A row of a sheet whose first cell is `first`. */
function rowWith(sheet: ExcelJS.Worksheet, col: number, value: unknown): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(col).value === value) found = row;
  });
  if (!found) throw new Error(`no row with ${String(value)} in column ${col} of ${sheet.name}`);
  return found;
}
/** exceljs reads a time cell as a Date of the wall clock written (Excel has no zones). */
const wall = (d: Date) => new Date(d.getTime() + 8 * 3600_000);

describe('GET /api/reports/complaints.xlsx', () => {
  it('is the register and the summary, named like the group’s ledger', async () => {
    const res = await fetch(`${server.url}/api/reports/complaints.xlsx?week=2026-W50`, {
      headers: { Cookie: cast.desk.cookie },
    });
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="complaints-2026-W50\.xlsx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      '顾客投诉登记表+汇总表 2026-W50.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['登记表 Register', '汇总表 Summary']);

    const register = book.getWorksheet('登记表 Register')!;
    const header = register.getRow(5).values as unknown[];
    const col = (name: string) => {
      const i = header.findIndex((h) => typeof h === 'string' && h.startsWith(name));
      if (i < 0) throw new Error(`no column ${name}`);
      return i;
    };
    // Every complaint received in the week, in order, and no other.
    const numbers: unknown[] = [];
    register.eachRow((row, n) => {
      if (n > 5 && typeof row.getCell(1).value === 'number') numbers.push(row.getCell(1).value);
    });
    expect(numbers).toEqual([c.rejected, c.quick, c.paused, c.ignored, c.waiting, c.sunday]);

    const quick = rowWith(register, 1, c.quick);
    // The group's ledger calls the customer back: the number in full.
    expect(quick.getCell(col('联系电话')).value).toBe('139 1234 5678');
    expect(quick.getCell(col('商户')).value).toBe('兰亭沙发');
    expect(quick.getCell(col('订单号')).value).toBe('HX20261201-0042');
    expect(quick.getCell(col('商品')).value).toBe('三人位布艺沙发');
    expect(quick.getCell(col('登记时间')).value).toEqual(wall(mall(8, 10)));
    expect(quick.getCell(col('答复时间')).value).toEqual(wall(mall(8, 15)));
    expect(quick.getCell(col('答复内容')).value).toBe('已联系商户，明天上门查看。');
    expect(quick.getCell(col('处理方案')).value).toBe('商户同意更换扶手，周六上门。');
    expect(quick.getCell(col('24小时内答复')).value).toBe('按时 on time');
    expect(quick.getCell(col('状态')).value).toBe('已给方案 plan given');

    const paused = rowWith(register, 1, c.paused);
    expect(paused.getCell(col('暂停')).value).toBe('等待商户 merchant 48 h');
    // Due 48 h later than the wall clock says, and kept.
    expect(paused.getCell(col('答复时限')).value).toEqual(wall(mall(12, 10)));
    expect(paused.getCell(col('24小时内答复')).value).toBe('按时 on time');

    const ignored = rowWith(register, 1, c.ignored);
    expect(ignored.getCell(col('商户')).value).toBe('鹿米灯饰');
    expect(ignored.getCell(col('楼层')).value).toBe('4F');
    // The register says what happened, up to when it was made: answered, late.
    expect(ignored.getCell(col('24小时内答复')).value).toBe('超时 late');
    expect(ignored.getCell(col('72小时内方案')).value).toBe('逾期未办 overdue');
    const rejected = rowWith(register, 1, c.rejected);
    expect(rejected.getCell(col('不受理原因')).value).toBe('非本商场售出的商品');
    expect(rejected.getCell(col('72小时内方案')).value).toBe('—');

    const summary = book.getWorksheet('汇总表 Summary')!;
    expect(rowWith(summary, 1, '登记投诉 complaints received').getCell(2).value).toBe(6);
    const answers = rowWith(summary, 1, '24小时内答复 answered within 24 h');
    expect([2, 3, 4].map((i) => answers.getCell(i).value)).toEqual([3, 4, 75]);
    const plans = rowWith(summary, 1, '72小时内给出方案 plan within 72 h');
    expect([2, 3, 4].map((i) => plans.getCell(i).value)).toEqual([1, 3, 33.3]);
    expect(rowWith(summary, 1, '商品质量').getCell(2).value).toBe(3);
    expect(rowWith(summary, 1, '电话 phone').getCell(2).value).toBe(5);
    expect(rowWith(summary, 1, `${c.ignored} · 周先生`).getCell(4).value).toBe('鹿米灯饰');
    expect(rowWith(summary, 1, String(c.rejected)).getCell(7).value).toBe('非本商场售出的商品');
  });

  it('covers a month or any dates, and refuses a muddle with its field', async () => {
    const month = await fetch(`${server.url}/api/reports/complaints.xlsx?month=2026-12`, {
      headers: { Cookie: cast.desk.cookie },
    });
    expect(decodeURIComponent(month.headers.get('content-disposition') ?? '')).toContain(
      '顾客投诉登记表+汇总表 2026-12.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await month.arrayBuffer());
    const summary = book.getWorksheet('汇总表 Summary')!;
    expect(rowWith(summary, 1, '登记投诉 complaints received').getCell(2).value).toBe(8);

    const both = await cast.desk.get('/api/reports/complaints.xlsx?week=2026-W50&month=2026-12');
    expect(both.status).toBe(400);
    expect(both.body.field).toBe('month');
    const backwards = await cast.desk.get(
      '/api/reports/complaints.xlsx?from=2026-12-10&to=2026-12-01',
    );
    expect(backwards.body).toMatchObject({ field: 'to', message: 'to: is before from' });
    expect((await cast.announcer.get('/api/reports/complaints.xlsx?month=2026-12')).status).toBe(
      403,
    );
  });
});
