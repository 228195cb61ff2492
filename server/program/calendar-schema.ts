import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { isKnownZone } from '../../core/zoned-time.ts';
import { parsePlainClock } from './clock-expr.ts';
import { mediaId } from './program-schema.ts';

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** One date, or a range of dates with both ends included. */
const dates = {
  date: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const scriptSchema = z
  .strictObject({
    title: z.string().optional(),
    media: mediaId.optional(),
    text: z.string().min(1).optional(),
  })
  .refine((s) => s.media !== undefined || s.text !== undefined, {
    message: 'a script needs media (a recording) or text (to be spoken)',
  });
export type Script = z.infer<typeof scriptSchema>;

const holidaySchema = z.strictObject({
  name: z.string().min(1),
  ...dates,
  /** Greeting for this holiday; the holiday-greeting slot's generic one plays otherwise. */
  greeting: scriptSchema.optional(),
});

/** A time of day, `HH:MM`, as ms since local midnight. */
const hourOfDay = z.string().transform((text, ctx) => {
  const ms = parsePlainClock(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a time of day (HH:MM)` });
    return z.NEVER;
  }
  return ms;
});

const eventSchema = z.strictObject({
  name: z.string().min(1),
  ...dates,
  scripts: z.array(scriptSchema).min(1, 'an event needs at least one script to announce'),
  /** Plays of each script in a row, when the event needs other than the slot's default. */
  repeat: z.number().int().min(1).max(10).optional(),
  /** The event's own opening hours (a late-night sale), over the day type's. */
  opening: hourOfDay.optional(),
  closing: hourOfDay.optional(),
});

const datedNote = z.union([
  isoDate,
  z.strictObject({ date: isoDate, note: z.string().optional() }),
]);

export const calendarSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isKnownZone, {
      error: (iss) => `"${String(iss.input)}" is not an IANA time zone (e.g. Asia/Shanghai)`,
    })
    .default('Asia/Shanghai'),
  weekend: z.array(z.enum(WEEKDAYS)).default(['saturday', 'sunday']),
  holidays: z.array(holidaySchema).default([]),
  /** 调休: weekend dates that are working days and take the normal program. */
  makeupWorkdays: z.array(datedNote).default([]),
  events: z.array(eventSchema).default([]),
  closed: z.array(z.strictObject({ ...dates, note: z.string().optional() })).default([]),
});
export type Calendar = z.infer<typeof calendarSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type CalendarEvent = z.infer<typeof eventSchema>;
export { WEEKDAYS };
