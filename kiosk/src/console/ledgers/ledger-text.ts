import type { Bilingual } from '../complaints/complaint-text.ts';
import type {
  CompensationStatus,
  PaymentMethod,
  ReturnOutcome,
  ReturnStatus,
} from './ledger-types.ts';

type Tagged = Bilingual & { variant: string };

export const RETURN_STATUS_TEXT: Record<ReturnStatus, Tagged> = {
  registered: { zh: '待处理', en: 'Registered', variant: 'primary' },
  refunded: { zh: '已退款', en: 'Refunded', variant: 'success' },
  exchanged: { zh: '已换货', en: 'Exchanged', variant: 'success' },
  refused: { zh: '不予退货', en: 'Refused', variant: 'warning' },
  void: { zh: '已作废', en: 'Void', variant: 'neutral' },
};
export const RETURN_OUTCOMES: readonly ReturnOutcome[] = ['refunded', 'exchanged', 'refused'];

export const COMPENSATION_STATUS_TEXT: Record<CompensationStatus, Tagged> = {
  requested: { zh: '待审批', en: 'Waiting for approval', variant: 'warning' },
  approved: { zh: '已批准，待赔付', en: 'Approved, to pay', variant: 'primary' },
  rejected: { zh: '已驳回', en: 'Rejected', variant: 'neutral' },
  paid: { zh: '已赔付，追偿中', en: 'Paid, recovering', variant: 'danger' },
  recovered: { zh: '已追回', en: 'Recovered', variant: 'success' },
};

export const METHOD_TEXT: Record<PaymentMethod, Bilingual> = {
  cash: { zh: '现金', en: 'Cash' },
  transfer: { zh: '转账', en: 'Transfer' },
  wechat: { zh: '微信', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  card: { zh: '银行卡', en: 'Card' },
};

/** `12月3日` from `2026-12-03`: a ledger's day as the desk reads it. Pure. */
export const dayText = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
