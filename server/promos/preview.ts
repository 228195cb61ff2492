import { z } from 'zod';
import { isoDate, type PlanItem } from '../../core/plan.ts';
import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { compileDayPlan } from '../program/compile.ts';
import { createBody, created, wholePromo, type CreateBody } from './body.ts';
import { checkMerchants, withChanges } from './change.ts';
import { promoIdFor } from './promo-id.ts';
import type { PromoRecord } from './store.ts';

/** `POST /api/promos/preview`: a date, and the promos as they are being edited. */
export const previewBody = z.strictObject({
  date: isoDate,
  /** New promos, and stored ones as edited (by id); the rest stay as stored. */
  promos: z.array(createBody).max(50).default([]),
});
export type PreviewBody = z.infer<typeof previewBody>;

export interface PromoPreview {
  date: string;
  /** The ids of the promos given, in their order (made up for new ones, as saving would). */
  ids: string[];
  dayType: string;
  /** The promo loop as it would play that day: every promo play, in time order. */
  items: PlanItem[];
  /** Plays per promo that day. */
  counts: { promoId: string; merchant: string; title: string; plays: number }[];
  warnings: string[];
}

type Deps = Pick<AppContext, 'promos' | 'merchants' | 'schedules' | 'media' | 'weather'>;

/** The id of a promo given without one: from its merchant's brand (or name) and title. */
export function idFor(ctx: Pick<Deps, 'merchants'>, body: CreateBody): string {
  const m = ctx.merchants.get(body.merchantId);
  return body.id ?? promoIdFor(m?.nameLatin ?? m?.name ?? String(body.merchantId), body.title);
}

/** The records a preview body stands for, ids made as `POST /api/promos` makes them. */
export function previewRecords(ctx: Deps, body: PreviewBody): PromoRecord[] {
  return body.promos.map((p, i) => wholePromo(created(p, idFor(ctx, p)), `promos.${i}`));
}

/**
 * The day's promo loop with these promos, compiled by the same compiler and from the same
 * inputs as the day's plan (program, media, forecast), and stored nowhere: what saving them
 * would make the players play.
 */
export function previewPromos(
  ctx: Deps,
  date: string,
  records: readonly PromoRecord[],
): PromoPreview {
  checkMerchants(ctx, records);
  const promos = ctx.promos.resolve(withChanges(ctx, records));
  const verdict = ctx.schedules.check({ promos });
  if (!verdict.schedules)
    throw apiError(
      422,
      'invalid-promo',
      `these promos could not be saved: ${verdict.errors[0]?.message ?? 'the program would not compile'}`,
      { issues: verdict.errors },
    );
  const { schedules } = ctx.schedules.current();
  const plan = compileDayPlan({ ...schedules, promos, catalogue: ctx.media.catalogue() }, date, {
    forecast: ctx.weather.forecastFor(date),
  });
  const items = plan.items.filter((i) => i.kind === 'promo');
  const counts = new Map<string, PromoPreview['counts'][number]>();
  for (const i of items) {
    if (!i.promo) continue;
    const c = counts.get(i.promo.id);
    if (c) c.plays++;
    else
      counts.set(i.promo.id, {
        promoId: i.promo.id,
        merchant: i.promo.merchant,
        title: promos.find((p) => p.id === i.promo?.id)?.title ?? i.title,
        plays: 1,
      });
  }
  return {
    date,
    ids: records.map((r) => r.id),
    dayType: plan.dayType,
    items,
    counts: [...counts.values()].sort(
      (a, b) => b.plays - a.plays || a.promoId.localeCompare(b.promoId),
    ),
    warnings: plan.warnings,
  };
}
