/** The callback kinds, as the server names them, with the desk's words for them. */
export const KIND_LABEL = {
  'after-sale': { zh: '售后30天回访', en: '30 days after the sale' },
  warranty: { zh: '质保到期前回访', en: 'Before the warranty ends' },
  complaint: { zh: '投诉处理后回访', en: 'After a complaint' },
} as const;
export type CallbackKind = keyof typeof KIND_LABEL;

export const OUTCOME_LABEL = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'not-satisfied': { zh: '不满意', en: 'Not satisfied' },
  unreachable: { zh: '无人接听', en: 'Unreachable' },
} as const;
export type Outcome = keyof typeof OUTCOME_LABEL;

export interface ScriptBranch {
  ask: string;
  closing: string;
}

/** A callback as GET /api/callbacks/due and /api/callbacks/:id show it. */
export interface Callback {
  id: number;
  kind: CallbackKind;
  kindZh: string;
  source: { kind: 'sale' | 'complaint'; id: number };
  dueOn: string;
  status: 'due' | 'done' | 'withdrawn';
  standing: 'overdue' | 'today' | 'upcoming' | 'done' | 'withdrawn';
  overdueDays?: number;
  tries: number;
  calls: { outcome: Outcome; note: string; at: number; by: string }[];
  outcome?: 'satisfied' | 'not-satisfied';
  subject: {
    customerName: string;
    customerPhone: string;
    merchantName?: string;
    product?: string;
    orderNo?: string;
    servedOn: string;
    warrantyEnds?: string;
  };
  script: {
    opening: string;
    question: string;
    satisfied: ScriptBranch;
    notSatisfied: ScriptBranch;
    reminders: string[];
  };
}

export interface CallbackList {
  count: number;
  callbacks: Callback[];
}

export interface DueLists {
  date: string;
  overdue: CallbackList;
  today: CallbackList;
  upcoming: CallbackList & { from: string; to: string };
}

/** A sale on file, as GET /api/sales lists it (the phone masked). */
export interface Sale {
  id: number;
  customerName: string;
  customerPhone: string;
  merchantId?: number;
  merchantName?: string;
  product: string;
  orderNo: string;
  soldOn: string;
  deliveredOn?: string;
  warrantyEnds?: string;
  note?: string;
  status: 'active' | 'void';
  enteredBy: string;
}

/** A callback as POST /api/sales returns it: the record itself, not yet presented. */
export interface MadeCallback {
  id: number;
  kind: CallbackKind;
  dueOn: string;
}

export interface Tally {
  due: number;
  done: number;
  satisfied: number;
  notSatisfied: number;
  open: number;
  unreachable: number;
  notYetDue: number;
  rate: number | null;
}

export interface PeriodCompletion extends Tally {
  period: string;
  from: string;
  to: string;
}

export interface Visit {
  id: number;
  plannedOn: string;
  customerName: string;
  customerPhone: string;
  address?: string;
  purpose: string;
  status: 'planned' | 'visited' | 'cancelled';
  visitedOn?: string;
  outcome?: 'satisfied' | 'not-satisfied';
}

export interface VisitMonth {
  month: string;
  target: number;
  planned: number;
  visited: number;
  met: boolean;
  short: number;
}

/** A date `days` after an ISO date (negative for before), by the calendar only. Pure. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** `82%`, or a dash when nothing was due. */
export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** `12-03 14:05` on the browser's clock (the desk sits in the mall). */
export function callTime(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
