import { z } from 'zod';
import { parseInstant } from './instant.ts';

export const PRIORITIES = ['normal', 'urgent', 'emergency'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Plays of one announcement, and the longest pause between two: an hour; more is the program's job. */
export const MAX_REPEAT = 10;
export const MAX_INTERVAL_S = 3600;
export const repeatSchema = z
  .number()
  .int('give a whole number of plays')
  .min(1, 'play it at least once')
  .max(MAX_REPEAT, `play it at most ${MAX_REPEAT} times`);
export const intervalSchema = z
  .number()
  .int('give whole seconds')
  .min(0, 'the pause cannot be negative')
  .max(MAX_INTERVAL_S, `the pause is at most ${MAX_INTERVAL_S} s (an hour)`);

/** What players are sent and what the console lists. */
export interface Announcement {
  id: number;
  kind: 'text' | 'media';
  title: string;
  /** What was typed (or the filled template), shown on screens. */
  text?: string;
  mediaId?: string;
  /** `/tts/<sha256>.wav` or `/media/<file>`. */
  audioUrl: string;
  durationMs: number;
  /** When to play (UTC instant); null = as soon as it arrives. */
  at: string | null;
  repeat: number;
  /** Seconds of quiet between one play and the next (0–3600). */
  intervalS: number;
  priority: Priority;
  /** Every player, or only these devices. */
  targets: 'all' | number[];
  status: 'scheduled' | 'cancelled';
  template?: string;
  fields?: Record<string, string>;
  createdBy: string;
  createdAt: string;
  cancelledBy?: string;
  cancelledAt?: string;
}

const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== undefined, {
    message: 'give a date and time with its offset, e.g. 2026-12-02T15:30:00+08:00',
  });

/** When, how often, how urgent and to whom: the same for every kind of announcement. */
const options = {
  at: instant.nullable().optional(),
  repeat: repeatSchema.optional(),
  intervalS: intervalSchema.optional(),
  priority: z.enum(PRIORITIES).optional(),
  targets: z
    .union([z.literal('all'), z.array(z.number().int().positive()).min(1).max(100)])
    .optional(),
  title: z.string().trim().min(1).max(100).optional(),
};
export type AnnounceOptions = z.infer<z.ZodObject<typeof options>>;

/** `POST /api/announcements`: text to speak, or a recording from the media library. */
export const announceBody = z
  .strictObject({
    text: z.string().trim().min(1).max(500).optional(),
    mediaId: z.string().min(1).max(300).optional(),
    ...options,
  })
  .superRefine((b, ctx) => {
    if ((b.text === undefined) === (b.mediaId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'give text (spoken by text-to-speech) or mediaId (a recording), one of the two',
      });
  });

/** `POST /api/announcements/from-template`. */
export const templateBody = z.strictObject({
  template: z.string().min(1).max(50),
  fields: z.record(z.string().max(50), z.union([z.string().max(200), z.number()])).default({}),
  ...options,
});
