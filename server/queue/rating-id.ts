import { createHash, timingSafeEqual } from 'node:crypto';

/** How long after a finish the board's rating prompt may still be answered. */
export const RATING_WINDOW_MS = 10 * 60_000;

const digestOf = (token: string) =>
  createHash('sha256').update(`deskcast rating\n${token}`).digest('base64url').slice(0, 22);

/**
 * The board's handle on one rating prompt, sent in the `queue-rating` event instead of the
 * ticket's token: the ticket's id and a digest of its token. It opens neither the phone page
 * nor anything else; it only rates that ticket, once, from a guide screen, soon after.
 */
export function ratingIdOf(ticket: { id: number; token: string }): string {
  return `${ticket.id}.${digestOf(ticket.token)}`;
}

/** The ticket a rating id names, or undefined for a malformed one. */
export function ticketIdOf(ratingId: string): number | undefined {
  const m = /^(\d{1,12})\.[\w-]{22}$/.exec(ratingId);
  return m ? Number(m[1]) : undefined;
}

/** Whether `ratingId` was made for this ticket. */
export function ratingIdMatches(ratingId: string, ticket: { id: number; token: string }): boolean {
  const want = Buffer.from(ratingIdOf(ticket));
  const got = Buffer.from(ratingId);
  return want.length === got.length && timingSafeEqual(want, got);
}
