import { z } from 'zod';
import { phone, text } from './fields.ts';
import { ANSWER_WITHIN_MS, deadlineState, PLAN_WITHIN_MS, type Pause } from './deadlines.ts';

/** Where a complaint came in: a queue ticket finished into one, the phone, the desk, the group. */
export const COMPLAINT_SOURCES = ['queue', 'phone', 'desk', 'group'] as const;
export const PAUSE_REASONS = ['customer', 'merchant'] as const;

/** What the desk writes down when a complaint comes in (顾客投诉登记), none defaulted. */
const intakeFields = z.strictObject({
  source: z.enum(COMPLAINT_SOURCES),
  customerName: text(40).min(1, 'the customer’s name is required'),
  customerPhone: phone,
  merchantId: z.number().int().positive().optional(),
  merchantName: text(80).optional(),
  floor: text(10).optional(),
  product: text(120).optional(),
  orderNo: text(60).optional(),
  category: text(30).min(1, 'choose a category'),
  what: text(4000).min(1, 'say what happened'),
  wants: text(2000),
  /** A complaint from a queue ticket carries it (and its counter and times). */
  ticketId: z.number().int().positive().optional(),
  counter: z.number().int().positive().optional(),
});
export const complaintIntake = intakeFields.extend({ wants: text(2000).default('') });
export type ComplaintIntake = z.output<typeof complaintIntake>;

/** What can happen to a complaint after it is received; each is kept as an entry. */
export const complaintAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('answer'), text: text(4000).min(1) }),
  z.strictObject({ action: z.literal('plan'), text: text(4000).min(1) }),
  z.strictObject({ action: z.literal('resolve'), text: text(4000).min(1) }),
  z.strictObject({
    action: z.literal('call-back'),
    outcome: z.enum(['satisfied', 'not-satisfied', 'unreachable']),
    note: text(2000).default(''),
  }),
  z.strictObject({ action: z.literal('reject'), reason: text(2000).min(1, 'say why') }),
  z.strictObject({
    action: z.literal('pause'),
    reason: z.enum(PAUSE_REASONS),
    note: text(500).default(''),
  }),
  z.strictObject({ action: z.literal('resume'), note: text(500).default('') }),
  z.strictObject({ action: z.literal('escalate'), note: text(2000).min(1) }),
  /** A correction of what was written down: a new entry, the old text kept. */
  z.strictObject({
    action: z.literal('correct'),
    fields: intakeFields
      .omit({ source: true, ticketId: true, counter: true })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
]);
export type ComplaintAction = z.output<typeof complaintAction>;

export type ComplaintStatus =
  'received' | 'answered' | 'planned' | 'resolved' | 'called-back' | 'rejected';

/** A complaint as its entries make it: computed, never edited in place. */
export interface Complaint extends ComplaintIntake {
  id: number;
  receivedAt: number;
  receivedBy: string;
  status: ComplaintStatus;
  answeredAt?: number;
  plannedAt?: number;
  resolvedAt?: number;
  calledBackAt?: number;
  rejectedAt?: number;
  rejectReason?: string;
  /** Unreachable call-backs so far: each one is retried. */
  callBackTries: number;
  escalated: boolean;
  pauses: (Pause & { reason: (typeof PAUSE_REASONS)[number] })[];
}

/** Which actions each status allows: the rest are refused with the status named. */
const ALLOWED: Record<ComplaintStatus, readonly ComplaintAction['action'][]> = {
  received: ['answer', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  answered: ['plan', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  planned: ['resolve', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  resolved: ['call-back', 'correct'],
  'called-back': ['correct'],
  rejected: ['correct'],
};

const STATUS_ZH: Record<ComplaintStatus, string> = {
  received: '已受理',
  answered: '已答复',
  planned: '已给方案',
  resolved: '已解决',
  'called-back': '已回访',
  rejected: '不受理',
};

export class ComplaintRefused extends Error {}

/** The complaint after `a` at `at`; throws ComplaintRefused when its status does not allow it. */
export function applyAction(c: Complaint, a: ComplaintAction, at: number): Complaint {
  if (!ALLOWED[c.status].includes(a.action))
    throw new ComplaintRefused(
      `a complaint that is ${c.status} (${STATUS_ZH[c.status]}) cannot be given "${a.action}"`,
    );
  const open = c.pauses.some((p) => p.to === undefined);
  switch (a.action) {
    case 'answer':
      return { ...c, status: 'answered', answeredAt: at };
    case 'plan':
      return { ...c, status: 'planned', plannedAt: at };
    case 'resolve':
      return { ...c, status: 'resolved', resolvedAt: at, pauses: closePause(c.pauses, at) };
    case 'call-back':
      return a.outcome === 'unreachable'
        ? { ...c, callBackTries: c.callBackTries + 1 }
        : { ...c, status: 'called-back', calledBackAt: at, callBackTries: c.callBackTries + 1 };
    case 'reject':
      return {
        ...c,
        status: 'rejected',
        rejectedAt: at,
        rejectReason: a.reason,
        pauses: closePause(c.pauses, at),
      };
    case 'pause':
      if (open) throw new ComplaintRefused('the complaint is already paused');
      return { ...c, pauses: [...c.pauses, { from: at, reason: a.reason }] };
    case 'resume':
      if (!open) throw new ComplaintRefused('the complaint is not paused');
      return { ...c, pauses: closePause(c.pauses, at) };
    case 'escalate':
      return { ...c, escalated: true };
    case 'correct':
      return { ...c, ...a.fields };
  }
}

const closePause = (pauses: Complaint['pauses'], at: number): Complaint['pauses'] =>
  pauses.map((p) => (p.to === undefined ? { ...p, to: at } : p));

/** The complaint as received, before any action. */
export function received(id: number, intake: ComplaintIntake, at: number, by: string): Complaint {
  return {
    ...intake,
    id,
    receivedAt: at,
    receivedBy: by,
    status: 'received',
    callBackTries: 0,
    escalated: false,
    pauses: [],
  };
}

/** Both deadlines at `now`: the answer within 24 h, the plan within 72 h (a rejection ends both). */
export function deadlinesOf(c: Complaint, now: number) {
  const ended = c.rejectedAt;
  return {
    answer: deadlineState(c.receivedAt, ANSWER_WITHIN_MS, c.pauses, c.answeredAt ?? ended, now),
    plan: deadlineState(c.receivedAt, PLAN_WITHIN_MS, c.pauses, c.plannedAt ?? ended, now),
  };
}

/** `138****5678`: the phone number as every page but the desk's own record shows it. */
export function maskPhone(p: string): string {
  const digits = p.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
