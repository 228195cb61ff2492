import { dateInZone, type IsoDate } from '../../core/zoned-time.ts';
import type { Callback } from './callback.ts';
import type { Complaint } from './complaint.ts';
import { servedOn, type Sale } from './sale.ts';

/** Whom a callback calls and about what: read from its record, so a correction shows at once. */
export interface CallbackSubject {
  customerName: string;
  customerPhone: string;
  merchantId?: number;
  merchantName?: string;
  product?: string;
  orderNo?: string;
  /** The day the call is about: bought, delivered, or the complaint resolved (mall date). */
  servedOn: IsoDate;
  warrantyEnds?: IsoDate;
}

export type CallbackSourceRecord =
  { kind: 'sale'; sale: Sale } | { kind: 'complaint'; complaint: Complaint };

export function subjectOf(cb: Callback, src: CallbackSourceRecord, zone: string): CallbackSubject {
  if (src.kind === 'complaint') {
    const c = src.complaint;
    return {
      customerName: c.customerName,
      customerPhone: c.customerPhone,
      ...(c.merchantId !== undefined ? { merchantId: c.merchantId } : {}),
      ...(c.merchantName !== undefined ? { merchantName: c.merchantName } : {}),
      ...(c.product !== undefined ? { product: c.product } : {}),
      ...(c.orderNo !== undefined ? { orderNo: c.orderNo } : {}),
      servedOn: dateInZone(zone, c.resolvedAt ?? c.receivedAt),
    };
  }
  const s = src.sale;
  return {
    customerName: s.customerName,
    customerPhone: s.customerPhone,
    ...(s.merchantId !== undefined ? { merchantId: s.merchantId } : {}),
    ...(s.merchantName !== undefined ? { merchantName: s.merchantName } : {}),
    product: s.product,
    orderNo: s.orderNo,
    // The warranty call thanks the customer for the purchase; the after-sale one counts from
    // the delivery.
    servedOn: cb.kind === 'after-sale' ? servedOn(s) : s.soldOn,
    ...(s.warrantyEnds !== undefined ? { warrantyEnds: s.warrantyEnds } : {}),
  };
}
