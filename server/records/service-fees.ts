/**
 * The desk's fees for merchant services, per item, in fen: the one place to change them. The
 * desk sees them at `GET /api/merchant-services/fees`, and each registration may say otherwise
 * (a merchant's agreed price); the record keeps the fee it was charged.
 */
export const SERVICE_KINDS = ['price-tag', 'offer-sign', 'sales-order'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_FEES: Record<
  ServiceKind,
  { zh: string; en: string; unitZh: string; unitEn: string; unitFeeFen: number }
> = {
  // 商品标价签打印表 + 打印记录收费表
  'price-tag': {
    zh: '商品标价签打印',
    en: 'Price tags printed',
    unitZh: '张',
    unitEn: 'tag',
    unitFeeFen: 50,
  },
  // 特价牌发放收费登记表
  'offer-sign': {
    zh: '特价牌发放',
    en: 'Special-offer signs',
    unitZh: '块',
    unitEn: 'sign',
    unitFeeFen: 500,
  },
  // 销售定单发放收费登记表
  'sales-order': {
    zh: '销售定单发放',
    en: 'Sales order books issued',
    unitZh: '本',
    unitEn: 'book',
    unitFeeFen: 1000,
  },
};
