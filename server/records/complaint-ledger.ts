import { describePeriod, mallDateOf } from '../reports/period.ts';
import type { Ledger, LedgerDeps, LedgerInput } from '../reports/ledger.ts';
import type { CellValue, SheetColumn, XlsxWriter } from '../plays/xlsx-writer.ts';
import { zoneClock, type ZoneClock } from '../plays/zone-clock.ts';
import { CALL_BACK_LABEL, NOT_GIVEN, SOURCE_LABEL, STATUS_LABEL } from './complaint-labels.ts';
import { REGISTER_COLUMNS, type RegisterRow } from './complaint-register.ts';
import { complaintSummary, type ComplaintSummary, type Tally } from './complaint-summary.ts';
import { deadlinesOf, type Complaint } from './complaint.ts';
import type { ComplaintEntry } from './complaint-store.ts';

/** Excel's day zero is 1899-12-30: 25,569 days before 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
const ROWS_BETWEEN_PAUSES = 2000;

/** The merchant and floor as a ledger prints them: as typed, else the directory's. */
export function merchantDescriber(merchants: LedgerDeps['merchants']) {
  return (c: Complaint) => {
    const m = c.merchantId === undefined ? undefined : merchants.get(c.merchantId);
    return {
      merchant: c.merchantName || m?.name || NOT_GIVEN,
      floor: c.floor || m?.floor || NOT_GIVEN,
    };
  };
}

/**
 * 顾客投诉登记表+汇总表, the complaint ledger the group checks: the register of every complaint
 * received in the period as the desk fills the paper form, and the period's summary. The
 * register keeps the customer's phone number in full: the group's ledger calls customers back
 * from it (every other list masks it), so the file is for the desk and the manager only.
 */
export const complaintLedger: Ledger = {
  id: 'complaints',
  title: '顾客投诉登记表+汇总表',
  titleEn: 'Customer complaint register and summary',
  read(deps, input) {
    const { span } = input;
    const all = deps.complaints.touching(
      new Date(span.start).toISOString(),
      new Date(span.end).toISOString(),
    );
    const describe = merchantDescriber(deps.merchants);
    const clock = zoneClock(input.zone);
    const summary = complaintSummary(all, span, {
      describe,
      dateOf: mallDateOf(input.zone),
    });
    const rows: RegisterRow[] = all
      .filter((c) => c.receivedAt >= span.start && c.receivedAt < span.end)
      .map((c) => ({
        c,
        ...describe(c),
        ...textsOf(deps.complaints.entries(c.id)),
        deadlines: deadlinesOf(c, input.now),
      }));
    return async (book) => {
      await writeRegister(book, rows, input, clock);
      await writeSummary(book, summary, input, clock);
    };
  },
};

/** What the desk wrote at each step, from the entries (the record keeps only when). */
function textsOf(entries: readonly ComplaintEntry[]) {
  const texts: Pick<RegisterRow, 'answer' | 'plan' | 'result' | 'callBack'> = {};
  const calls: string[] = [];
  for (const e of entries) {
    const d = e.data as { text?: string; outcome?: string; note?: string };
    if (e.action === 'answer') texts.answer = d.text;
    else if (e.action === 'plan') texts.plan = d.text;
    else if (e.action === 'resolve') texts.result = d.text;
    else if (e.action === 'call-back')
      calls.push(`${CALL_BACK_LABEL[d.outcome ?? ''] ?? d.outcome}${d.note ? `：${d.note}` : ''}`);
  }
  if (calls.length) texts.callBack = calls.join('；');
  return texts;
}

const heading = (input: LedgerInput, clock: ZoneClock, what: string) => [
  [`${input.mall} · ${what}`],
  [describePeriod(input.period)],
  [
    `时间为商场时间 Times are mall time (${input.zone}) · 生成于 made ${clock
      .cell(new Date(input.now).toISOString())
      .slice(0, 16)}`,
  ],
];

async function writeRegister(
  book: XlsxWriter,
  rows: readonly RegisterRow[],
  input: LedgerInput,
  clock: ZoneClock,
) {
  const columns: SheetColumn[] = REGISTER_COLUMNS.map((c) => ({ width: c.width, format: c.kind }));
  const sheet = await book.sheet('登记表 Register', columns, 5);
  const [title, period, zone] = heading(input, clock, '顾客投诉登记表 Customer complaint register');
  sheet.row(title as CellValue[], 'title');
  sheet.row(period as CellValue[]);
  sheet.row(zone as CellValue[]);
  sheet.row(['电话为完整号码，仅供集团台帐 Phone numbers in full, for the group’s ledger only']);
  sheet.row(
    REGISTER_COLUMNS.map((c) => c.header),
    'bold',
  );
  // To the nearest second, not down: an instant a few ms before 10:00 is 10:00 on the form.
  const excel = (ms: number) =>
    Math.round(clock.wallMs(new Date(ms).toISOString()) / 1000) / 86_400 + EXCEL_EPOCH_DAYS;
  let n = 0;
  for (const r of rows) {
    sheet.row(
      REGISTER_COLUMNS.map((c) => {
        const v = c.value(r);
        return c.kind === 'time' && typeof v === 'number' ? excel(v) : v;
      }),
    );
    if (++n % ROWS_BETWEEN_PAUSES === 0) await sheet.flush();
  }
  sheet.row([`共 ${rows.length} 件 complaints`], 'bold');
  await sheet.end();
}

async function writeSummary(
  book: XlsxWriter,
  s: ComplaintSummary,
  input: LedgerInput,
  clock: ZoneClock,
) {
  const sheet = await book.sheet(
    '汇总表 Summary',
    [
      { width: 34, format: 'text' },
      { width: 18, format: 'number' },
      { width: 14, format: 'number' },
      { width: 24, format: 'text' },
      { width: 16, format: 'text' },
      { width: 22, format: 'text' },
      { width: 40, format: 'text' },
    ],
    0,
  );
  const time = (ms: number) => clock.cell(new Date(ms).toISOString()).slice(0, 16);
  for (const [i, line] of heading(input, clock, '顾客投诉汇总表 Complaint summary').entries())
    sheet.row(line as CellValue[], i === 0 ? 'title' : 'plain');
  sheet.row([]);
  sheet.row(['项目 item', '数量 count', '应办 due', '按时率 % on time'], 'bold');
  sheet.row(['登记投诉 complaints received', s.received]);
  sheet.row(['本期解决 resolved in the period', s.resolved]);
  for (const [label, t] of [
    ['24小时内答复 answered within 24 h', s.answerWithin24h],
    ['72小时内给出方案 plan within 72 h', s.planWithin72h],
  ] as const)
    sheet.row([label, t.met, t.due, t.percent ?? '—']);
  sheet.row(['期末逾期未办 open and overdue at the end', s.openOverdue.length]);
  sheet.row(['本期不受理 rejected in the period', s.rejected.length]);

  const table = (title: string, tallies: readonly Tally[], label = (k: string) => k) => {
    sheet.row([]);
    sheet.row([title, '数量 count', '占比 %'], 'bold');
    for (const t of tallies)
      sheet.row([label(t.key), t.count, Math.round((t.count / s.received) * 1000) / 10]);
  };
  table('按类别 By category', s.byCategory);
  table('按商户 By merchant', s.byMerchant);
  table('按楼层 By floor', s.byFloor);
  table('按来源 By source', s.bySource, (k) => SOURCE_LABEL[k as keyof typeof SOURCE_LABEL] ?? k);
  table('期末状态 Where they stood at the end', s.byStatus, (k) =>
    k in STATUS_LABEL ? STATUS_LABEL[k as keyof typeof STATUS_LABEL] : k,
  );

  sheet.row([]);
  sheet.row(['期末逾期未办 Open and overdue at the end'], 'bold');
  sheet.row(
    [
      '编号 No. · 顾客 customer',
      '登记时间 received',
      '逾期小时 hours over',
      '商户 merchant',
      '类别 category',
      '逾期事项 what is late',
      '状态 status',
    ],
    'bold',
  );
  for (const o of s.openOverdue)
    sheet.row([
      `${o.id} · ${o.customerName}`,
      time(o.receivedAt),
      Math.round(Math.max(...o.late.map((l) => l.overdueMs)) / 360_000) / 10,
      o.merchant,
      o.category,
      o.late.map((l) => (l.deadline === 'answer' ? '答复 answer' : '方案 plan')).join('、'),
      `${STATUS_LABEL[o.status]}${o.escalated ? ' · 已上报 escalated' : ''}`,
    ]);

  sheet.row([]);
  sheet.row(['本期不受理 Rejected in the period (reason told to the customer)'], 'bold');
  sheet.row(
    ['编号 No.', '不受理时间 rejected', '', '商户 merchant', '类别 category', '', '原因 reason'],
    'bold',
  );
  for (const r of s.rejected)
    sheet.row([String(r.id), time(r.rejectedAt), null, r.merchant, r.category, null, r.reason]);

  sheet.row([]);
  for (const note of SUMMARY_NOTES) sheet.row([note]);
  await sheet.end();
}

/** How the figures are counted, printed under them. */
export const SUMMARY_NOTES = [
  '按时率：每个时限只在其结果确定的那一期计入一次——按时完成的计入完成之期，超时的计入到期之期；暂停（等待顾客或商户）不计时。',
  'On time: each deadline counts once, in the period its outcome became known: a kept one where it was done, a missed one where it ran out; pauses (waiting on the customer or merchant) do not count.',
  '不受理视为已答复（已告知顾客原因）；在方案时限前不受理的投诉不计入方案率。',
  'A rejection answers the customer (the reason is told); a complaint rejected before its plan fell due owes no plan.',
];
