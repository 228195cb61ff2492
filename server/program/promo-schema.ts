import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { mediaId } from './program-schema.ts';

/** What a promo is, apart from its merchant: the console's records and the file's entries. */
export const promoFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
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
  /** Instead of a share: this many plays in each hour of promo loop it may play in. */
  playsPerHour: z.number().int().min(1).max(60).optional(),
  retired: z.boolean().default(false),
};

interface RuleInput {
  media?: string | undefined;
  text?: string | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  weight: number;
  playsPerHour?: number | undefined;
}

/** The rules across a promo's fields, each problem at its field. */
export function promoRules(p: RuleInput, ctx: z.RefinementCtx): void {
  if (p.media === undefined && p.text === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: '促销需要录音或文字 · a promo needs media (a recording) or text (to be spoken)',
    });
  if (p.validFrom && p.validTo && p.validFrom > p.validTo)
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: `结束日期早于开始日期 · validFrom is after validTo (${p.validFrom} > ${p.validTo})`,
    });
  if (p.playsPerHour !== undefined && p.weight !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['playsPerHour'],
      message: '权重和每小时次数只能选一个 · give weight or playsPerHour, not both',
    });
}

/** Where a promo's merchant is, as the plan items and the as-played log name it. */
export const promoMerchant = z.strictObject({
  name: z.string().min(1),
  floor: z.string().min(1),
  unit: z.string().min(1).optional(),
});

/**
 * A merchant's promotion (厂商促销信息) played in the promo loop, as the day-plan compiler
 * takes it: with its merchant's name and place (the server resolves them from the merchant's
 * record; promos.yaml writes them out).
 */
export const promoSchema = z
  .strictObject({ ...promoFields, merchant: promoMerchant })
  .superRefine(promoRules);
export type Promo = z.infer<typeof promoSchema>;

export const promosFileSchema = z.strictObject({ promos: z.array(promoSchema).default([]) });
