/** The reports' shapes as the console reads them (server/reports/*, server/records/completion.ts). */
import type { ComplaintStatus, ComplaintSource } from '../complaints/complaint-types.ts';

export interface Tally {
  key: string;
  count: number;
}

export interface OnTime {
  due: number;
  met: number;
  percent: number | null;
}

/** A deadline let pass with nothing done. */
export interface LateDeadline {
  deadline: 'answer' | 'plan';
  dueAt: number;
  overdueMs: number;
}

export interface OverdueLine {
  id: number;
  receivedAt: number;
  customerName: string;
  category: string;
  merchant: string;
  floor: string;
  status: ComplaintStatus;
  escalated: boolean;
  late: LateDeadline[];
}

export interface RejectedLine {
  id: number;
  receivedAt: number;
  rejectedAt: number;
  category: string;
  merchant: string;
  reason: string;
}

/** GET /api/reports/complaints/week: the week's complaints as they stood at its end. */
export interface WeekSummary {
  week: string;
  from: string;
  to: string;
  timezone: string;
  at: string;
  received: number;
  resolved: number;
  byCategory: Tally[];
  byMerchant: Tally[];
  byFloor: Tally[];
  bySource: (Tally & { key: ComplaintSource })[];
  byStatus: (Tally & { key: ComplaintStatus })[];
  byDate: Tally[];
  answerWithin24h: OnTime;
  planWithin72h: OnTime;
  openOverdue: OverdueLine[];
  rejected: RejectedLine[];
}

/** One week's or month's callbacks: done ÷ due. */
export interface PeriodCompletion {
  period: string;
  from: string;
  to: string;
  due: number;
  done: number;
  open: number;
  unreachable: number;
  notYetDue: number;
  rate: number | null;
}

export interface Completion {
  by: 'week' | 'month';
  today: string;
  periods: PeriodCompletion[];
}

/** A workbook made on schedule, as GET /api/reports lists it. */
export interface StoredReport {
  file: string;
  ledger: string;
  name: string;
  period: { kind: string; label: string; from: string; to: string };
  generatedAt: string;
  size: number;
  url: string;
}

export interface DigestSection {
  id: string;
  title: string;
  count: number;
  items: unknown[];
}

/** The nightly digest (逾期汇总), GET /api/reports/digest/latest. */
export interface Digest {
  date: string;
  at: string;
  total: number;
  sections: DigestSection[];
}
