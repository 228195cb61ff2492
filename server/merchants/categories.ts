/**
 * What a merchant sells, the one list the console, the import and the guide screen's directory
 * use. A code is stored; the names are shown. `other` is for whatever fits none of them.
 */
export const CATEGORIES = [
  { code: 'furniture', zh: '家具', en: 'Furniture' },
  { code: 'lighting', zh: '灯饰', en: 'Lighting' },
  { code: 'materials', zh: '建材', en: 'Building materials' },
  { code: 'decor', zh: '软装', en: 'Soft furnishings' },
  { code: 'bathroom', zh: '卫浴', en: 'Bathroom' },
  { code: 'bedding', zh: '床品', en: 'Bedding' },
  { code: 'kitchen', zh: '厨具', en: 'Kitchen' },
  { code: 'flooring', zh: '地板', en: 'Flooring' },
  { code: 'doors', zh: '门窗', en: 'Doors & windows' },
  { code: 'appliances', zh: '家电', en: 'Appliances' },
  { code: 'dining', zh: '餐饮', en: 'Food & drink' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

/** A category as a person may write it (code, 中文 or English, any case), or undefined. */
export function categoryFrom(text: string): CategoryCode | undefined {
  const t = text.trim().toLowerCase();
  return CATEGORIES.find((c) => c.code === t || c.zh === t || c.en.toLowerCase() === t)?.code;
}
