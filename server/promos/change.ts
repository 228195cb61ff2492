import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import type { Promo } from '../program/promo-schema.ts';

type Deps = Pick<AppContext, 'promos' | 'schedules' | 'bus' | 'now'>;

/**
 * The one way a promo changes: proven against the program first (its media exists, its day
 * parts are the program's, the coming days still compile), then saved, then announced so plans
 * are recompiled and kiosks refetch. A refused change leaves everything as it was.
 */
export function commitPromo(ctx: Deps, promo: Promo, author: string, what: string): void {
  const candidate = ctx.promos.all().filter((p) => p.id !== promo.id);
  candidate.push(promo);
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
  ctx.promos.save([promo], author, ctx.now());
  ctx.bus.publish('promos-changed', { ids: [promo.id] });
  ctx.schedules.invalidate(`promo ${promo.id} ${what}`);
}
