import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { promoSchema, type Promo } from '../program/promo-schema.ts';

// The promo file's schema, with the limits a request needs (nothing here bounds a file's size).
const shape = promoSchema.shape;
const name = z.string().trim().min(1).max(100);
const fields = {
  merchant: z.strictObject({
    name,
    floor: z.string().trim().min(1).max(20),
    unit: name.optional(),
  }),
  title: z.string().trim().min(1).max(200),
  media: shape.media.unwrap().max(300),
  text: z.string().trim().min(1).max(1000),
  validFrom: shape.validFrom.unwrap(),
  validTo: shape.validTo.unwrap(),
  dayParts: z.array(name).max(20),
  weight: z.number().int().min(1).max(100),
  retired: z.boolean(),
};

/** `POST /api/promos`: a promo; the id may be left out. */
export const createBody = z.strictObject({
  id: shape.id.max(60).optional(),
  merchant: fields.merchant,
  title: fields.title,
  media: fields.media.optional(),
  text: fields.text.optional(),
  validFrom: fields.validFrom.optional(),
  validTo: fields.validTo.optional(),
  dayParts: fields.dayParts.optional(),
  weight: fields.weight.default(1),
  retired: fields.retired.default(false),
});

/** `PATCH /api/promos/:id`: only what changes; `null` clears an optional field. */
export const patchBody = z
  .strictObject({
    merchant: z
      .strictObject({
        name: name.optional(),
        floor: fields.merchant.shape.floor.optional(),
        unit: name.nullable().optional(),
      })
      .optional(),
    title: fields.title.optional(),
    media: fields.media.nullable().optional(),
    text: fields.text.nullable().optional(),
    validFrom: fields.validFrom.nullable().optional(),
    validTo: fields.validTo.nullable().optional(),
    dayParts: fields.dayParts.nullable().optional(),
    weight: fields.weight.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type PatchBody = z.infer<typeof patchBody>;

/** The promo after a patch: given fields replace, `null` removes. */
export function patched(current: Promo, patch: PatchBody): unknown {
  const { merchant, ...rest } = patch;
  return { ...merge(current, rest), merchant: merge(current.merchant, merchant ?? {}) };
}

function merge(base: object, patch: object): Record<string, unknown> {
  const given = Object.entries(patch).filter(([, v]) => v !== undefined);
  return Object.fromEntries(
    Object.entries({ ...base, ...Object.fromEntries(given) }).filter(([, v]) => v !== null),
  );
}

/** A whole promo, checked with the file's own rules (media or text; validFrom ≤ validTo). */
export function wholePromo(value: unknown): Promo {
  const r = promoSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw apiError(400, 'invalid', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, {
    ...(field ? { field } : {}),
  });
}
