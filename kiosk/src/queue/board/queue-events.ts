import { z } from 'zod';

/** The queue events the board acts on, checked as they arrive (a bad payload is ignored). */

// Zod compiles object parsers with `new Function` unless told not to; the pages' CSP has no
// 'unsafe-eval', so the attempt would only log a violation on every start of the board.
z.config({ jitless: true });

const counterRef = z.object({ number: z.number().int(), name: z.string() });

/** `queue-called`: one per call or recall; `clips` are voice-pack names in play order. */
export const queueCalledSchema = z.object({
  ticketId: z.number(),
  code: z.string(),
  counter: counterRef,
  callCount: z.number().int(),
  clips: z.array(z.string().regex(/^[\w/-]+$/, 'a voice-pack clip name')),
  text: z.string(),
  textEn: z.string().optional(),
  /** Not in the contract yet; when the server sends it, stale replays are not spoken. */
  calledAt: z.string().optional(),
});
export type QueueCalled = z.infer<typeof queueCalledSchema>;

/**
 * `queue-rating`: the counter asks the customer in front of it to rate, on the board. The
 * board answers with `ratingId`, good for this prompt only (it is not the ticket's token).
 */
export const queueRatingSchema = z.object({
  ticketId: z.number(),
  ratingId: z.string().min(1),
  counter: counterRef,
});
export type QueueRating = z.infer<typeof queueRatingSchema>;
