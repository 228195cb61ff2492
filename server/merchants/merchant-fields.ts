import { z } from 'zod';
import { CATEGORIES, CATEGORY_CODES, categoryFrom } from './categories.ts';
import { optional, text } from './text-fields.ts';

// Full-width letters, digits and colons (ＡＢ１２：) as a Chinese keyboard types them.
const halfWidth = (s: string) => s.normalize('NFKC');

/** Every field of a merchant, as a person or a spreadsheet writes it, cleaned. */
export const merchantFields = {
  name: text(40).refine((s) => /\p{Script=Han}/u.test(s), {
    message:
      '商户名称须用汉字，拉丁字母品牌名填在「品牌」 · write the name in hanzi; a Latin brand name goes in nameLatin',
  }),
  nameLatin: text(60)
    .transform(halfWidth)
    .refine((s) => /^[\p{Script=Latin}0-9][\p{Script=Latin}0-9 &'.,+-]*$/u.test(s), {
      message: '品牌只用拉丁字母、数字和空格 · use Latin letters, digits and spaces only',
    }),
  pinyin: text(120)
    .transform((s) =>
      halfWidth(s)
        .normalize('NFD')
        .replace(/u\u0308|ü/gi, 'v')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/(?<=[a-z])[1-5](?=\s|$)/g, '')
        .replace(/['’]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .refine((s) => /^[a-z]{1,6}( [a-z]{1,6})*$/.test(s), {
      message:
        '拼音用空格分隔音节，如 lan ting sha fa · write the syllables apart: lan ting sha fa',
    }),
  floor: text(10).transform((s, ctx) => {
    const floor = floorOf(halfWidth(s));
    if (floor) return floor;
    ctx.addIssue({
      code: 'custom',
      message: '楼层写作 1F、2F… 或 B1 · write the floor as 1F, 2F… or B1',
    });
    return z.NEVER;
  }),
  unit: text(12)
    .transform((s) => halfWidth(s).toUpperCase().replace(/\s+/g, ''))
    .refine((s) => /^[A-Z0-9][A-Z0-9-]*$/.test(s), {
      message: '铺位号只用字母、数字和横线，如 A201 · use letters, digits and "-", e.g. A201',
    }),
  category: z.preprocess(
    (v) => (typeof v === 'string' ? (categoryFrom(v) ?? v) : v),
    z.enum(CATEGORY_CODES, {
      error: `类别须为 ${CATEGORIES.map((c) => c.zh).join('、')} 之一 · the category must be one of the list`,
    }),
  ),
  opens: clock(),
  closes: clock(),
  phone: text(30)
    .transform(halfWidth)
    .refine((s) => /^\+?[0-9][0-9 ()-]{4,28}$/.test(s), {
      message: '电话只含数字、空格和横线 · use digits, spaces and "-"',
    }),
  contact: text(40),
  description: text(200, { multiline: true }),
};

function clock() {
  return text(5)
    .transform((s) => halfWidth(s).replace(/^(\d):/, '0$1:'))
    .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), {
      message: '时间写作 HH:MM，如 09:30 · write the time as HH:MM',
    });
}

/** `2`, `2f`, `2楼`, `L2` → `2F`; `b1`, `-1`, `负1` → `B1`; anything else undefined. */
export function floorOf(text: string): string | undefined {
  const t = text.toUpperCase().replace(/\s+/g, '');
  const above = /^(?:L)?([1-9]\d?)(?:F|楼|层)?$/.exec(t);
  if (above) return `${above[1]}F`;
  const below = /^(?:B|-|负)([1-9])(?:F|楼|层)?$/.exec(t);
  if (below) return `B${below[1]}`;
  return undefined;
}

/** The initials the directory finds a merchant by: `lan ting sha fa` → `ltsf`. Pure. */
export const initialsOf = (pinyin: string) =>
  pinyin
    .split(' ')
    .map((s) => s[0])
    .join('');

const f = merchantFields;
const optionalFields = {
  nameLatin: optional(f.nameLatin),
  pinyin: optional(f.pinyin),
  unit: optional(f.unit),
  opens: optional(f.opens),
  closes: optional(f.closes),
  phone: optional(f.phone),
  contact: optional(f.contact),
  description: optional(f.description),
};

/** `POST /api/merchants`. */
export const merchantCreateBody = z.strictObject({
  name: f.name,
  floor: f.floor,
  category: f.category.default('other'),
  ...optionalFields,
});
export type MerchantCreate = z.infer<typeof merchantCreateBody>;

/** `PATCH /api/merchants/:id`: what changes; `null` or empty text clears an optional field. */
export const merchantPatchBody = z
  .strictObject({
    name: f.name.optional(),
    floor: f.floor.optional(),
    category: f.category.optional(),
    ...optionalFields,
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容 · nothing to change' });
export type MerchantPatch = z.infer<typeof merchantPatchBody>;

/** The fields a merchant has, in the order the console and the import list them. */
export const MERCHANT_FIELDS = [
  'name',
  'nameLatin',
  'pinyin',
  'floor',
  'unit',
  'category',
  'opens',
  'closes',
  'phone',
  'contact',
  'description',
] as const;
export type MerchantField = (typeof MERCHANT_FIELDS)[number];

/** The checks across fields, on the merchant as it would be: each problem with its field. */
export function crossFieldIssues(m: {
  opens?: string | null | undefined;
  closes?: string | null | undefined;
}): { field: MerchantField; message: string }[] {
  const opens = m.opens ?? null;
  const closes = m.closes ?? null;
  if ((opens === null) !== (closes === null))
    return [
      {
        field: opens === null ? 'opens' : 'closes',
        message: '营业时间须同时填写开门和关门 · give both the opening and the closing time',
      },
    ];
  if (opens !== null && closes !== null && opens >= closes)
    return [{ field: 'closes', message: `关门时间须晚于 ${opens} · must be after ${opens}` }];
  return [];
}
