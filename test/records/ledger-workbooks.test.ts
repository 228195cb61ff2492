import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

// 15:00 on Thursday 3 December 2026 in the mall (Asia/Shanghai).
const NOW = new Date('2026-12-03T07:00:00Z');
const clock = steppableClock(NOW);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
});
afterAll(() => server?.close());

/** A ledger's workbook for December, as the desk downloads it. */
async function workbook(id: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${server.url}/api/reports/${id}.xlsx?month=2026-12`, {
    headers: { Cookie: cast.desk.cookie },
  });
  expect(res.status, id).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

/** Every row's cells as text, for finding what a person would look for. */
const rows = (sheet: ExcelJS.Worksheet | undefined) => {
  const out: string[][] = [];
  sheet?.eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return out;
};
const rowOf = (sheet: ExcelJS.Worksheet | undefined, first: string) =>
  rows(sheet).find((r) => r[0] === first || r[0]?.startsWith(first));

describe('the group’s ledgers as workbooks', () => {
  it('writes 30天无理由退货登记表+汇总表 with the phone in full and the refund totalled', async () => {
    const made = await cast.desk.post('/api/returns', {
      customerName: '赵女士',
      customerPhone: '138 0013 8000',
      orderNo: 'HX-20261120-0042',
      merchantName: '顾家家居',
      product: '乳胶床垫 1.8 m',
      purchaseDate: '2026-11-20',
      reason: '睡感不合适',
    });
    expect(made.status).toBe(201);
    const id = made.body.return.id as number;
    expect(
      (
        await cast.desk.post(`/api/returns/${id}/actions`, {
          action: 'outcome',
          outcome: 'refunded',
          amountFen: 459_900,
          note: '原路退回',
        })
      ).status,
    ).toBe(200);

    const book = await workbook('returns');
    expect(book.worksheets.map((s) => s.name)).toEqual(['登记表 Register', '汇总表 Summary']);
    const line = rowOf(book.getWorksheet('登记表 Register'), String(id));
    expect(line).toEqual(
      expect.arrayContaining([
        '赵女士',
        '138 0013 8000',
        '顾家家居',
        '2026-11-20',
        '已退款',
        '4599',
      ]),
    );
    expect(rowOf(book.getWorksheet('汇总表 Summary'), '已退款')).toEqual(['已退款', '1', '4599']);
  });

  it('writes 先行赔偿审批表 with the manager’s decision and what the merchant still owes', async () => {
    const made = await cast.desk.post('/api/compensations', {
      customerName: '钱先生',
      customerPhone: '139 0000 2222',
      merchantName: '米兰之家',
      amountFen: 120_000,
      reason: '送货损坏墙面，商户未到场',
    });
    expect(made.status).toBe(201);
    const id = made.body.compensation.id as number;
    expect(
      (await cast.manager.post(`/api/compensations/${id}/decision`, { action: 'approve' })).status,
    ).toBe(200);
    expect(
      (
        await cast.desk.post(`/api/compensations/${id}/actions`, {
          action: 'pay',
          method: 'wechat',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await cast.desk.post(`/api/compensations/${id}/actions`, {
          action: 'recover',
          amountFen: 50_000,
        })
      ).status,
    ).toBe(200);

    const book = await workbook('compensations');
    const line = rowOf(book.getWorksheet('审批表 Approvals'), String(id));
    expect(line).toEqual(
      expect.arrayContaining(['钱先生', '139 0000 2222', '已赔付', '1200', '500', '700']),
    );
    expect(line?.some((c) => c.startsWith('manager1 '))).toBe(true);
    expect(rowOf(book.getWorksheet('汇总表 Summary'), '米兰之家')).toEqual(['米兰之家', '700']);
  });

  it('writes the fee registers a sheet per service, and the totals per merchant', async () => {
    for (const [kind, quantity, paid] of [
      ['price-tag', 40, true],
      ['offer-sign', 2, false],
    ] as const)
      expect(
        (
          await cast.desk.post('/api/merchant-services', {
            kind,
            merchantName: '欧派橱柜',
            quantity,
            paid,
          })
        ).status,
      ).toBe(201);
    const { fees } = (await cast.desk.get('/api/merchant-services/fees')).body as {
      fees: { kind: string; unitFeeFen: number }[];
    };
    const unit = (k: string) => fees.find((f) => f.kind === k)?.unitFeeFen ?? NaN;
    const tagFen = 40 * unit('price-tag');
    const signFen = 2 * unit('offer-sign');

    const book = await workbook('merchant-fees');
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '商品标价签打印',
      '特价牌发放',
      '销售定单发放',
      '汇总表 Summary',
    ]);
    expect(rowOf(book.getWorksheet('汇总表 Summary'), '欧派橱柜')).toEqual([
      '欧派橱柜',
      String((tagFen + signFen) / 100),
      String(tagFen / 100),
      String(signFen / 100),
    ]);
  });

  it('writes 电话回访记录台帐 with each call and the completion by kind', async () => {
    const sale = await cast.desk.post('/api/sales', {
      customerName: '孙女士',
      customerPhone: '137 0000 3333',
      merchantName: '林氏木业',
      product: '实木餐桌',
      orderNo: 'LS-1101',
      soldOn: '2026-11-01',
    });
    expect(sale.status).toBe(201);
    const callbackId = (sale.body.callbacks as { id: number; kind: string }[]).find(
      (c) => c.kind === 'after-sale',
    )?.id;
    expect(
      (
        await cast.desk.post(`/api/callbacks/${callbackId}/calls`, {
          outcome: 'satisfied',
          note: '餐桌很好',
        })
      ).status,
    ).toBe(200);

    const book = await workbook('callbacks');
    const line = rowOf(book.getWorksheet('台帐 Ledger'), String(callbackId));
    expect(line).toEqual(
      expect.arrayContaining(['售后30天回访', '2026-12-01', '孙女士', '137 0000 3333', '满意']),
    );
    expect(line?.at(-1)).toMatch(/满意：餐桌很好$/);
    expect(rowOf(book.getWorksheet('汇总表 Summary'), '售后30天回访')).toEqual([
      '售后30天回访',
      '1',
      '1',
      '100',
      '1',
    ]);
  });

  it('writes 奖品发放登记表 and 月度上门拜访顾客填报表', async () => {
    expect(
      (
        await cast.desk.post('/api/prizes', {
          campaign: '双十二家装节',
          prize: '保温杯',
          customerName: '周先生',
          customerPhone: '136 0000 4444',
          quantity: 2,
        })
      ).status,
    ).toBe(201);
    const prizes = await workbook('prizes');
    expect(rowOf(prizes.getWorksheet('汇总表 Summary'), '双十二家装节 · 保温杯')).toEqual([
      '双十二家装节 · 保温杯',
      '1',
      '2',
    ]);

    expect(
      (
        await cast.desk.post('/api/visits', {
          plannedOn: '2026-12-05',
          customerName: '吴女士',
          customerPhone: '135 0000 5555',
          purpose: '沙发保养回访',
        })
      ).status,
    ).toBe(201);
    const visits = await workbook('visits');
    expect(
      rows(visits.getWorksheet('填报表 Visits')).some(
        (r) => r.includes('吴女士') && r.includes('计划'),
      ),
    ).toBe(true);
    expect(rowOf(visits.getWorksheet('汇总表 Summary'), '计划 planned')).toEqual([
      '计划 planned',
      '1',
    ]);
  });
});
