/** The desk's ledgers as the server's /api/returns, /api/compensations, … give them. */

export type PaymentMethod = 'cash' | 'transfer' | 'wechat' | 'alipay' | 'card';
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'cash',
  'transfer',
  'wechat',
  'alipay',
  'card',
];

interface Done {
  by: string;
  at: number;
}

export type ReturnOutcome = 'refunded' | 'exchanged' | 'refused';
export type ReturnStatus = 'registered' | ReturnOutcome | 'void';

export interface ReturnRecord {
  id: number;
  day: string;
  status: ReturnStatus;
  customerName: string;
  customerPhone: string;
  orderNo: string;
  merchantId?: number;
  merchantName: string;
  product: string;
  purchaseDate: string;
  returnDate: string;
  reason: string;
  daysAfterPurchase: number;
  registeredAt: number;
  registeredBy: string;
  override?: Done & { reason: string };
  outcome?: Done & { outcome: ReturnOutcome; amountFen: number; note: string };
  voided?: Done & { reason: string };
}

interface Tally {
  count: number;
  amountFen: number;
}
type Counted = Exclude<ReturnStatus, 'void'>;
export interface ReturnSummary {
  count: number;
  refundedFen: number;
  overridden: number;
  voided: number;
  byOutcome: Record<Counted, Tally>;
  byMerchant: {
    merchantName: string;
    count: number;
    refundedFen: number;
    byOutcome: Record<Counted, Tally>;
  }[];
}
export interface ReturnList {
  returns: ReturnRecord[];
  summary: ReturnSummary;
}

export type CompensationStatus = 'requested' | 'approved' | 'rejected' | 'paid' | 'recovered';
export interface Compensation {
  id: number;
  day: string;
  status: CompensationStatus;
  customerName: string;
  customerPhone: string;
  merchantName: string;
  complaintId?: number;
  amountFen: number;
  reason: string;
  requestedAt: number;
  requestedBy: string;
  decision?: Done & { kind: 'approved' | 'rejected'; note: string };
  approvedFen?: number;
  payment?: Done & { date: string; method: PaymentMethod; amountFen: number; note: string };
  recoveries: (Done & { date: string; amountFen: number; note: string })[];
  recoveredFen: number;
  outstandingFen: number;
}
export interface CompensationList {
  compensations: Compensation[];
  totals: {
    count: number;
    byStatus: Record<CompensationStatus, number>;
    requestedFen: number;
    approvedFen: number;
    paidFen: number;
    recoveredFen: number;
    outstandingFen: number;
    outstandingByMerchant: { merchantName: string; outstandingFen: number }[];
  };
}

export type ServiceKind = 'price-tag' | 'offer-sign' | 'sales-order';
export interface ServiceFee {
  kind: ServiceKind;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  unitFeeFen: number;
}
export interface MerchantService {
  id: number;
  day: string;
  kind: ServiceKind;
  merchantName: string;
  status: 'unpaid' | 'paid' | 'void';
  quantity: number;
  unitFeeFen: number;
  totalFen: number;
  paidFen: number;
  note: string;
  registeredAt: number;
  registeredBy: string;
}
interface Sum {
  quantity: number;
  totalFen: number;
  paidFen: number;
  unpaidFen: number;
}
export interface ServiceList {
  services: MerchantService[];
  totals: Sum & { byMerchant: (Sum & { merchantName: string })[] };
}

export interface PrizeHandout {
  id: number;
  day: string;
  status: 'handed' | 'void';
  campaign: string;
  prize: string;
  customerName: string;
  customerPhone: string;
  quantity: number;
  handedBy: string;
  note: string;
  registeredAt: number;
}
export interface PrizeList {
  prizes: PrizeHandout[];
  totals: {
    handouts: number;
    quantity: number;
    byCampaign: {
      campaign: string;
      quantity: number;
      prizes: { prize: string; handouts: number; quantity: number }[];
    }[];
  };
}
