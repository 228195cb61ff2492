import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { mediaId } from './program-schema.ts';

/** A merchant's promotion (厂商促销信息) played in the promo loop. */
export const promoSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    merchant: z.strictObject({
      name: z.string().min(1),
      floor: z.string().min(1),
      unit: z.string().min(1).optional(),
    }),
    title: z.string().min(1),
    media: mediaId.optional(),
    /** Script spoken by text-to-speech when there is no recording. */
    text: z.string().min(1).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    /** Names of the program's day parts it may play in; all of them when left out. */
    dayParts: z.array(z.string()).optional(),
    /** Share of plays relative to the other promos (2 = twice as often as 1). */
    weight: z.number().int().min(1).max(100).default(1),
    retired: z.boolean().default(false),
  })
  .refine((p) => p.media !== undefined || p.text !== undefined, {
    message: 'a promo needs media (a recording) or text (to be spoken)',
  })
  .refine((p) => !p.validFrom || !p.validTo || p.validFrom <= p.validTo, {
    message: 'validFrom is after validTo',
    path: ['validTo'],
  });
export type Promo = z.infer<typeof promoSchema>;

export const promosFileSchema = z.strictObject({ promos: z.array(promoSchema).default([]) });
