/**
 * What the customer-service desk (客服中心) does for shoppers and merchants, from the seed's
 * front-desk duties, each with one line on how to get it done. `queue` is the ticket machine's
 * service for it (schedules/queue.yaml), so the guide screen's "take a number" goes straight
 * there.
 */
export interface DeskService {
  id: string;
  queue: string;
  zh: string;
  en: string;
  howZh: string;
  howEn: string;
}

export const DESK_SERVICES: readonly DeskService[] = [
  {
    id: 'enquiry',
    queue: 'enquiry',
    zh: '咨询与导购',
    en: 'Enquiries',
    howZh: '找店铺、问活动、会员积分：取 A 号，或直接问服务台。',
    howEn: 'Shops, events, membership: take an A number or just ask.',
  },
  {
    id: 'complaint',
    queue: 'complaint',
    zh: '投诉',
    en: 'Complaints',
    howZh: '取 B 号登记，24 小时内答复，72 小时内给出处理方案。',
    howEn: 'Take a B number: a reply within 24 h, a solution within 72 h.',
  },
  {
    id: 'return',
    queue: 'return',
    zh: '30天无理由退货',
    en: '30-day no-reason returns',
    howZh: '购买 30 天内，带商场统一订单与商品，取 C 号办理。',
    howEn: 'Within 30 days: bring the mall order form and the goods, take a C number.',
  },
  {
    id: 'prize',
    queue: 'prize',
    zh: '奖品领取',
    en: 'Prize collection',
    howZh: '凭活动小票或中奖凭证，取 D 号登记领取。',
    howEn: 'Bring the event receipt or winning slip and take a D number.',
  },
  {
    id: 'merchant',
    queue: 'merchant',
    zh: '标价签与销售订单',
    en: 'Price tags & sales orders',
    howZh: '商户打印标价签、特价牌，领取统一销售订单：取 E 号。',
    howEn: 'Merchants: price tags, special-price boards, order forms. Take an E number.',
  },
  {
    id: 'lost-found',
    queue: 'enquiry',
    zh: '失物招领',
    en: 'Lost and found',
    howZh: '拾到或遗失物品请到服务台登记，可广播寻物寻人。',
    howEn: 'Found or lost something? Register it at the desk; we can announce it.',
  },
];
