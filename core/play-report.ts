import { z } from 'zod';
import { isoDate, PLAN_KINDS } from './plan.ts';

export const PLAY_STATUSES = ['started', 'ended', 'skipped', 'failed'] as const;
export type PlayStatus = (typeof PLAY_STATUSES)[number];

/** Plan items, and ad-hoc announcements, which a player also reports. */
export const PLAY_KINDS = [...PLAN_KINDS, 'announcement'] as const;

/** Most reports one upload may carry; a player back from an outage sends its backlog in batches. */
export const MAX_REPORTS = 500;

/** An instant with its offset; stored in UTC so that text order is time order. */
const instant = z.iso
  .datetime({
    offset: true,
    error: 'write an ISO instant with its offset (2026-03-02T09:30:00+08:00)',
  })
  .transform((s) => new Date(s).toISOString());

const text = (max: number) => z.string().trim().min(1).max(max);

/** One thing a player did with one plan item, as it reports it. */
export const playReportSchema = z.object({
  /** Made by the player, unique among its own reports: a re-sent report is counted once. */
  reportId: text(100),
  planDate: isoDate,
  /** The plan item's id (`promos-morning#3`). */
  itemId: text(200),
  slot: text(100),
  kind: z.enum(PLAY_KINDS),
  promoId: text(100).optional(),
  merchant: text(200).optional(),
  mediaId: text(200).optional(),
  title: text(500),
  status: z.enum(PLAY_STATUSES),
  /** When the plan meant this to happen: the item's start, or its end for `ended`. */
  plannedAt: instant,
  /** When it happened on the player's (synchronised) clock. */
  actualAt: instant,
  /** Why an item was skipped or failed (`media missing`, `audio blocked`). */
  reason: text(500).optional(),
});
export type PlayReport = z.infer<typeof playReportSchema>;

export const playUploadSchema = z.object({
  reports: z.array(playReportSchema).min(1).max(MAX_REPORTS),
});

/** Longest date range one query, summary or export covers. */
export const MAX_RANGE_DAYS = 400;

/** Which plays: a day (`date`, today by default) or a range (`from`–`to`), narrowed by the rest. */
export const playFilterSchema = z.object({
  date: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  slot: text(100).optional(),
  promo: text(100).optional(),
  merchant: text(200).optional(),
  device: z.coerce.number().int().positive().optional(),
  status: z.enum(PLAY_STATUSES).optional(),
  /** `announcement` for the desk's announcements alone. */
  kind: z.enum(PLAY_KINDS).optional(),
});
export type PlayFilterQuery = z.infer<typeof playFilterSchema>;

export const playListSchema = playFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** From a previous page's `nextCursor`: stable while new reports arrive. */
  cursor: z
    .string()
    .regex(/^[\w-]{1,200}$/, 'use the nextCursor of the previous page')
    .optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
