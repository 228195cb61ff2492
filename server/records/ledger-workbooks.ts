import type { CellFormat, CellValue, XlsxWriter } from '../plays/xlsx-writer.ts';
import { zoneClock } from '../plays/zone-clock.ts';
import { describePeriod } from '../reports/period.ts';
import type { Ledger, LedgerInput } from '../reports/ledger.ts';
import { CALLBACK_KIND_ZH, CALLBACK_KINDS } from './callback.ts';
import type { CallbackWithSource } from './callback-store.ts';
import { subjectOf } from './callback-subject.ts';
import { compensationTotals } from './compensation-totals.ts';
import { returnSummary } from './returns-summary.ts';
import { serviceTotals } from './service-totals.ts';
import { SERVICE_FEES, SERVICE_KINDS } from './service-fees.ts';
import { prizeTotals } from './prizes.ts';

/**
 * The group's other ledgers (电话回访记录台帐, 月度上门拜访顾客填报表, 30天无理由退货登记表+汇总表,
 * 先行赔偿审批表, the merchants' fee registers, 奖品发放登记表), each a register sheet laid out as
 * the desk fills the paper form and, where the group asks for one, a summary sheet. Like the
 * complaint register, they keep phone numbers in full: they are the desk's and the manager's.
 */

interface Column<R> {
  header: string;
  width: number;
  format?: CellFormat;
  value: (r: R) => CellValue;
}

/** A summary: titled blocks of rows, the first row of each bold. */
type Block = { title: string; rows: CellValue[][] };

const yuan = (fen: number | undefined) => (fen === undefined ? null : Math.round(fen) / 100);
const time = (zone: string) => {
  const clock = zoneClock(zone);
  return (ms: number | undefined) =>
    ms === undefined ? '' : clock.cell(new Date(ms).toISOString()).slice(0, 16);
};
const OUTCOME_ZH: Record<string, string> = {
  satisfied: '满意',
  'not-satisfied': '不满意',
  unreachable: '未接通',
};
const METHOD_ZH: Record<string, string> = {
  cash: '现金',
  transfer: '转账',
  wechat: '微信',
  alipay: '支付宝',
  card: '刷卡',
};

function heading(input: LedgerInput, what: string): CellValue[][] {
  return [
    [`${input.mall} · ${what}`],
    [describePeriod(input.period)],
    [
      `时间为商场时间 Times are mall time (${input.zone}) · 生成于 made ${time(input.zone)(input.now)} · 电话为完整号码，仅供集团台帐 Phone numbers in full, for the group’s ledger only`,
    ],
  ];
}

async function registerSheet<R>(
  book: XlsxWriter,
  name: string,
  what: string,
  input: LedgerInput,
  columns: readonly Column<R>[],
  rows: readonly R[],
  unit: string,
): Promise<void> {
  const sheet = await book.sheet(
    name,
    columns.map((c) => ({ width: c.width, format: c.format ?? 'text' })),
    4,
  );
  const [title, ...rest] = heading(input, what);
  sheet.row(title ?? [], 'title');
  for (const line of rest) sheet.row(line);
  sheet.row(
    columns.map((c) => c.header),
    'bold',
  );
  let n = 0;
  for (const r of rows) {
    sheet.row(columns.map((c) => c.value(r)));
    if (++n % 2000 === 0) await sheet.flush();
  }
  sheet.row([`共 ${rows.length} ${unit}`], 'bold');
  await sheet.end();
}

async function summarySheet(
  book: XlsxWriter,
  what: string,
  input: LedgerInput,
  blocks: readonly Block[],
): Promise<void> {
  const sheet = await book.sheet(
    '汇总表 Summary',
    [
      { width: 34, format: 'text' },
      { width: 14, format: 'number' },
      { width: 14, format: 'number' },
      { width: 14, format: 'number' },
      { width: 14, format: 'number' },
    ],
    0,
  );
  const [title, ...rest] = heading(input, what);
  sheet.row(title ?? [], 'title');
  for (const line of rest) sheet.row(line);
  for (const b of blocks) {
    sheet.row([]);
    sheet.row([b.title], 'bold');
    b.rows.forEach((r, i) => sheet.row(r, i === 0 ? 'bold' : 'plain'));
  }
  await sheet.end();
}

const percent = (done: number, due: number) =>
  due === 0 ? '—' : Math.round((done / due) * 1000) / 10;

/** 电话回访记录台帐: every callback due in the period, done or not, and completion by kind. */
export const callbackLedger: Ledger = {
  id: 'callbacks',
  title: '电话回访记录台帐',
  titleEn: 'Telephone callback ledger',
  read(deps, input) {
    const { from, to } = input.period;
    const list = deps.callbacks.list({ from, to }, 1_000_000, 0).callbacks;
    const at = time(input.zone);
    const columns: Column<CallbackWithSource>[] = [
      { header: '编号 No.', width: 8, value: (r) => String(r.callback.id) },
      { header: '回访类型 kind', width: 20, value: (r) => CALLBACK_KIND_ZH[r.callback.kind] },
      { header: '应回访日 due', width: 12, value: (r) => r.callback.dueOn },
      ...subjectColumns(input.zone),
      { header: '拨打次数 tries', width: 10, format: 'number', value: (r) => r.callback.tries },
      {
        header: '结果 outcome',
        width: 12,
        value: (r) =>
          r.callback.status === 'withdrawn'
            ? '已撤销'
            : r.callback.outcome
              ? OUTCOME_ZH[r.callback.outcome]
              : r.callback.tries
                ? '未接通，待再拨'
                : '待回访',
      },
      { header: '回访时间 done', width: 17, value: (r) => at(r.callback.doneAt) },
      { header: '回访人 by', width: 10, value: (r) => r.callback.doneBy ?? '' },
      {
        header: '记录 notes',
        width: 40,
        value: (r) =>
          r.callback.calls
            .map(
              (c) =>
                `${at(c.at)} ${OUTCOME_ZH[c.outcome] ?? c.outcome}${c.note ? `：${c.note}` : ''}`,
            )
            .join('；'),
      },
    ];
    const counted = list.filter((r) => r.callback.status !== 'withdrawn');
    const kinds = CALLBACK_KINDS.map((k) => {
      const of = counted.filter((r) => r.callback.kind === k);
      const done = of.filter((r) => r.callback.status === 'done');
      return [
        CALLBACK_KIND_ZH[k],
        of.length,
        done.length,
        percent(done.length, of.length),
        done.filter((r) => r.callback.outcome === 'satisfied').length,
      ];
    });
    const done = counted.filter((r) => r.callback.status === 'done');
    return async (book) => {
      await registerSheet(
        book,
        '台帐 Ledger',
        '电话回访记录台帐 Callback ledger',
        input,
        columns,
        list,
        '条 callbacks',
      );
      await summarySheet(book, '回访完成情况 Callback completion', input, [
        {
          title:
            '完成率 = 已回访 ÷ 应回访（撤销的不计）Completion = done ÷ due (withdrawn not counted)',
          rows: [
            ['类型 kind', '应回访 due', '已回访 done', '完成率 %', '满意 satisfied'],
            ...kinds,
            [
              '合计 total',
              counted.length,
              done.length,
              percent(done.length, counted.length),
              done.filter((r) => r.callback.outcome === 'satisfied').length,
            ],
          ],
        },
      ]);
    };
  },
};

function subjectColumns(zone: string): Column<CallbackWithSource>[] {
  const subject = (r: CallbackWithSource) => subjectOf(r.callback, r.source, zone);
  return [
    { header: '顾客 customer', width: 10, value: (r) => subject(r).customerName },
    { header: '电话 phone', width: 15, value: (r) => subject(r).customerPhone },
    { header: '商户 merchant', width: 22, value: (r) => subject(r).merchantName ?? '' },
    { header: '商品 product', width: 20, value: (r) => subject(r).product ?? '' },
    { header: '订单号 order', width: 14, value: (r) => subject(r).orderNo ?? '' },
    { header: '购买/送货/办结日 on', width: 14, value: (r) => subject(r).servedOn },
  ];
}

/** 月度上门拜访顾客填报表: the visits planned in the period, made or not, against five a month. */
export const visitLedger: Ledger = {
  id: 'visits',
  title: '月度上门拜访顾客填报表',
  titleEn: 'Monthly customer visits',
  read(deps, input) {
    const list = deps.visits.between(input.period.from, input.period.to);
    const STATUS = { planned: '计划', visited: '已拜访', cancelled: '已取消' } as const;
    const visited = list.filter((v) => v.status === 'visited');
    return async (book) => {
      await registerSheet(
        book,
        '填报表 Visits',
        '月度上门拜访顾客填报表 Customer visits',
        input,
        [
          { header: '编号 No.', width: 8, value: (v) => String(v.id) },
          { header: '计划日期 planned', width: 12, value: (v) => v.plannedOn },
          { header: '顾客 customer', width: 10, value: (v) => v.customerName },
          { header: '电话 phone', width: 15, value: (v) => v.customerPhone },
          { header: '地址 address', width: 28, value: (v) => v.address ?? '' },
          { header: '事由 purpose', width: 18, value: (v) => v.purpose },
          { header: '商户 merchant', width: 20, value: (v) => v.merchantName ?? '' },
          { header: '状态 status', width: 10, value: (v) => STATUS[v.status] },
          { header: '拜访日期 visited', width: 12, value: (v) => v.visitedOn ?? '' },
          { header: '拜访人 by', width: 10, value: (v) => v.visitedBy ?? '' },
          {
            header: '顾客意见 outcome',
            width: 12,
            value: (v) => (v.outcome ? OUTCOME_ZH[v.outcome] : ''),
          },
          { header: '记录 notes', width: 36, value: (v) => v.visitNote ?? v.cancelReason ?? '' },
        ],
        list,
        '次 visits',
      );
      await summarySheet(book, '上门拜访汇总 Visits summary', input, [
        {
          title: '每月至少五次 At least five a month',
          rows: [
            ['项目 item', '次数 count'],
            ['计划 planned', list.length],
            ['已拜访 visited', visited.length],
            ['顾客满意 satisfied', visited.filter((v) => v.outcome === 'satisfied').length],
          ],
        },
      ]);
    };
  },
};

/** 30天无理由退货登记表+汇总表. */
export const returnLedger: Ledger = {
  id: 'returns',
  title: '30天无理由退货登记表+汇总表',
  titleEn: '30-day no-reason returns register and summary',
  read(deps, input) {
    const list = deps.ledgers.returns.between(input.period.from, input.period.to);
    const s = returnSummary(list);
    const STATUS = {
      registered: '已登记',
      refunded: '已退款',
      exchanged: '已换货',
      refused: '不予退货',
      void: '已作废',
    } as const;
    return async (book) => {
      await registerSheet(
        book,
        '登记表 Register',
        '30天无理由退货登记表 Returns register',
        input,
        [
          { header: '编号 No.', width: 8, value: (r) => String(r.id) },
          { header: '登记日 day', width: 12, value: (r) => r.day },
          { header: '顾客 customer', width: 10, value: (r) => r.customerName },
          { header: '电话 phone', width: 15, value: (r) => r.customerPhone },
          { header: '订单号 order', width: 14, value: (r) => r.orderNo },
          { header: '商户 merchant', width: 22, value: (r) => r.merchantName },
          { header: '商品 product', width: 20, value: (r) => r.product },
          { header: '购买日 bought', width: 12, value: (r) => r.purchaseDate },
          { header: '退货日 returned', width: 12, value: (r) => r.returnDate },
          { header: '天数 days', width: 8, format: 'number', value: (r) => r.daysAfterPurchase },
          { header: '原因 reason', width: 28, value: (r) => r.reason },
          { header: '结果 outcome', width: 10, value: (r) => STATUS[r.status] },
          {
            header: '金额(元) amount',
            width: 12,
            format: 'number',
            value: (r) => yuan(r.outcome?.amountFen),
          },
          {
            header: '经理特批 override',
            width: 24,
            value: (r) => (r.override ? `${r.override.by}：${r.override.reason}` : ''),
          },
        ],
        list,
        '件 returns',
      );
      await summarySheet(book, '30天无理由退货汇总表 Returns summary', input, [
        {
          title: '按结果 By outcome',
          rows: [
            ['结果 outcome', '件数 count', '金额(元) amount'],
            ...(['registered', 'refunded', 'exchanged', 'refused'] as const).map((k) => [
              STATUS[k],
              s.byOutcome[k].count,
              yuan(s.byOutcome[k].amountFen),
            ]),
            ['合计 total（不含作废 voided ' + s.voided + '）', s.count, yuan(s.refundedFen)],
            ['其中经理特批 overridden past 30 days', s.overridden],
          ],
        },
        {
          title: '按商户 By merchant',
          rows: [
            ['商户 merchant', '件数 count', '退款(元) refunded'],
            ...s.byMerchant.map((m) => [m.merchantName, m.count, yuan(m.refundedFen)]),
          ],
        },
      ]);
    };
  },
};

/** 先行赔偿审批表: each request, the manager's decision, payment and recovery from the merchant. */
export const compensationLedger: Ledger = {
  id: 'compensations',
  title: '先行赔偿审批表',
  titleEn: 'Advance compensation approvals',
  read(deps, input) {
    const list = deps.ledgers.compensations.between(input.period.from, input.period.to);
    const t = compensationTotals(list);
    const at = time(input.zone);
    const STATUS = {
      requested: '待审批',
      approved: '已批准',
      rejected: '已驳回',
      paid: '已赔付',
      recovered: '已追回',
    } as const;
    return async (book) => {
      await registerSheet(
        book,
        '审批表 Approvals',
        '先行赔偿审批表 Advance compensation',
        input,
        [
          { header: '编号 No.', width: 8, value: (c) => String(c.id) },
          { header: '申请日 day', width: 12, value: (c) => c.day },
          { header: '顾客 customer', width: 10, value: (c) => c.customerName },
          { header: '电话 phone', width: 15, value: (c) => c.customerPhone },
          { header: '商户 merchant', width: 22, value: (c) => c.merchantName },
          {
            header: '投诉编号 complaint',
            width: 10,
            value: (c) => (c.complaintId ? String(c.complaintId) : ''),
          },
          {
            header: '申请金额(元) asked',
            width: 12,
            format: 'number',
            value: (c) => yuan(c.amountFen),
          },
          { header: '理由 reason', width: 28, value: (c) => c.reason },
          { header: '申请人 by', width: 10, value: (c) => c.requestedBy },
          { header: '审批 decision', width: 10, value: (c) => STATUS[c.status] },
          {
            header: '审批人、时间 decided',
            width: 22,
            value: (c) => (c.decision ? `${c.decision.by} ${at(c.decision.at)}` : ''),
          },
          {
            header: '批准金额(元) approved',
            width: 12,
            format: 'number',
            value: (c) => yuan(c.approvedFen),
          },
          {
            header: '赔付 paid',
            width: 20,
            value: (c) =>
              c.payment
                ? `${c.payment.date} ${METHOD_ZH[c.payment.method] ?? c.payment.method}`
                : '',
          },
          {
            header: '已追回(元) recovered',
            width: 12,
            format: 'number',
            value: (c) => yuan(c.recoveredFen),
          },
          {
            header: '待追回(元) outstanding',
            width: 12,
            format: 'number',
            value: (c) => yuan(c.outstandingFen),
          },
        ],
        list,
        '件 requests',
      );
      await summarySheet(book, '先行赔偿汇总 Compensation summary', input, [
        {
          title: '金额 Amounts',
          rows: [
            ['项目 item', '元 yuan'],
            ['申请 asked', yuan(t.requestedFen)],
            ['批准 approved', yuan(t.approvedFen)],
            ['赔付 paid', yuan(t.paidFen)],
            ['已追回 recovered', yuan(t.recoveredFen)],
            ['待追回 outstanding', yuan(t.outstandingFen)],
          ],
        },
        {
          title: '待追回 按商户 Outstanding by merchant',
          rows: [
            ['商户 merchant', '元 yuan'],
            ...t.outstandingByMerchant.map((m) => [m.merchantName, yuan(m.outstandingFen)]),
          ],
        },
      ]);
    };
  },
};

/**
 * The merchants' fee registers the desk keeps (商品标价签打印表+打印记录收费表, 特价牌发放收费登记表,
 * 销售定单发放收费登记表): a sheet per service and the totals per merchant.
 */
export const serviceLedger: Ledger = {
  id: 'merchant-fees',
  title: '商户服务收费登记表',
  titleEn: 'Merchant service fees',
  read(deps, input) {
    const list = deps.ledgers.services.between(input.period.from, input.period.to);
    const t = serviceTotals(list);
    return async (book) => {
      for (const kind of SERVICE_KINDS) {
        const fee = SERVICE_FEES[kind];
        await registerSheet(
          book,
          fee.zh,
          `${fee.zh}收费登记 ${fee.en}`,
          input,
          [
            { header: '编号 No.', width: 8, value: (s) => String(s.id) },
            { header: '日期 day', width: 12, value: (s) => s.day },
            { header: '商户 merchant', width: 24, value: (s) => s.merchantName },
            {
              header: `数量(${fee.unitZh}) quantity`,
              width: 12,
              format: 'number',
              value: (s) => s.quantity,
            },
            {
              header: '单价(元) unit fee',
              width: 12,
              format: 'number',
              value: (s) => yuan(s.unitFeeFen),
            },
            {
              header: '金额(元) total',
              width: 12,
              format: 'number',
              value: (s) => yuan(s.totalFen),
            },
            { header: '已收(元) paid', width: 12, format: 'number', value: (s) => yuan(s.paidFen) },
            {
              header: '状态 status',
              width: 10,
              value: (s) => ({ unpaid: '未收', paid: '已收', void: '已作废' })[s.status],
            },
            { header: '经办 by', width: 10, value: (s) => s.registeredBy },
            { header: '备注 note', width: 28, value: (s) => s.note },
          ],
          list.filter((s) => s.kind === kind),
          '笔 entries',
        );
      }
      await summarySheet(book, '收费汇总 Fee totals', input, [
        {
          title: '按商户（不含作废）By merchant (voided left out)',
          rows: [
            ['商户 merchant', '应收(元) charged', '已收(元) paid', '未收(元) unpaid'],
            ...t.byMerchant.map((m) => [
              m.merchantName,
              yuan(m.totalFen),
              yuan(m.paidFen),
              yuan(m.unpaidFen),
            ]),
            ['合计 total', yuan(t.totalFen), yuan(t.paidFen), yuan(t.unpaidFen)],
          ],
        },
      ]);
    };
  },
};

/** 奖品发放登记表. */
export const prizeLedger: Ledger = {
  id: 'prizes',
  title: '奖品发放登记表',
  titleEn: 'Prize handouts',
  read(deps, input) {
    const list = deps.ledgers.prizes.between(input.period.from, input.period.to);
    const t = prizeTotals(list);
    return async (book) => {
      await registerSheet(
        book,
        '登记表 Register',
        '奖品发放登记表 Prize handouts',
        input,
        [
          { header: '编号 No.', width: 8, value: (p) => String(p.id) },
          { header: '日期 day', width: 12, value: (p) => p.day },
          { header: '活动 campaign', width: 22, value: (p) => p.campaign },
          { header: '奖品 prize', width: 20, value: (p) => p.prize },
          { header: '数量 quantity', width: 10, format: 'number', value: (p) => p.quantity },
          { header: '顾客 customer', width: 10, value: (p) => p.customerName },
          { header: '电话 phone', width: 15, value: (p) => p.customerPhone },
          { header: '发放人 handed by', width: 10, value: (p) => p.handedBy },
          {
            header: '状态 status',
            width: 10,
            value: (p) => (p.status === 'void' ? '已作废' : '已发放'),
          },
        ],
        list,
        '次 handouts',
      );
      await summarySheet(book, '奖品发放汇总 Prize totals', input, [
        {
          title: '按活动（不含作废）By campaign (voided left out)',
          rows: [
            ['活动 · 奖品 campaign · prize', '次数 handouts', '数量 quantity'],
            ...t.byCampaign.flatMap((c) =>
              c.prizes.map((p) => [`${c.campaign} · ${p.prize}`, p.handouts, p.quantity]),
            ),
            ['合计 total', t.handouts, t.quantity],
          ],
        },
      ]);
    };
  },
};
