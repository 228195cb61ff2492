import { z } from 'zod';
import { optional, text } from '../merchants/text-fields.ts';
import { fieldIssues, refuse } from '../merchants/validate-all.ts';
import { promoFields, promoRules } from '../program/promo-schema.ts';
import type { PromoRecord } from './store.ts';

const dayPart = z.string().trim().min(1).max(40);

/** Every field of a promo as a request gives it, with the limits a request needs. */
const fields = {
  id: promoFields.id.max(60),
  merchantId: z.number({ error: '请选择商户 · choose the merchant' }).int().positive(),
  title: text(200),
  media: promoFields.media.unwrap().max(300),
  text: text(1000, { multiline: true }),
  validFrom: promoFields.validFrom.unwrap(),
  validTo: promoFields.validTo.unwrap(),
  dayParts: z
    .array(dayPart)
    .max(20)
    .transform((parts) => [...new Set(parts)]),
  weight: z.number().int().min(1).max(100),
  playsPerHour: z.number().int().min(1).max(60),
  retired: z.boolean(),
};

const optionalFields = {
  media: optional(fields.media),
  text: optional(fields.text),
  validFrom: optional(fields.validFrom),
  validTo: optional(fields.validTo),
  dayParts: optional(fields.dayParts),
  playsPerHour: optional(fields.playsPerHour),
};

/** `POST /api/promos` and each promo of a preview: the id may be left out. */
export const createBody = z.strictObject({
  id: fields.id.optional(),
  merchantId: fields.merchantId,
  title: fields.title,
  weight: fields.weight.optional(),
  retired: fields.retired.default(false),
  ...optionalFields,
});
export type CreateBody = z.infer<typeof createBody>;

/** `PATCH /api/promos/:id`: only what changes; `null` clears an optional field. */
export const patchBody = z
  .strictObject({
    merchantId: fields.merchantId.optional(),
    title: fields.title.optional(),
    weight: fields.weight.optional(),
    ...optionalFields,
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容 · nothing to change' });
export type PatchBody = z.infer<typeof patchBody>;

/** A new promo's record from its body (the id decided by the caller). */
export function created(body: CreateBody, id: string): Record<string, unknown> {
  return { ...body, id, weight: body.weight ?? 1 };
}

/**
 * The promo after a patch: given fields replace, `null` removes. A share is one or the other:
 * plays per hour given alone drops the weight to 1, a weight given alone drops plays per hour.
 */
export function patched(current: PromoRecord, patch: PatchBody): Record<string, unknown> {
  const given = Object.entries(patch).filter(([, v]) => v !== undefined);
  const next: Record<string, unknown> = { ...current, ...Object.fromEntries(given) };
  if (patch.playsPerHour != null && patch.weight === undefined) next['weight'] = 1;
  if (patch.weight !== undefined && patch.playsPerHour === undefined) next['playsPerHour'] = null;
  // `null` removes a field; wholePromo drops those.
  return next;
}

const recordSchema = z
  .strictObject({
    id: fields.id,
    merchantId: fields.merchantId,
    title: z.string(),
    media: z.string().optional(),
    text: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    dayParts: z.array(z.string()).optional(),
    weight: fields.weight,
    playsPerHour: fields.playsPerHour.optional(),
    retired: z.boolean(),
  })
  .superRefine(promoRules);

/**
 * A whole promo record, checked with the rules across its fields (media or text, the dates
 * in order, a weight or plays per hour): refused with every problem, each at its field.
 */
export function wholePromo(value: Record<string, unknown>, prefix = ''): PromoRecord {
  const r = recordSchema.safeParse(
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)),
  );
  if (r.success) return r.data as PromoRecord;
  throw refuse(fieldIssues(r.error, prefix));
}
