import { deadlinesOf, type Complaint, type ComplaintStatus } from './complaint.ts';
import type { DeadlineState } from './deadlines.ts';
import { overdueDeadlines } from './due.ts';

/** A stretch of the mall's time, [start, end) in epoch ms: a week's or a month's dates. */
export interface Span {
  start: number;
  end: number;
}

/** How often something came up, most often first. */
export interface Tally {
  key: string;
  count: number;
}

/** Deadlines that fell to be judged in a span, and how many of them were kept. */
export interface OnTime {
  due: number;
  met: number;
  /** Of `due`, one decimal; null when nothing was due. */
  percent: number | null;
}

/** A complaint left open with a deadline passed and nothing done. */
export interface OverdueLine {
  id: number;
  receivedAt: number;
  customerName: string;
  category: string;
  merchant: string;
  floor: string;
  status: ComplaintStatus;
  escalated: boolean;
  late: ReturnType<typeof overdueDeadlines>;
}

export interface RejectedLine {
  id: number;
  receivedAt: number;
  rejectedAt: number;
  category: string;
  merchant: string;
  reason: string;
}

const OPEN: readonly ComplaintStatus[] = ['received', 'answered', 'planned'];

/**
 * The complaint as it stood just before `t`: what was done at or after `t` not yet done, a
 * pause still running if it ended later. Its fields are as last corrected (a correction fixes
 * what was written down, it is not an event in the complaint's course).
 */
export function asOf(c: Complaint, t: number): Complaint {
  const by = (x: number | undefined) => (x !== undefined && x < t ? x : undefined);
  const v: Complaint = {
    ...c,
    answeredAt: by(c.answeredAt),
    plannedAt: by(c.plannedAt),
    resolvedAt: by(c.resolvedAt),
    calledBackAt: by(c.calledBackAt),
    rejectedAt: by(c.rejectedAt),
    pauses: c.pauses
      .filter((p) => p.from < t)
      .map((p) => (p.to !== undefined && p.to >= t ? { from: p.from, reason: p.reason } : p)),
  };
  if (v.rejectedAt === undefined) delete v.rejectReason;
  v.status =
    v.rejectedAt !== undefined
      ? 'rejected'
      : v.calledBackAt !== undefined
        ? 'called-back'
        : v.resolvedAt !== undefined
          ? 'resolved'
          : v.plannedAt !== undefined
            ? 'planned'
            : v.answeredAt !== undefined
              ? 'answered'
              : 'received';
  return v;
}

/** The complaint's line in an overdue list at `now`, if it is open with a deadline let pass. */
export function overdueLine(
  c: Complaint,
  now: number,
  where: { merchant: string; floor: string },
): OverdueLine | undefined {
  if (!OPEN.includes(c.status)) return undefined;
  const late = overdueDeadlines(c, now);
  if (late.length === 0) return undefined;
  return {
    id: c.id,
    receivedAt: c.receivedAt,
    customerName: c.customerName,
    category: c.category,
    ...where,
    status: c.status,
    escalated: c.escalated,
    late,
  };
}

/** Most overdue first: by the first deadline let pass. */
export const byFirstDue = (a: OverdueLine, b: OverdueLine) =>
  Math.min(...a.late.map((l) => l.dueAt)) - Math.min(...b.late.map((l) => l.dueAt)) || a.id - b.id;

export interface SummaryOptions {
  /** The merchant's name and floor as the report prints them (the directory's, or as typed). */
  describe: (c: Complaint) => { merchant: string; floor: string };
  /** The mall's date of an instant, for the count per day. */
  dateOf: (ms: number) => string;
}

/**
 * The complaint summary of a span (投诉信息每周汇总), as things stood at its end:
 * - counts by category, merchant, floor, source and day of the complaints received in it;
 * - the answers within 24 h and the plans within 72 h: each deadline is judged once, in the
 *   span where its outcome became known: a kept one where it was done, a missed one where it
 *   ran out (pauses not counted, so a paused one is judged later). The denominator is the
 *   deadlines that fell due in the span or were kept in it. A rejection answers the customer
 *   (the reason is told); a complaint rejected before its plan fell due owes no plan;
 * - the complaints open and overdue at its end, and those rejected in it with their reasons.
 */
export function complaintSummary(all: readonly Complaint[], span: Span, o: SummaryOptions) {
  const inSpan = (t: number | undefined) => t !== undefined && t >= span.start && t < span.end;
  const tallies = { category: tally(), merchant: tally(), floor: tally(), source: tally() };
  const byStatus = tally();
  const byDate = tally();
  const answer = { due: 0, met: 0 };
  const plan = { due: 0, met: 0 };
  const openOverdue: OverdueLine[] = [];
  const rejected: RejectedLine[] = [];
  let received = 0;
  let resolved = 0;

  for (const c of all) {
    if (c.receivedAt >= span.end) continue;
    const v = asOf(c, span.end);
    const { merchant, floor } = o.describe(c);
    if (inSpan(c.receivedAt)) {
      received += 1;
      tallies.category.add(c.category);
      tallies.merchant.add(merchant);
      tallies.floor.add(floor);
      tallies.source.add(c.source);
      byStatus.add(v.status);
      byDate.add(o.dateOf(c.receivedAt));
    }
    const d = deadlinesOf(v, span.end);
    judge(d.answer, answer, inSpan);
    const owesNoPlan = v.rejectedAt !== undefined && v.plannedAt === undefined;
    if (!(owesNoPlan && d.plan.state === 'met')) judge(d.plan, plan, inSpan);
    if (inSpan(v.resolvedAt)) resolved += 1;
    if (v.rejectedAt !== undefined && inSpan(v.rejectedAt))
      rejected.push({
        id: c.id,
        receivedAt: c.receivedAt,
        rejectedAt: v.rejectedAt,
        category: c.category,
        merchant,
        reason: v.rejectReason ?? '',
      });
    const line = overdueLine(v, span.end, { merchant, floor });
    if (line) openOverdue.push(line);
  }
  return {
    received,
    resolved,
    byCategory: tallies.category.list(),
    byMerchant: tallies.merchant.list(),
    byFloor: tallies.floor.list(),
    bySource: tallies.source.list(),
    /** Where the span's complaints stood at its end. */
    byStatus: byStatus.list(),
    /** Per mall date, in date order. */
    byDate: byDate.list().sort((a, b) => (a.key < b.key ? -1 : 1)),
    answerWithin24h: onTime(answer),
    planWithin72h: onTime(plan),
    openOverdue: openOverdue.sort(byFirstDue),
    rejected: rejected.sort((a, b) => a.rejectedAt - b.rejectedAt),
  };
}
export type ComplaintSummary = ReturnType<typeof complaintSummary>;

function judge(
  s: DeadlineState,
  into: { due: number; met: number },
  inSpan: (t: number) => boolean,
) {
  if (s.state === 'met' && inSpan(s.doneAt)) {
    into.due += 1;
    into.met += 1;
  } else if (s.state === 'missed' && inSpan(s.at)) into.due += 1;
}

const onTime = ({ due, met }: { due: number; met: number }): OnTime => ({
  due,
  met,
  percent: due === 0 ? null : Math.round((met / due) * 1000) / 10,
});

function tally() {
  const counts = new Map<string, number>();
  return {
    add: (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1),
    list: (): Tally[] =>
      [...counts]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}
