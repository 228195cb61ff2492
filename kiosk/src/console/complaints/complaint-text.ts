import type {
  CallBackOutcome,
  Complaint,
  ComplaintActionName,
  ComplaintSource,
  ComplaintStatus,
  DeadlineState,
  IntakeField,
  PauseReason,
} from './complaint-types.ts';

/** A label in both languages: Chinese shown first, English beneath or after. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * What complaints at a furniture and home mall are about (顾客投诉登记表's 投诉类别); the
 * Chinese name is what is stored, so the weekly summary groups by it.
 */
export const COMPLAINT_CATEGORIES: readonly Bilingual[] = [
  { zh: '商品质量', en: 'Product quality' },
  { zh: '送货安装', en: 'Delivery & installation' },
  { zh: '售后维修', en: 'After-sales repair' },
  { zh: '服务态度', en: 'Staff attitude' },
  { zh: '价格', en: 'Price' },
  { zh: '合同定金', en: 'Contract & deposit' },
  { zh: '虚假宣传', en: 'Misleading promotion' },
  { zh: '退换货', en: 'Return & exchange' },
  { zh: '商场环境', en: 'Mall facilities' },
  { zh: '其他', en: 'Other' },
];

export const STATUS_TEXT: Record<ComplaintStatus, Bilingual & { variant: string }> = {
  received: { zh: '已受理', en: 'Received', variant: 'primary' },
  answered: { zh: '已答复', en: 'Answered', variant: 'primary' },
  planned: { zh: '已给方案', en: 'Plan given', variant: 'warning' },
  resolved: { zh: '已解决', en: 'Resolved', variant: 'success' },
  'called-back': { zh: '已回访', en: 'Called back', variant: 'success' },
  rejected: { zh: '不受理', en: 'Rejected', variant: 'neutral' },
};

export const SOURCE_TEXT: Record<ComplaintSource, Bilingual> = {
  desk: { zh: '前台登记', en: 'At the desk' },
  phone: { zh: '电话', en: 'Phone' },
  queue: { zh: '排队窗口', en: 'Queue ticket' },
  group: { zh: '集团转办', en: 'From the group' },
};

export const PAUSE_TEXT: Record<PauseReason, Bilingual> = {
  customer: { zh: '等待顾客', en: 'Waiting on the customer' },
  merchant: { zh: '等待商户', en: 'Waiting on the merchant' },
};

export const OUTCOME_TEXT: Record<CallBackOutcome, Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'not-satisfied': { zh: '不满意', en: 'Not satisfied' },
  unreachable: { zh: '未接通', en: 'Unreachable' },
};

export const ACTION_TEXT: Record<ComplaintActionName | 'receive', Bilingual & { icon: string }> = {
  receive: { zh: '受理登记', en: 'Received', icon: 'inbox' },
  answer: { zh: '答复顾客', en: 'Answer', icon: 'chat-left-text' },
  plan: { zh: '给出方案', en: 'Give a plan', icon: 'clipboard-check' },
  resolve: { zh: '办结', en: 'Resolve', icon: 'check2-circle' },
  'call-back': { zh: '回访', en: 'Call back', icon: 'telephone-outbound' },
  reject: { zh: '不受理', en: 'Reject', icon: 'x-circle' },
  pause: { zh: '暂停计时', en: 'Pause', icon: 'pause-circle' },
  resume: { zh: '恢复计时', en: 'Resume', icon: 'play-circle' },
  escalate: { zh: '上报经理', en: 'Escalate', icon: 'arrow-up-circle' },
  correct: { zh: '更正', en: 'Correct a field', icon: 'pencil-square' },
};

export const FIELD_TEXT: Record<IntakeField | 'source', Bilingual> = {
  source: { zh: '来源', en: 'Source' },
  customerName: { zh: '顾客姓名', en: 'Customer' },
  customerPhone: { zh: '联系电话', en: 'Phone' },
  merchantName: { zh: '被投诉商户', en: 'Merchant' },
  floor: { zh: '楼层', en: 'Floor' },
  product: { zh: '商品', en: 'Product' },
  orderNo: { zh: '订单号', en: 'Order no.' },
  category: { zh: '投诉类别', en: 'Category' },
  what: { zh: '投诉内容', en: 'What happened' },
  wants: { zh: '顾客诉求', en: 'What the customer wants' },
};

/** The Chinese for the server's (English) refusal of a field, shown before it. */
export const FIELD_ERROR_ZH: Partial<Record<IntakeField | 'text' | 'reason' | 'note', string>> = {
  customerName: '请填写顾客姓名',
  customerPhone: '电话号码格式不对，请只写数字（可带空格或横线）',
  category: '请选择投诉类别',
  what: '请写明投诉内容',
  text: '请填写内容',
  reason: '请写明原因',
  note: '请填写说明',
};

/** `3 小时 12 分` / `3 h 12 min`: a span as a desk reads it, never "0 min" for a running one. */
export function spanText(ms: number): Bilingual {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return { zh: `${d} 天 ${h} 小时`, en: `${d} d ${h} h` };
  if (h > 0 && m === 0) return { zh: `${h} 小时`, en: `${h} h` };
  if (h > 0) return { zh: `${h} 小时 ${m} 分`, en: `${h} h ${m} min` };
  return { zh: `${m} 分钟`, en: `${m} min` };
}

/** `12月3日 21:30` in the mall's zone (the desk PC's own zone may differ). */
export function timeText(at: number | string, timeZone: string, withYear = false): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(typeof at === 'number' ? at : Date.parse(at));
}

/** One deadline at `now` (the server's time, moved on by the page's tick), as its badge says. */
export function deadlineText(
  d: DeadlineState,
  now: number,
  timeZone: string,
): Bilingual & { tone: 'met' | 'late' | 'open' | 'soon' | 'paused' | 'overdue' } {
  switch (d.state) {
    case 'met':
      return { zh: `按时 · ${timeText(d.doneAt, timeZone)}`, en: 'On time', tone: 'met' };
    case 'missed': {
      if (d.doneAt !== undefined) {
        const late = spanText(d.doneAt - d.at);
        return { zh: `迟 ${late.zh}`, en: `${late.en} late`, tone: 'late' };
      }
      const over = spanText(Math.max(now - d.at, d.overdueMs));
      return { zh: `已超时 ${over.zh}`, en: `${over.en} overdue`, tone: 'overdue' };
    }
    case 'open': {
      const left = Math.max(0, d.at - now);
      if (left === 0) return { zh: '已到期', en: 'Due now', tone: 'overdue' };
      const s = spanText(left);
      return {
        zh: `剩 ${s.zh}`,
        en: `${s.en} left`,
        tone: left <= 4 * 3600_000 ? 'soon' : 'open',
      };
    }
    case 'paused': {
      const s = spanText(d.leftMs);
      return { zh: `暂停 · 剩 ${s.zh}`, en: `paused, ${s.en} left`, tone: 'paused' };
    }
    default: {
      const never: never = d;
      return never;
    }
  }
}

export const DEADLINE_TEXT = {
  answer: { zh: '答复', en: 'Answer', within: '24 h' },
  plan: { zh: '方案', en: 'Plan', within: '72 h' },
} as const;

/** The deadline a complaint is working towards: the answer until it is given, then the plan. */
export function pendingDeadline(c: Complaint): { which: 'answer' | 'plan'; d: DeadlineState } {
  const a = c.deadlines.answer;
  const done = a.state === 'met' || (a.state === 'missed' && a.doneAt !== undefined);
  return done ? { which: 'plan', d: c.deadlines.plan } : { which: 'answer', d: a };
}

/**
 * A complaint's deadline as shown: a rejection ends both clocks (the server counts it as the
 * step done), which is no answer given on time, so it says it was rejected instead.
 */
export function deadlineTextOf(
  c: Complaint,
  which: 'answer' | 'plan',
  now: number,
  timeZone: string,
): ReturnType<typeof deadlineText> {
  const d = c.deadlines[which];
  const doneAt = which === 'answer' ? c.answeredAt : c.plannedAt;
  if (c.status === 'rejected' && doneAt === undefined)
    return { zh: '不受理，不计时', en: 'Rejected: no deadline', tone: 'paused' };
  return deadlineText(d, now, timeZone);
}
