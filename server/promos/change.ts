import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import type { PromoRecord } from './store.ts';

type Deps = Pick<AppContext, 'promos' | 'merchants' | 'schedules' | 'bus' | 'now'>;

/**
 * The stored promos with these changed or added: the set a check or a preview compiles. In
 * the store's order (by id), since the rotation's seeded order starts from the list's.
 */
export function withChanges(ctx: Pick<Deps, 'promos'>, changed: readonly PromoRecord[]) {
  const ids = new Set(changed.map((p) => p.id));
  return [...ctx.promos.records().filter((p) => !ids.has(p.id)), ...changed].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** Refuses promos whose merchant does not exist, or is retired while they would play. */
export function checkMerchants(ctx: Pick<Deps, 'merchants'>, promos: readonly PromoRecord[]) {
  for (const p of promos) {
    const m = ctx.merchants.get(p.merchantId);
    if (!m)
      throw apiError(
        422,
        'invalid',
        `merchantId: 没有编号为 ${p.merchantId} 的商户 · no such merchant`,
        {
          field: 'merchantId',
        },
      );
    if (m.retired && !p.retired)
      throw apiError(
        422,
        'invalid',
        `merchantId: 商户「${m.name}」已停用，先恢复商户 · the merchant is retired; unretire it first`,
        { field: 'merchantId' },
      );
  }
}

/**
 * The one way promos change: proven against the program first (their media exists, their
 * day parts are the program's, the coming days still compile), then saved with who and when,
 * then announced so plans are recompiled and kiosks refetch. A refused change leaves
 * everything as it was.
 */
export function commitPromos(
  ctx: Deps,
  promos: readonly PromoRecord[],
  author: string,
  what: string,
): void {
  if (!promos.length) return;
  checkMerchants(ctx, promos);
  const candidate = ctx.promos.resolve(withChanges(ctx, promos));
  const verdict = ctx.schedules.check({ promos: candidate });
  if (!verdict.schedules) {
    const first = verdict.errors[0]?.message ?? 'the program would not compile';
    throw apiError(
      422,
      'invalid-promo',
      `the promo was not saved: ${first}${verdict.errors.length > 1 ? ` (and ${verdict.errors.length - 1} more)` : ''}`,
      { issues: verdict.errors },
    );
  }
  ctx.promos.save(promos, author, ctx.now(), what);
  const ids = promos.map((p) => p.id);
  ctx.bus.publish('promos-changed', { ids });
  ctx.schedules.invalidate(`promo ${ids.join(', ')} ${what}`);
}
