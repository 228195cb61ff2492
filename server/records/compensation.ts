import { z } from 'zod';
import {
  customerFields,
  isoDate,
  merchantFields,
  NAME_A_MERCHANT,
  namesAMerchant,
  PAYMENT_METHODS,
  positiveFen,
  text,
} from './fields.ts';
import { LedgerRefused, mustAllow, yuan, type LedgerRecord, type Stamp } from './ledger.ts';

/**
 * Advance compensation (先行赔偿审批表): the mall pays the customer first and recovers it from
 * the merchant. The desk asks; only the department manager approves or rejects; the desk pays
 * and records what the merchant pays back, in parts if need be, until nothing is outstanding.
 */
const requestFields = z.strictObject({
  ...customerFields,
  ...merchantFields,
  /** The complaint it settles, when there is one. */
  complaintId: z.number().int().positive().optional(),
  amountFen: positiveFen,
  reason: text(2000).min(1, 'say why the mall pays the customer first'),
});
export const compensationRequest = requestFields.refine(namesAMerchant, NAME_A_MERCHANT);
export type CompensationRequest = z.output<typeof compensationRequest>;

/** The manager's decision: `POST /api/compensations/:id/decision`. */
export const compensationDecision = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('approve'),
    /** Less than was asked, if the manager says so; what was asked when absent. */
    amountFen: positiveFen.optional(),
    note: text(2000).default(''),
  }),
  z.strictObject({ action: z.literal('reject'), reason: text(2000).min(1, 'say why') }),
]);

/** The desk's steps after the decision: `POST /api/compensations/:id/actions`. */
export const compensationAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('pay'),
    /** Today in the mall when absent. */
    date: isoDate.optional(),
    method: z.enum(PAYMENT_METHODS),
    note: text(500).default(''),
  }),
  z.strictObject({
    action: z.literal('recover'),
    amountFen: positiveFen,
    date: isoDate.optional(),
    note: text(500).default(''),
  }),
  z.strictObject({
    action: z.literal('correct'),
    fields: requestFields
      .omit({ amountFen: true })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
]);

type Dated<T> = T extends unknown
  ? 'date' extends keyof T
    ? Omit<T, 'date'> & { date: string }
    : T
  : never;
/** Every change, with its date settled by the route (today when none was given). */
export type CompensationChange =
  z.output<typeof compensationDecision> | Dated<z.output<typeof compensationAction>>;

export type CompensationStatus = 'requested' | 'approved' | 'rejected' | 'paid' | 'recovered';

export interface Compensation extends LedgerRecord, CompensationRequest {
  merchantName: string;
  status: CompensationStatus;
  requestedAt: number;
  requestedBy: string;
  decision?: { kind: 'approved' | 'rejected'; note: string; by: string; at: number };
  approvedFen?: number;
  payment?: {
    date: string;
    method: (typeof PAYMENT_METHODS)[number];
    amountFen: number;
    note: string;
    by: string;
    at: number;
  };
  recoveries: { date: string; amountFen: number; note: string; by: string; at: number }[];
  recoveredFen: number;
  /** Paid out and not yet recovered from the merchant. */
  outstandingFen: number;
}

const ALLOWED: Record<CompensationStatus, readonly CompensationChange['action'][]> = {
  requested: ['approve', 'reject', 'correct'],
  approved: ['pay', 'correct'],
  rejected: ['correct'],
  paid: ['recover', 'correct'],
  recovered: ['correct'],
};
const STATUS_ZH: Record<CompensationStatus, string> = {
  requested: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  paid: '已赔付',
  recovered: '已追回',
};
const WHAT = { zh: '先行赔偿', en: 'advance compensation' };

export function requested(
  id: number,
  req: CompensationRequest & { merchantName: string; day: string },
  s: Stamp,
): Compensation {
  return {
    ...req,
    status: 'requested',
    id,
    requestedAt: s.at,
    requestedBy: s.by,
    recoveries: [],
    recoveredFen: 0,
    outstandingFen: 0,
  };
}

/** The compensation after `a`; throws LedgerRefused when its status or the money refuses it. */
export function applyCompensation(c: Compensation, a: CompensationChange, s: Stamp): Compensation {
  mustAllow(WHAT, ALLOWED, STATUS_ZH, c.status, a.action);
  switch (a.action) {
    case 'approve': {
      const amount = a.amountFen ?? c.amountFen;
      if (amount > c.amountFen)
        throw new LedgerRefused(
          `批准金额 ${yuan(amount)} 超过申请的 ${yuan(c.amountFen)} · ${yuan(amount)} is more than the ${yuan(c.amountFen)} asked for`,
          422,
          'amount',
        );
      const decision = { kind: 'approved' as const, note: a.note, by: s.by, at: s.at };
      return { ...c, status: 'approved', approvedFen: amount, decision };
    }
    case 'reject':
      return {
        ...c,
        status: 'rejected',
        decision: { kind: 'rejected', note: a.reason, by: s.by, at: s.at },
      };
    case 'pay': {
      const amountFen = c.approvedFen ?? c.amountFen;
      const payment = {
        date: a.date,
        method: a.method,
        amountFen,
        note: a.note,
        by: s.by,
        at: s.at,
      };
      return { ...c, status: 'paid', payment, outstandingFen: amountFen };
    }
    case 'recover': {
      if (a.amountFen > c.outstandingFen)
        throw new LedgerRefused(
          `追回 ${yuan(a.amountFen)} 超过未追回的 ${yuan(c.outstandingFen)} · ${yuan(a.amountFen)} is more than the ${yuan(c.outstandingFen)} outstanding`,
          422,
          'amount',
        );
      if (c.payment && a.date < c.payment.date)
        throw new LedgerRefused(
          `追回日期早于赔付日期 ${c.payment.date} · recovered before it was paid (${c.payment.date})`,
          422,
          'date',
        );
      const recoveredFen = c.recoveredFen + a.amountFen;
      const outstandingFen = c.outstandingFen - a.amountFen;
      return {
        ...c,
        status: outstandingFen === 0 ? 'recovered' : 'paid',
        recoveries: [
          ...c.recoveries,
          { date: a.date, amountFen: a.amountFen, note: a.note, by: s.by, at: s.at },
        ],
        recoveredFen,
        outstandingFen,
      };
    }
    case 'correct': {
      const f = a.fields;
      const merchantId =
        f.merchantName !== undefined && f.merchantId === undefined
          ? undefined
          : (f.merchantId ?? c.merchantId);
      return { ...c, ...f, merchantId, merchantName: f.merchantName ?? c.merchantName };
    }
  }
}
