/** The complaint register's shapes as the console reads them (server/records/complaint.ts). */

export const COMPLAINT_STATUSES = [
  'received',
  'answered',
  'planned',
  'resolved',
  'called-back',
  'rejected',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_SOURCES = ['desk', 'phone', 'queue', 'group'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export type PauseReason = 'customer' | 'merchant';
export type CallBackOutcome = 'satisfied' | 'not-satisfied' | 'unreachable';

/** Where a deadline stands at the server's instant (server/records/deadlines.ts). */
export type DeadlineState =
  | { state: 'met'; at: number; doneAt: number }
  | { state: 'missed'; at: number; doneAt?: number; overdueMs: number }
  | { state: 'open'; at: number; leftMs: number }
  | { state: 'paused'; leftMs: number; since: number };

export interface Complaint {
  id: number;
  source: ComplaintSource;
  customerName: string;
  /** Masked (138****8000) in lists; in full in the record the desk opens. */
  customerPhone: string;
  merchantId?: number;
  merchantName?: string;
  floor?: string;
  product?: string;
  orderNo?: string;
  category: string;
  what: string;
  wants: string;
  ticketId?: number;
  counter?: number;
  receivedAt: number;
  receivedBy: string;
  status: ComplaintStatus;
  answeredAt?: number;
  plannedAt?: number;
  resolvedAt?: number;
  calledBackAt?: number;
  rejectedAt?: number;
  rejectReason?: string;
  callBackTries: number;
  escalated: boolean;
  pauses: { from: number; to?: number; reason: PauseReason }[];
  deadlines: { answer: DeadlineState; plan: DeadlineState };
}

export type ComplaintActionName =
  | 'answer'
  | 'plan'
  | 'resolve'
  | 'call-back'
  | 'reject'
  | 'pause'
  | 'resume'
  | 'escalate'
  | 'correct';

/** One change as kept: who, when, what (the action's own fields in `data`). */
export interface ComplaintEntry {
  id: number;
  at: string;
  by: string;
  action: 'receive' | ComplaintActionName;
  data: Record<string, unknown>;
}

/** GET /api/complaints/due: at the server's instant `at`. */
export interface DueList {
  at: string;
  overdue: Complaint[];
  dueSoon: Complaint[];
  paused: Complaint[];
}

/** The fields the intake form writes, in its order. */
export const INTAKE_FIELDS = [
  'customerName',
  'customerPhone',
  'merchantName',
  'floor',
  'product',
  'orderNo',
  'category',
  'what',
  'wants',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** What the server sends for a new complaint (POST /api/complaints). */
export interface ComplaintIntake {
  source: ComplaintSource;
  customerName: string;
  customerPhone: string;
  merchantId?: number;
  merchantName?: string;
  floor?: string;
  product?: string;
  orderNo?: string;
  category: string;
  what: string;
  wants: string;
  ticketId?: number;
  counter?: number;
}

/**
 * Which actions each status allows, as the server's rule (server/records/complaint.ts ALLOWED):
 * the page offers only these. The server decides in the end and names the status when it refuses.
 */
export const ALLOWED: Record<ComplaintStatus, readonly ComplaintActionName[]> = {
  received: ['answer', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  answered: ['plan', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  planned: ['resolve', 'reject', 'pause', 'resume', 'escalate', 'correct'],
  resolved: ['call-back', 'correct'],
  'called-back': ['correct'],
  rejected: ['correct'],
};

/** Whether a complaint is paused now (a pause without an end). */
export const isPaused = (c: Pick<Complaint, 'pauses'>) => c.pauses.some((p) => p.to === undefined);

/** The actions to offer now: the status's, with pause or resume as the clock stands. */
export function actionsFor(c: Pick<Complaint, 'status' | 'pauses' | 'escalated'>) {
  const paused = isPaused(c);
  return ALLOWED[c.status].filter(
    (a) =>
      !(a === 'pause' && paused) &&
      !(a === 'resume' && !paused) &&
      !(a === 'escalate' && c.escalated),
  );
}
