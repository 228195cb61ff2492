import { z } from 'zod';
import { addDays } from '../../core/zoned-time.ts';
import { apiError } from '../http/errors.ts';
import { isoDate } from '../../core/plan.ts';
import { RATINGS } from './figures.ts';
import { serviceId } from './queue-file.ts';
import { PRIORITIES, SOURCES } from './queue-types.ts';

/** What the queue's routes accept, one schema per body, query and path. */

export const counterParam = z.object({ number: z.coerce.number().int().min(1).max(99) });
export const ticketParam = z.object({ id: z.coerce.number().int().positive() });
export const tokenParam = z.object({ token: z.string().min(1).max(100) });

export const takeSchema = z.object({
  service: z.string().trim().min(1).max(40),
  priority: z.enum(PRIORITIES).default('normal'),
  source: z.enum(SOURCES).optional(),
});

export const openSchema = z.object({
  services: z.array(serviceId).max(26).optional(),
  /** Take over a counter another desk PC has open (the page asked first). */
  takeover: z.boolean().optional(),
});
export const pauseSchema = z.object({ paused: z.boolean() });
export const callSchema = z.object({ code: z.string().trim().min(1).max(12) });
export const finishSchema = z.object({
  category: z.string().trim().min(1).max(60),
  note: z.string().trim().max(2000).optional(),
  askRating: z.boolean().optional(),
});
export const transferSchema = z.object({ service: serviceId });
export const ratingSchema = z.object({
  token: z.string().min(1).max(100),
  rating: z.enum(RATINGS),
});

/** Longest range one figures query or export covers. */
export const MAX_RANGE_DAYS = 400;

export const rangeSchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** Settles `from`–`to` (today alone when neither is given); refuses a muddle. */
export function resolveRange(q: z.infer<typeof rangeSchema>, today: string) {
  const from = q.from ?? q.to ?? today;
  const to = q.to ?? from;
  if (to < from) throw apiError(400, 'invalid', 'to: is before from', { field: 'to' });
  if (to > addDays(from, MAX_RANGE_DAYS - 1))
    throw apiError(400, 'invalid', `to: ask for at most ${MAX_RANGE_DAYS} days at a time`, {
      field: 'to',
    });
  return { from, to };
}
