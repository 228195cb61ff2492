import { formatLatency, summarise } from './stats.ts';

/** The target: |actual − planned| under this at p99. */
export const TARGET_MS = 20;

/** A start as one source saw it (the page's own record, or the as-played log). */
export interface SeenStart {
  itemId: string;
  plannedMs: number;
  actualMs: number;
}

export interface StartErrors {
  planned: number;
  /** Planned items that have no start in this source. */
  missing: string[];
  /** Joined mid-item (a late start on purpose): left out of the figures. */
  joined: number;
  /** Starts whose reported planned instant is not the plan's (more than 1 ms off). */
  wrongPlanned: number;
  /** |actual − planned| of every other start, ms. */
  errors: number[];
  /** Mean of actual − planned, ms: a constant bias shows here. */
  meanSigned: number;
  /** The start furthest from its instant, with its signed error. */
  worst?: { id: string; signedMs: number };
}

/**
 * Start-time error of one source against the plan itself: each planned item's start found by
 * id, measured from the plan's instant (not only from what the source says was planned).
 */
export function startErrors(
  plan: readonly { id: string; startMs: number }[],
  seen: readonly SeenStart[],
  joinedIds: ReadonlySet<string>,
): StartErrors {
  const byId = new Map(seen.map((s) => [s.itemId, s]));
  const result: StartErrors = {
    planned: plan.length,
    missing: [],
    joined: 0,
    wrongPlanned: 0,
    errors: [],
    meanSigned: Number.NaN,
  };
  let signed = 0;
  for (const item of plan) {
    const s = byId.get(item.id);
    if (!s) result.missing.push(item.id);
    else if (joinedIds.has(item.id)) result.joined++;
    else {
      if (Math.abs(s.plannedMs - item.startMs) > 1) result.wrongPlanned++;
      const d = s.actualMs - item.startMs;
      result.errors.push(Math.abs(d));
      signed += d;
      if (!result.worst || Math.abs(d) > Math.abs(result.worst.signedMs))
        result.worst = { id: item.id, signedMs: d };
    }
  }
  if (result.errors.length) result.meanSigned = signed / result.errors.length;
  return result;
}

/** `n 64 of 64 planned  p50 …  p99 …  max …  within 20 ms 100.0 %  mean signed +0.01 ms` */
export function formatStartErrors(e: StartErrors, missing = 'never started'): string {
  const within = e.errors.filter((v) => v < TARGET_MS).length;
  const share = e.errors.length ? ((100 * within) / e.errors.length).toFixed(1) : 'NaN';
  const notes = [
    e.joined ? `${e.joined} joined mid-item left out` : '',
    e.missing.length
      ? `${e.missing.length} ${missing} (${e.missing.slice(0, 3).join(', ')}${e.missing.length > 3 ? ', …' : ''})`
      : '',
    e.wrongPlanned ? `${e.wrongPlanned} with a planned instant not the plan's` : '',
    e.worst && Math.abs(e.worst.signedMs) >= 1
      ? `worst ${e.worst.id} ${e.worst.signedMs > 0 ? '+' : ''}${e.worst.signedMs.toFixed(2)} ms`
      : '',
  ].filter(Boolean);
  const sign = e.meanSigned >= 0 ? '+' : '';
  return (
    `n ${e.errors.length} of ${e.planned} planned  ${formatLatency(summarise(e.errors))}  ` +
    `within ${TARGET_MS} ms ${share} %  mean signed ${sign}${e.meanSigned.toFixed(2)} ms` +
    (notes.length ? `  (${notes.join('; ')})` : '')
  );
}
