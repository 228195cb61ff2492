import { z } from 'zod';
import { parseIsoDate } from '../../core/zoned-time.ts';
import {
  customerFields,
  fen,
  isoDate,
  merchantFields,
  NAME_A_MERCHANT,
  namesAMerchant,
  text,
} from './fields.ts';
import { LedgerRefused, mustAllow, yuan, type LedgerRecord, type Stamp } from './ledger.ts';

/**
 * 30-day no-reason returns (30天无理由退货登记表): what came back, from whom, bought where,
 * and what the desk did about it. A return more than 30 days after the purchase is refused
 * unless the department manager waives the limit, with a reason.
 */
export const RETURN_WITHIN_DAYS = 30;
export const RETURN_OUTCOMES = ['refunded', 'exchanged', 'refused'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

const returnFields = z.strictObject({
  ...customerFields,
  orderNo: text(60).min(1, 'the order number (订单号) is required'),
  ...merchantFields,
  product: text(120).min(1, 'name the product'),
  purchaseDate: isoDate,
  /** Today in the mall when absent. */
  returnDate: isoDate.optional(),
  reason: text(2000).min(1, 'write the customer’s reason (无理由 if none was given)'),
  /** The manager's leave for a return past the 30 days. */
  override: z
    .strictObject({ reason: text(500).min(1, 'say why the 30 days are waived') })
    .optional(),
});
export const returnIntake = returnFields.refine(namesAMerchant, NAME_A_MERCHANT);
export type ReturnIntake = z.output<typeof returnIntake>;
/** As the rules take it: the merchant's name and the return date settled by the route. */
export type ReturnRequest = ReturnIntake & { merchantName: string; returnDate: string };

export const returnAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('outcome'),
    outcome: z.enum(RETURN_OUTCOMES),
    /** Refunded: the refund; exchanged: any difference paid back; refused: none. */
    amountFen: fen.default(0),
    note: text(2000).default(''),
  }),
  /** What was written down, corrected: a new entry, the old text kept in the first. */
  z.strictObject({
    action: z.literal('correct'),
    fields: returnFields
      .pick({
        customerName: true,
        customerPhone: true,
        orderNo: true,
        merchantId: true,
        merchantName: true,
        product: true,
        reason: true,
      })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
  /** Registered by mistake: kept, shown as void, left out of the totals. */
  z.strictObject({ action: z.literal('void'), reason: text(500).min(1, 'say why') }),
]);
export type ReturnAction = z.output<typeof returnAction>;

export type ReturnStatus = 'registered' | ReturnOutcome | 'void';

export interface ReturnRecord extends LedgerRecord, Omit<ReturnRequest, 'override'> {
  status: ReturnStatus;
  daysAfterPurchase: number;
  registeredAt: number;
  registeredBy: string;
  override?: { reason: string; by: string; at: number };
  outcome?: { outcome: ReturnOutcome; amountFen: number; note: string; by: string; at: number };
  voided?: { reason: string; by: string; at: number };
}

const ALLOWED: Record<ReturnStatus, readonly ReturnAction['action'][]> = {
  registered: ['outcome', 'correct', 'void'],
  refunded: ['correct'],
  exchanged: ['correct'],
  refused: ['correct'],
  void: [],
};
const STATUS_ZH: Record<ReturnStatus, string> = {
  registered: '已登记',
  refunded: '已退款',
  exchanged: '已换货',
  refused: '不予退货',
  void: '已作废',
};
const WHAT = { zh: '退货登记', en: 'return' };

const dayNumber = (date: string) => {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
};
const dayAfter = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

/**
 * Where a return stands against the 30 days: calendar days in the mall, so the 30th day after
 * the purchase is the last (bought 2026-01-31, the last day is 2026-03-02).
 */
export function returnWindow(purchaseDate: string, returnDate: string) {
  const days = dayNumber(returnDate) - dayNumber(purchaseDate);
  return {
    days,
    lastDay: dayAfter(purchaseDate, RETURN_WITHIN_DAYS),
    within: days <= RETURN_WITHIN_DAYS,
  };
}

/** A date that cannot be right, with its field; undefined when both dates can be. */
export function badReturnDate(purchaseDate: string, returnDate: string, today: string) {
  if (returnDate > today)
    return {
      field: 'returnDate',
      message: `退货日期晚于今天 ${today} · the return date is after today (${today})`,
    };
  if (purchaseDate > returnDate)
    return {
      field: 'purchaseDate',
      message: `购买日期晚于退货日期 ${returnDate} · the purchase date is after the return date (${returnDate})`,
    };
  return undefined;
}

/** The return as registered; refused past the 30 days unless the manager's override is given. */
export function registerReturn(id: number, req: ReturnRequest, s: Stamp): ReturnRecord {
  const { override, ...rest } = req;
  const w = returnWindow(req.purchaseDate, req.returnDate);
  if (!w.within && !override)
    throw new LedgerRefused(
      `购买日期 ${req.purchaseDate}，退货日期 ${req.returnDate}：已过 ${w.days} 天，超过 30 天无理由退货期限（最后一天 ${w.lastDay}），需部门经理批准并说明理由 · ` +
        `bought on ${req.purchaseDate}, returned on ${req.returnDate}: ${w.days} days, past the 30-day limit (the last day was ${w.lastDay}); a department manager may override it with a reason`,
      422,
      'past-return-window',
      {
        purchaseDate: req.purchaseDate,
        returnDate: req.returnDate,
        lastDay: w.lastDay,
        days: w.days,
      },
    );
  return {
    ...rest,
    id,
    day: req.returnDate,
    status: 'registered',
    daysAfterPurchase: w.days,
    registeredAt: s.at,
    registeredBy: s.by,
    ...(w.within || !override ? {} : { override: { reason: override.reason, by: s.by, at: s.at } }),
  };
}

/** The return after `a`; throws LedgerRefused when its status or the amount does not allow it. */
export function applyReturnAction(r: ReturnRecord, a: ReturnAction, s: Stamp): ReturnRecord {
  mustAllow(WHAT, ALLOWED, STATUS_ZH, r.status, a.action);
  switch (a.action) {
    case 'outcome':
      if (a.outcome === 'refunded' && a.amountFen === 0)
        throw new LedgerRefused(
          '退款金额为零 · a refund of ¥0.00: write the amount refunded, in fen',
          422,
          'amount',
        );
      if (a.outcome === 'refused' && a.amountFen > 0)
        throw new LedgerRefused(
          `不予退货却有金额 ${yuan(a.amountFen)} · a refused return pays nothing, yet ${yuan(a.amountFen)} was given`,
          422,
          'amount',
        );
      if (a.outcome === 'refused' && !a.note)
        throw new LedgerRefused(
          '请说明不予退货的理由 · say why the return is refused (note)',
          422,
          'note',
        );
      return {
        ...r,
        status: a.outcome,
        outcome: { outcome: a.outcome, amountFen: a.amountFen, note: a.note, by: s.by, at: s.at },
      };
    case 'correct': {
      const f = a.fields;
      // A merchant named anew is no longer the one chosen from the list.
      const merchantId =
        f.merchantName !== undefined && f.merchantId === undefined
          ? undefined
          : (f.merchantId ?? r.merchantId);
      return { ...r, ...f, merchantId, merchantName: f.merchantName ?? r.merchantName };
    }
    case 'void':
      return { ...r, status: 'void', voided: { reason: a.reason, by: s.by, at: s.at } };
  }
}
