import { z } from 'zod';
import { parseDuration } from '../common/duration.ts';
import { parseClockExpr, parsePlainClock } from './clock-expr.ts';

/** The slot names the shipped program uses; other code and tests rely on them. */
export const SLOT_NAMES = [
  'staff-song',
  'welcome-music',
  'welcome-speech',
  'background',
  'weather',
  'promos',
  'event-announcement',
  'holiday-greeting',
  'farewell-music',
] as const;

const name = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes (e.g. background-am)');

export const clockExpr = z.string().transform((text, ctx) => {
  const expr = parseClockExpr(text);
  if (!expr) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a time: write HH:MM, or opening/closing/onAir with an offset such as closing-5m`,
    });
    return z.NEVER;
  }
  return expr;
});

const plainClock = z.string().transform((text, ctx) => {
  const ms = parsePlainClock(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a time of day (HH:MM)` });
    return z.NEVER;
  }
  return ms;
});

export const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a duration: write e.g. 30s, 5m, 1h30m`,
    });
    return z.NEVER;
  }
  return ms;
});

const level = z.number().int('a PA level is a whole number');

/** A media reference is its path under media/ without the extension: `speech/welcome/welcome-speech`. */
export const mediaId = z.string().min(1);

const musicSlot = z.strictObject({
  type: z.literal('music'),
  title: z.string().optional(),
  playlist: name,
  volume: level.optional(),
  /** Fade applied when the block's last track is cut at the block's end. */
  fadeOut: duration.default(3000),
});

const speechSlot = z.strictObject({
  type: z.literal('speech'),
  title: z.string().optional(),
  media: mediaId.optional(),
  text: z.string().min(1).optional(),
  volume: level.optional(),
});

const holidaySlot = z.strictObject({
  type: z.literal('holiday-greeting'),
  title: z.string().optional(),
  /** Played when the calendar's holiday brings no greeting of its own. */
  media: mediaId.optional(),
  text: z.string().min(1).optional(),
  volume: level.optional(),
});

const eventSlot = z.strictObject({
  type: z.literal('event-announcement'),
  title: z.string().optional(),
  /** Each script is played this many times in a row (seed: 每条稿件两遍). */
  repeat: z.number().int().min(1).max(10).default(2),
  volume: level.optional(),
});

const weatherSlot = z.strictObject({
  type: z.literal('weather'),
  title: z.string().optional(),
  template: z.string().min(1),
  /** Said instead of the forecast when there is none; leave out to go straight to the reminders. */
  noForecast: z.string().min(1).optional(),
  /** Friendly reminders (友情提醒) that follow the forecast inside the window. */
  reminders: name.optional(),
  bed: name.optional(),
  volume: level.optional(),
});

const promosSlot = z.strictObject({
  type: z.literal('promos'),
  title: z.string().optional(),
  /** Silence between two promo plays. */
  gap: duration.default(20_000),
  /** Music under the promo loop, ducked while a promo speaks. */
  bed: name.optional(),
  volume: level.optional(),
});

export const slotSchema = z.discriminatedUnion('type', [
  musicSlot,
  speechSlot,
  holidaySlot,
  eventSlot,
  weatherSlot,
  promosSlot,
]);
export type Slot = z.infer<typeof slotSchema>;
export type SlotType = Slot['type'];

/** One row of the program table. Which time fields it needs depends on its slot's type. */
export const itemSchema = z.strictObject({
  id: name.optional(),
  slot: name,
  at: clockExpr.optional(),
  from: clockExpr.optional(),
  until: clockExpr.optional(),
  every: duration.optional(),
  /** How late a displaced fixed item may still start. */
  window: duration.optional(),
  playlist: name.optional(),
  volume: level.optional(),
});
export type ProgramItemInput = z.infer<typeof itemSchema>;

const anchorsSchema = {
  onAir: plainClock.optional(),
  opening: plainClock.optional(),
  closing: plainClock.optional(),
};

const baseDaySchema = z.strictObject({
  onAir: plainClock,
  opening: plainClock,
  closing: plainClock,
  items: z.array(itemSchema).min(1),
});

const overlaySchema = z.strictObject({
  ...anchorsSchema,
  /** Items added, or replacing the base item with the same id. */
  items: z.array(itemSchema).default([]),
  /** Ids of base items that do not run on this day type. */
  remove: z.array(name).default([]),
});
export type DayOverlay = z.infer<typeof overlaySchema>;

export const playlistSchema = z.strictObject({
  /** Media carrying all of these tags (their folder names under media/). */
  tags: z.array(name).min(1),
  order: z.enum(['ordered', 'shuffle']).default('shuffle'),
});
export type Playlist = z.infer<typeof playlistSchema>;

export const programSchema = z.strictObject({
  slots: z.record(name, slotSchema),
  playlists: z.record(name, playlistSchema),
  /** Fixed speech slots, highest first: the higher keeps its time, the lower follows it. */
  precedence: z.array(name).min(1),
  /** A breath between two speech items that follow each other. */
  voiceGap: duration.default(2000),
  dayParts: z.record(name, z.strictObject({ from: clockExpr, until: clockExpr })).default({}),
  dayTypes: z.strictObject({
    normal: baseDaySchema,
    weekend: overlaySchema.default({ items: [], remove: [] }),
    holiday: overlaySchema.default({ items: [], remove: [] }),
    event: overlaySchema.default({ items: [], remove: [] }),
  }),
});
export type Program = z.infer<typeof programSchema>;

/** Overlays apply in this order on top of `normal`: a weekend event day is normal + weekend + event. */
export const OVERLAYS = ['weekend', 'holiday', 'event'] as const;
export type Overlay = (typeof OVERLAYS)[number];
export type DayType = 'normal' | Overlay;

/** The layer a slot plays on follows from its type, so it cannot be set wrong. */
export function layerOf(type: SlotType): 'bed' | 'voice' {
  return type === 'music' ? 'bed' : 'voice';
}
