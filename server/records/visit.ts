import { z } from 'zod';
import { phone, text } from './fields.ts';
import { isoDate } from '../../core/plan.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import { monthOf } from './periods.ts';

/** 上门拜访(每月最少5家): the source document's minimum of customer visits a month. */
export const VISITS_A_MONTH = 5;

/** A visit planned (月度上门拜访顾客填报表): whom, where, when and why. */
const visitFields = z.strictObject({
  plannedOn: isoDate,
  customerName: text(40).min(1, 'the customer’s name is required'),
  customerPhone: phone,
  address: text(200).optional(),
  purpose: text(200).min(1, 'say why the visit is made (回访、维修、保养…)'),
  merchantName: text(80).optional(),
  saleId: z.number().int().positive().optional(),
  complaintId: z.number().int().positive().optional(),
  note: text(2000).optional(),
});
export const visitPlan = visitFields;
export type VisitPlan = z.output<typeof visitPlan>;

export const visitAction = z.discriminatedUnion('action', [
  /** The visit was made: on `visitedOn` (today when not given), with what the customer said. */
  z.strictObject({
    action: z.literal('visit'),
    visitedOn: isoDate.optional(),
    outcome: z.enum(['satisfied', 'not-satisfied']),
    note: text(2000).default(''),
  }),
  z.strictObject({ action: z.literal('cancel'), reason: text(500).min(1, 'say why') }),
  z.strictObject({
    action: z.literal('correct'),
    fields: visitFields
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
]);
export type VisitAction = z.output<typeof visitAction>;

export interface Visit extends VisitPlan {
  id: number;
  plannedAt: number;
  plannedBy: string;
  status: 'planned' | 'visited' | 'cancelled';
  visitedOn?: IsoDate;
  visitedBy?: string;
  outcome?: 'satisfied' | 'not-satisfied';
  visitNote?: string;
  cancelReason?: string;
}

export class VisitRefused extends Error {}

export function planned(id: number, plan: VisitPlan, at: number, by: string): Visit {
  return { ...plan, id, plannedAt: at, plannedBy: by, status: 'planned' };
}

/** The visit after `a`, `today` being the mall's date; throws VisitRefused when it cannot be. */
export function applyVisitAction(v: Visit, a: VisitAction, by: string, today: IsoDate): Visit {
  switch (a.action) {
    case 'visit': {
      if (v.status !== 'planned') throw new VisitRefused(`the visit is already ${v.status}`);
      const on = a.visitedOn ?? today;
      if (on > today)
        throw new VisitRefused(`a visit cannot be recorded before it is made (${on})`);
      return {
        ...v,
        status: 'visited',
        visitedOn: on,
        visitedBy: by,
        outcome: a.outcome,
        visitNote: a.note,
      };
    }
    case 'cancel':
      if (v.status !== 'planned') throw new VisitRefused(`the visit is already ${v.status}`);
      return { ...v, status: 'cancelled', cancelReason: a.reason };
    case 'correct':
      return { ...v, ...a.fields };
  }
}

export interface VisitMonth {
  month: string;
  target: number;
  /** Planned for a date in the month and not cancelled. */
  planned: number;
  /** Made on a date in the month. */
  visited: number;
  met: boolean;
  /** Visits still to make to reach the target. */
  short: number;
}

/** The month's count against the target of five, from the visits of the month. */
export function visitMonth(visits: readonly Visit[], date: IsoDate): VisitMonth {
  const m = monthOf(date);
  const inMonth = (d: IsoDate | undefined) => d !== undefined && d >= m.from && d <= m.to;
  const visited = visits.filter((v) => v.status === 'visited' && inMonth(v.visitedOn)).length;
  const plannedN = visits.filter((v) => v.status !== 'cancelled' && inMonth(v.plannedOn)).length;
  return {
    month: m.id,
    target: VISITS_A_MONTH,
    planned: plannedN,
    visited,
    met: visited >= VISITS_A_MONTH,
    short: Math.max(0, VISITS_A_MONTH - visited),
  };
}
