import { z } from 'zod';
import { phone, text } from './fields.ts';
import { isoDate } from '../../core/plan.ts';
import type { IsoDate } from '../../core/zoned-time.ts';

/**
 * A sale or delivery the desk keeps on file (顾客信息档案: 有销售订单的全部要建立档案): who
 * bought what from which merchant, when, and when it was delivered and its warranty ends.
 */
const optional = {
  merchantId: z.number().int().positive(),
  merchantName: text(80).min(1),
  deliveredOn: isoDate,
  warrantyEnds: isoDate,
  note: text(2000),
};
const saleFields = z.strictObject({
  customerName: text(40).min(1, 'the customer’s name is required'),
  customerPhone: phone,
  merchantId: optional.merchantId.optional(),
  merchantName: optional.merchantName.optional(),
  product: text(120).min(1, 'say what was sold'),
  /** The mall's sales order (红星统一订单): one record per order. */
  orderNo: text(60).min(1, 'the order number is required'),
  soldOn: isoDate,
  deliveredOn: optional.deliveredOn.optional(),
  warrantyEnds: optional.warrantyEnds.optional(),
  note: optional.note.optional(),
});
export type SaleFields = z.output<typeof saleFields>;

/** What is wrong with a sale as a whole (its dates' order, a merchant), or undefined. */
export function saleProblem(s: SaleFields): { field: string; message: string } | undefined {
  if (s.merchantId === undefined && s.merchantName === undefined)
    return { field: 'merchantName', message: 'name the merchant (merchantId or merchantName)' };
  if (s.deliveredOn !== undefined && s.deliveredOn < s.soldOn)
    return { field: 'deliveredOn', message: 'the delivery cannot be before the sale' };
  if (s.warrantyEnds !== undefined && s.warrantyEnds <= (s.deliveredOn ?? s.soldOn))
    return { field: 'warrantyEnds', message: 'the warranty must end after the sale and delivery' };
  return undefined;
}

export const saleIntake = saleFields.superRefine((s, ctx) => {
  const p = saleProblem(s);
  if (p) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
});
export type SaleIntake = z.output<typeof saleIntake>;

/** Sales typed in one go (a day's orders from a sheet): all stored, or none. */
export const saleBatch = z.strictObject({
  sales: z.array(saleIntake).min(1, 'send at least one sale').max(2000, 'at most 2,000 a batch'),
});

export const saleAction = z.discriminatedUnion('action', [
  /** A correction: a new entry, the old values kept in the entries before it. */
  z.strictObject({
    action: z.literal('correct'),
    fields: saleFields
      .partial()
      // The optional fields may be cleared: null removes them (a delivery date typed by mistake).
      .extend({
        merchantId: optional.merchantId.nullable().optional(),
        merchantName: optional.merchantName.nullable().optional(),
        deliveredOn: optional.deliveredOn.nullable().optional(),
        warrantyEnds: optional.warrantyEnds.nullable().optional(),
        note: optional.note.nullable().optional(),
      })
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
    note: text(500).default(''),
  }),
  /** Entered by mistake (twice, the wrong customer): kept, its callbacks withdrawn. */
  z.strictObject({ action: z.literal('void'), reason: text(500).min(1, 'say why') }),
]);
export type SaleAction = z.output<typeof saleAction>;

/** A sale as its entries make it. */
export interface Sale extends SaleFields {
  id: number;
  enteredAt: number;
  enteredBy: string;
  status: 'active' | 'void';
  voidedAt?: number;
  voidReason?: string;
}

/** A change refused: 409 when it conflicts with what is kept, 400 when it names a bad field. */
export class SaleRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 409,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function entered(id: number, intake: SaleIntake, at: number, by: string): Sale {
  return { ...intake, id, enteredAt: at, enteredBy: by, status: 'active' };
}

/** The sale after `a`; throws SaleRefused when the result would not be a sale that can be. */
export function applySaleAction(s: Sale, a: SaleAction, at: number): Sale {
  if (s.status === 'void') throw new SaleRefused('a voided sale is kept as it was');
  switch (a.action) {
    case 'void':
      return { ...s, status: 'void', voidedAt: at, voidReason: a.reason };
    case 'correct': {
      // null clears a field: the corrected sale has no such key at all.
      const merged = Object.entries({ ...s, ...a.fields }).filter(([, v]) => v !== null);
      const corrected = Object.fromEntries(merged) as unknown as Sale;
      const p = saleProblem(corrected);
      if (p) throw new SaleRefused(`fields.${p.field}: ${p.message}`, 400, `fields.${p.field}`);
      return corrected;
    }
  }
}

/** The date the after-sale callback counts from: the delivery when there is one. */
export const servedOn = (s: SaleFields): IsoDate => s.deliveredOn ?? s.soldOn;
