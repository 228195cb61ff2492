import type { AppContext } from '../context.ts';
import type { Merchant } from './store.ts';

type Deps = Pick<AppContext, 'promos' | 'bus' | 'schedules'>;

/** What of a merchant the plan items carry (`promo.merchant`, `floor`, `unit`, the title). */
const IN_PLAN = new Set(['name', 'floor', 'unit']);

/** A merchant as the API shows it: with its logo's address and how many promos it has. */
export function presentMerchant(ctx: Pick<AppContext, 'promos' | 'schedules'>, m: Merchant) {
  const promos = ctx.promos.list().filter((p) => p.merchantId === m.id);
  const today = ctx.schedules.today();
  const active = promos.filter(
    (p) =>
      !p.retired && (!p.validFrom || p.validFrom <= today) && (!p.validTo || p.validTo >= today),
  );
  return {
    ...m,
    logoUrl: m.logo ? `/images/${m.logo}` : null,
    promos: { total: promos.length, active: active.length },
  };
}

/**
 * Tells the consoles a merchant changed; when what changed is in the plans (its name or its
 * place), the coming days' plans are recompiled and the kiosks refetch them.
 */
export function merchantChanged(
  ctx: Deps,
  ids: readonly number[],
  fields: readonly string[],
  what: string,
) {
  if (!ids.length) return;
  ctx.bus.publish('merchants-changed', { ids: [...ids] });
  if (!fields.some((f) => IN_PLAN.has(f))) return;
  const promoIds = ctx.promos
    .list()
    .filter((p) => ids.includes(p.merchantId))
    .map((p) => p.id);
  if (!promoIds.length) return;
  ctx.bus.publish('promos-changed', { ids: promoIds });
  ctx.schedules.invalidate(`merchant ${ids.join(', ')} ${what}`);
}
