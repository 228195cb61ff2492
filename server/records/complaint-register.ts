import type { CellFormat } from '../plays/xlsx-writer.ts';
import { deadlineLabel, PAUSE_LABEL, SOURCE_LABEL, STATUS_LABEL } from './complaint-labels.ts';
import type { Complaint, deadlinesOf } from './complaint.ts';

/** One line of the register: the complaint, what was written at each step, its deadlines. */
export interface RegisterRow {
  c: Complaint;
  merchant: string;
  floor: string;
  answer?: string;
  plan?: string;
  result?: string;
  callBack?: string;
  /** As they stood when the file was made. */
  deadlines: ReturnType<typeof deadlinesOf>;
}

export interface RegisterColumn {
  header: string;
  kind: Extract<CellFormat, 'text' | 'number' | 'time'>;
  width: number;
  /** A time is epoch ms; the writer makes it the mall's wall clock. */
  value: (r: RegisterRow) => string | number | null | undefined;
}

const H = 3600_000;
const hours = (ms: number) => Math.round(ms / (H / 10)) / 10;

/** `等待商户 merchant 17 h` per pause; a running one says so. */
function pausesText(c: Complaint): string {
  return c.pauses
    .map((p) => {
      const length = p.to === undefined ? '进行中 running' : `${hours(p.to - p.from)} h`;
      return `${PAUSE_LABEL[p.reason]} ${length}`;
    })
    .join('；');
}

const dueAt = (s: RegisterRow['deadlines']['answer']) => (s.state === 'paused' ? null : s.at);

/**
 * The register's columns in the paper form's order (顾客投诉登记表): who, where, what, what the
 * customer wants, then each step with its time and what was said. The phone is in full.
 */
export const REGISTER_COLUMNS: RegisterColumn[] = [
  { header: '编号 No.', kind: 'number', width: 8, value: (r) => r.c.id },
  { header: '登记时间 received', kind: 'time', width: 18, value: (r) => r.c.receivedAt },
  { header: '来源 source', kind: 'text', width: 14, value: (r) => SOURCE_LABEL[r.c.source] },
  {
    header: '排队票 ticket',
    kind: 'text',
    width: 12,
    value: (r) =>
      r.c.ticketId === undefined
        ? null
        : `#${r.c.ticketId}${r.c.counter === undefined ? '' : ` · ${r.c.counter}号窗口`}`,
  },
  { header: '顾客姓名 customer', kind: 'text', width: 12, value: (r) => r.c.customerName },
  { header: '联系电话 phone', kind: 'text', width: 16, value: (r) => r.c.customerPhone },
  { header: '商户 merchant', kind: 'text', width: 24, value: (r) => r.merchant },
  { header: '楼层 floor', kind: 'text', width: 8, value: (r) => r.floor },
  { header: '商品 product', kind: 'text', width: 18, value: (r) => r.c.product },
  { header: '订单号 order no.', kind: 'text', width: 16, value: (r) => r.c.orderNo },
  { header: '投诉类别 category', kind: 'text', width: 12, value: (r) => r.c.category },
  { header: '投诉内容 what happened', kind: 'text', width: 40, value: (r) => r.c.what },
  { header: '顾客诉求 customer wants', kind: 'text', width: 24, value: (r) => r.c.wants },
  {
    header: '答复时限 answer due',
    kind: 'time',
    width: 18,
    value: (r) => dueAt(r.deadlines.answer),
  },
  { header: '答复时间 answered', kind: 'time', width: 18, value: (r) => r.c.answeredAt },
  { header: '答复内容 answer', kind: 'text', width: 30, value: (r) => r.answer },
  {
    header: '24小时内答复 within 24 h',
    kind: 'text',
    width: 14,
    value: (r) => deadlineLabel(r.deadlines.answer),
  },
  { header: '方案时限 plan due', kind: 'time', width: 18, value: (r) => dueAt(r.deadlines.plan) },
  { header: '方案时间 plan given', kind: 'time', width: 18, value: (r) => r.c.plannedAt },
  { header: '处理方案 plan', kind: 'text', width: 30, value: (r) => r.plan },
  {
    header: '72小时内方案 within 72 h',
    kind: 'text',
    width: 14,
    value: (r) =>
      r.c.rejectedAt !== undefined && r.c.plannedAt === undefined
        ? '—'
        : deadlineLabel(r.deadlines.plan),
  },
  { header: '暂停 paused', kind: 'text', width: 22, value: (r) => pausesText(r.c) },
  { header: '解决时间 resolved', kind: 'time', width: 18, value: (r) => r.c.resolvedAt },
  { header: '处理结果 result', kind: 'text', width: 30, value: (r) => r.result },
  { header: '回访时间 called back', kind: 'time', width: 18, value: (r) => r.c.calledBackAt },
  { header: '回访结果 call-back', kind: 'text', width: 24, value: (r) => r.callBack },
  { header: '状态 status', kind: 'text', width: 14, value: (r) => STATUS_LABEL[r.c.status] },
  {
    header: '不受理原因 rejected because',
    kind: 'text',
    width: 30,
    value: (r) => r.c.rejectReason,
  },
  {
    header: '上报经理 escalated',
    kind: 'text',
    width: 10,
    value: (r) => (r.c.escalated ? '是 yes' : null),
  },
  { header: '受理人 taken by', kind: 'text', width: 10, value: (r) => r.c.receivedBy },
];
