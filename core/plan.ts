import { z } from 'zod';
import { isIsoDate } from './zoned-time.ts';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { error: (iss) => `"${String(iss.input)}" is not a date: write YYYY-MM-DD` });

export const PLAN_KINDS = ['music', 'speech', 'promo', 'weather'] as const;
export const LAYERS = ['bed', 'voice'] as const;

/**
 * One play in the day plan, at absolute instants. The player and the as-played log read this
 * shape; the schema lets the kiosk validate what it receives.
 */
export const planItemSchema = z.object({
  /** Stable within the day's plan: the program row and the play's number in it. */
  id: z.string(),
  start: z.string(),
  end: z.string(),
  layer: z.enum(LAYERS),
  slot: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  /** PA level (volume.yaml's scale) and the linear gain it maps to. */
  volume: z.number(),
  gain: z.number(),
  durationMs: z.number(),
  /** The program row this play comes from (`promos-morning`). */
  row: z.string(),
  media: z.object({ id: z.string(), file: z.string() }).optional(),
  /** Spoken by text-to-speech when there is no recording; its duration is then an estimate. */
  text: z.string().optional(),
  estimated: z.boolean().optional(),
  /** Into the file, where a play does not start at the beginning. */
  offsetMs: z.number().optional(),
  fadeInMs: z.number().optional(),
  fadeOutMs: z.number().optional(),
  /** A bed play cut short at its block's end. */
  cut: z.boolean().optional(),
  /** A voice play during which the bed ducks. */
  ducks: z.boolean().optional(),
  /** A fixed item moved later by a higher-precedence one: where it wanted to be. */
  shiftedFrom: z.string().optional(),
  promo: z
    .object({
      id: z.string(),
      merchant: z.string(),
      floor: z.string(),
      unit: z.string().optional(),
    })
    .optional(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const dayPlanSchema = z.object({
  date: z.string(),
  timezone: z.string(),
  dayType: z.enum(['normal', 'weekend', 'holiday', 'event', 'closed']),
  /** Every day type applied, `normal` first (a weekend event day: normal, weekend, event). */
  dayTypes: z.array(z.string()),
  makeupWorkday: z.boolean(),
  holiday: z.string().optional(),
  events: z.array(z.string()),
  onAir: z.string().optional(),
  opening: z.string().optional(),
  closing: z.string().optional(),
  items: z.array(planItemSchema),
  /** What the compiler had to leave out or could not fill, for the console to show. */
  warnings: z.array(z.string()),
});
export type DayPlan = z.infer<typeof dayPlanSchema>;
