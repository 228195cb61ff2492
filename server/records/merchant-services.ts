import { z } from 'zod';
import {
  fen,
  isoDate,
  merchantFields,
  NAME_A_MERCHANT,
  namesAMerchant,
  paymentMethod,
  quantity,
  text,
  type PAYMENT_METHODS,
} from './fields.ts';
import { LedgerRefused, mustAllow, yuan, type LedgerRecord, type Stamp } from './ledger.ts';
import { SERVICE_FEES, SERVICE_KINDS, type ServiceKind } from './service-fees.ts';

/**
 * Services the desk sells merchants (前台收费台帐): price tags printed, special-offer signs and
 * sales-order books handed out, each with its quantity and fee, paid then or later.
 */
const serviceFields = z.strictObject({
  kind: z.enum(SERVICE_KINDS),
  ...merchantFields,
  quantity: quantity(100_000),
  /** The fee per item; the default for the kind (service-fees.ts) when absent. */
  unitFeeFen: fen.optional(),
  /** Today in the mall when absent. */
  date: isoDate.optional(),
  /** Paid there and then. */
  paid: z.boolean().default(false),
  method: paymentMethod.default('cash'),
  note: text(500).default(''),
});
export const serviceIntake = serviceFields.refine(namesAMerchant, NAME_A_MERCHANT);
export type ServiceIntake = z.output<typeof serviceIntake>;

export const serviceAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('pay'),
    date: isoDate.optional(),
    method: paymentMethod,
    note: text(500).default(''),
  }),
  z.strictObject({
    action: z.literal('correct'),
    fields: serviceFields
      .pick({ merchantId: true, merchantName: true, quantity: true, unitFeeFen: true, note: true })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
  z.strictObject({ action: z.literal('void'), reason: text(500).min(1, 'say why') }),
]);
export type ServiceAction = z.output<typeof serviceAction>;
/** As the rules take them: the dates settled by the route, and the merchant's name. */
export type ServiceChange =
  | Extract<ServiceAction, { action: 'correct' | 'void' }>
  | (Omit<Extract<ServiceAction, { action: 'pay' }>, 'date'> & { date: string });

export type ServiceStatus = 'unpaid' | 'paid' | 'void';

interface Payment {
  date: string;
  amountFen: number;
  method: (typeof PAYMENT_METHODS)[number];
  note: string;
  by: string;
  at: number;
}

export interface MerchantService extends LedgerRecord {
  kind: ServiceKind;
  merchantId?: number;
  merchantName: string;
  status: ServiceStatus;
  quantity: number;
  unitFeeFen: number;
  totalFen: number;
  paidFen: number;
  payments: Payment[];
  note: string;
  registeredAt: number;
  registeredBy: string;
  voided?: { reason: string; by: string; at: number };
}

const ALLOWED: Record<ServiceStatus, readonly ServiceChange['action'][]> = {
  unpaid: ['pay', 'correct', 'void'],
  paid: ['correct'],
  void: [],
};
const STATUS_ZH: Record<ServiceStatus, string> = {
  unpaid: '未收费',
  paid: '已收费',
  void: '已作废',
};
const WHAT = { zh: '收费登记', en: 'merchant service' };

const settled = (s: MerchantService): MerchantService => ({
  ...s,
  totalFen: s.quantity * s.unitFeeFen,
  status: s.paidFen >= s.quantity * s.unitFeeFen ? 'paid' : 'unpaid',
});

export function registerService(
  id: number,
  req: ServiceIntake & { merchantName: string; date: string },
  s: Stamp,
): MerchantService {
  const { paid, method, date, unitFeeFen, ...rest } = req;
  const unit = unitFeeFen ?? SERVICE_FEES[req.kind].unitFeeFen;
  const total = req.quantity * unit;
  const payments = paid ? [{ date, amountFen: total, method, note: '', by: s.by, at: s.at }] : [];
  return settled({
    ...rest,
    id,
    day: date,
    status: 'unpaid',
    unitFeeFen: unit,
    totalFen: total,
    paidFen: paid ? total : 0,
    payments,
    registeredAt: s.at,
    registeredBy: s.by,
  });
}

/** The service after `a`; throws LedgerRefused when its status or the money refuses it. */
export function applyServiceAction(
  r: MerchantService,
  a: ServiceChange,
  s: Stamp,
): MerchantService {
  mustAllow(WHAT, ALLOWED, STATUS_ZH, r.status, a.action);
  switch (a.action) {
    case 'pay': {
      const payment = {
        date: a.date,
        amountFen: r.totalFen - r.paidFen,
        method: a.method,
        note: a.note,
        by: s.by,
        at: s.at,
      };
      return settled({ ...r, payments: [...r.payments, payment], paidFen: r.totalFen });
    }
    case 'correct': {
      const f = a.fields;
      const merchantId =
        f.merchantName !== undefined && f.merchantId === undefined
          ? undefined
          : (f.merchantId ?? r.merchantId);
      const next = settled({
        ...r,
        ...f,
        merchantId,
        merchantName: f.merchantName ?? r.merchantName,
      });
      if (next.totalFen < r.paidFen)
        throw new LedgerRefused(
          `已收 ${yuan(r.paidFen)}，更正后的合计 ${yuan(next.totalFen)} 不能低于它 · ${yuan(r.paidFen)} was paid already: the corrected total (${yuan(next.totalFen)}) cannot be below it`,
          422,
          'amount',
        );
      return next;
    }
    case 'void':
      if (r.paidFen > 0)
        throw new LedgerRefused(
          `已收费，不能作废 · ${yuan(r.paidFen)} was paid: it cannot be voided`,
        );
      return { ...r, status: 'void', voided: { reason: a.reason, by: s.by, at: s.at } };
  }
}
