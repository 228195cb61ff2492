import type { IsoDate } from '../../core/zoned-time.ts';
import { CALLBACK_KINDS, type Callback, type CallbackKind } from './callback.ts';
import { periodOf, periodsCovering, type PeriodKind } from './periods.ts';

/** Callbacks counted by due date, kind and how they stand: what the database sums up. */
export interface CallbackCount {
  dueOn: IsoDate;
  kind: CallbackKind;
  status: Callback['status'];
  outcome: Callback['outcome'] | null;
  /** Still due after an unreachable call (1) or not called yet (0). */
  tried: 0 | 1;
  n: number;
}

export interface Tally {
  due: number;
  done: number;
  satisfied: number;
  notSatisfied: number;
  /** Due and not done: never called, or called and not reached. */
  open: number;
  /** Of the open ones: called at least once, unreachable so far. */
  unreachable: number;
  /** Of the open ones: not due yet at `today` (the period is still running). */
  notYetDue: number;
  /** done ÷ due, null when nothing was due. */
  rate: number | null;
}

export interface PeriodCompletion extends Tally {
  period: string;
  from: IsoDate;
  to: IsoDate;
  byKind: Record<CallbackKind, Tally>;
}

const empty = (): Tally => ({
  due: 0,
  done: 0,
  satisfied: 0,
  notSatisfied: 0,
  open: 0,
  unreachable: 0,
  notYetDue: 0,
  rate: null,
});

function add(t: Tally, c: CallbackCount, today: IsoDate): void {
  t.due += c.n;
  if (c.status === 'done') {
    t.done += c.n;
    if (c.outcome === 'satisfied') t.satisfied += c.n;
    else t.notSatisfied += c.n;
  } else {
    t.open += c.n;
    if (c.tried) t.unreachable += c.n;
    if (c.dueOn > today) t.notYetDue += c.n;
  }
  t.rate = t.done / t.due;
}

/**
 * Completion (完成率) = done ÷ due per ISO week or month: the callbacks due on a date in the
 * period, done meaning the customer was reached (satisfied or not); an unreachable call leaves
 * it open. Withdrawn callbacks (their record no longer asks for them) are not due. Every
 * period holding a date of [from, to] is listed whole, with nothing due as zeros.
 */
export function completionBy(
  by: PeriodKind,
  counts: readonly CallbackCount[],
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): PeriodCompletion[] {
  const periods = periodsCovering(by, from, to).map((p): PeriodCompletion => ({
    ...empty(),
    period: p.id,
    from: p.from,
    to: p.to,
    byKind: Object.fromEntries(
      CALLBACK_KINDS.map((k) => [k, empty()]),
    ) as PeriodCompletion['byKind'],
  }));
  const index = new Map(periods.map((p) => [p.period, p]));
  // A date's period once, not once per count: a year has 365 dates and thousands of counts.
  const ofDate = new Map<IsoDate, PeriodCompletion | undefined>();
  for (const c of counts) {
    if (c.status === 'withdrawn' || c.n === 0) continue;
    if (!ofDate.has(c.dueOn)) ofDate.set(c.dueOn, index.get(periodOf(by, c.dueOn).id));
    const p = ofDate.get(c.dueOn);
    if (!p) continue;
    add(p, c, today);
    add(p.byKind[c.kind], c, today);
  }
  return periods;
}
