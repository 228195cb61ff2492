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
  /** An ad-hoc announcement to play; the payload is the announcement itself. */
  announcement: z.object({ id: z.number() }).passthrough(),
  'announcement-cancelled': z.object({ id: z.number() }),
  /** What a player is doing, as it reported it. */
  'playback-state': z.object({ deviceId: z.number() }).passthrough(),
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
  /** The board asks the customer just served to rate the service (POST /api/queue/ratings). */
  'queue-rating': z.object({
    ticketId: z.number(),
    token: z.string(),
    counter: z.object({ number: z.number(), name: z.string() }),
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
