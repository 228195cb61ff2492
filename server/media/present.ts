import type { AppContext } from '../context.ts';
import { present, type MediaRecord } from './library.ts';
import { usesOf } from './usage-map.ts';

/** A library item as the console shows it: what plays it, and its original if normalised. */
export function presentWithUses(ctx: AppContext, m: MediaRecord, uses = useLookup(ctx)) {
  const original = ctx.media.original(m.id);
  return { ...present(m), usedBy: uses(m), ...(original ? { original } : {}) };
}

/** Reads the live program once for a whole list. */
export function useLookup(ctx: AppContext) {
  const { program, calendar } = ctx.schedules.current().schedules;
  const promos = ctx.promos.all();
  return (m: MediaRecord) => usesOf({ program, calendar, promos }, m);
}
