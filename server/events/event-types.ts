import { z } from 'zod';

/**
 * The events the server pushes on `/api/events`, one schema each, so a kiosk can validate what
 * it receives. Kept small: an event says what changed; the client fetches the rest.
 */
export const eventPayloads = {
  /** Plans of these dates changed (an edit, a rollover, a clock step); fetch them again. */
  'plan-changed': z.object({ dates: z.array(z.string()), reason: z.string() }),
  /** A program, calendar or volume file has a new revision. */
  'schedule-changed': z.object({ file: z.string(), revision: z.number(), author: z.string() }),
  'media-changed': z.object({
    ids: z.array(z.string()),
    change: z.enum(['added', 'updated', 'deleted']),
  }),
  'promos-changed': z.object({ ids: z.array(z.string()) }),
  /** Merchants were created, edited, retired or imported (their ids). */
  'merchants-changed': z.object({ ids: z.array(z.number()) }),
  /** An ad-hoc announcement to play; the payload is the announcement itself. */
  announcement: z.object({ id: z.number() }).passthrough(),
  'announcement-cancelled': z.object({ id: z.number() }),
  /** Players reported plays of these announcements: fetch GET /api/plays?kind=announcement. */
  'announcement-played': z.object({ ids: z.array(z.number()) }),
  /** Announcement templates were made, reworded, restored or deleted. */
  'announcement-templates-changed': z.object({ ids: z.array(z.string()) }),
  /** What a player is doing, as it reported it. */
  'playback-state': z.object({ deviceId: z.number() }).passthrough(),
  /** Devices were paired, renamed or revoked: the console reads GET /api/devices again. */
  'devices-changed': z.object({
    ids: z.array(z.number()),
    change: z.enum(['added', 'paired', 'renamed', 'revoked']),
  }),
  /** The front-desk queue changed (a ticket, a counter, the day): fetch GET /api/queue/state. */
  'queue-changed': z.object({ reason: z.string() }),
  /** A ticket called or recalled at a counter: the board shows it and plays `clips` in order. */
  'queue-called': z.object({
    ticketId: z.number(),
    code: z.string(),
    counter: z.object({ number: z.number(), name: z.string() }),
    callCount: z.number(),
    calledAt: z.string(),
    clips: z.array(z.string()),
    text: z.string(),
    textEn: z.string().optional(),
  }),
  /**
   * The board asks the customer just served to rate the service: POST /api/queue/ratings
   * `{ratingId, rating}` from a guide screen. Never the ticket's token.
   */
  'queue-rating': z.object({
    ticketId: z.number(),
    ratingId: z.string(),
    counter: z.object({ number: z.number(), name: z.string() }),
  }),
  /** A forecast was typed in, cleared or fetched (or a fetch failed): GET /api/weather again. */
  'weather-changed': z.object({ dates: z.array(z.string()), reason: z.string() }),
  /** A guide screen's setting changed ("you are here"): those screens read GET /api/guide. */
  'guide-changed': z.object({ reason: z.string(), deviceIds: z.array(z.number()) }),
  /** The nightly digest of what is left undone (overdue complaints…): GET /api/reports/digest/latest. */
  'records-digest': z.object({
    date: z.string(),
    total: z.number(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), count: z.number() })),
  }),
  /** Sent to one client that missed too much to catch up: reload everything. */
  resync: z.object({ latestId: z.number() }),
} as const;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;

export interface EventRecord {
  id: number;
  type: EventType;
  payload: unknown;
  createdAt: string;
}
