import type { DayPlan, PlanItem } from './plan.ts';

/** A plan item with its instants as numbers (epoch ms), as the player schedules it. */
export interface TimedItem extends PlanItem {
  startMs: number;
  endMs: number;
  date: string;
}

/** Both plans a player holds (today's and tomorrow's), as one sorted timeline. */
export function timelineOf(plans: readonly DayPlan[]): TimedItem[] {
  return plans
    .flatMap((p) =>
      p.items.map((i) => ({
        ...i,
        date: p.date,
        startMs: Date.parse(i.start),
        endMs: Date.parse(i.end),
      })),
    )
    .sort(
      (a, b) => a.startMs - b.startMs || (a.layer === b.layer ? 0 : a.layer === 'bed' ? -1 : 1),
    );
}

/** The item of a layer sounding at `t`, if any. */
export function itemAt(
  items: readonly TimedItem[],
  layer: PlanItem['layer'],
  t: number,
): TimedItem | undefined {
  return items.find((i) => i.layer === layer && i.startMs <= t && t < i.endMs);
}

/** The next item to start after `t`. */
export function nextAfter(items: readonly TimedItem[], t: number): TimedItem | undefined {
  return items.find((i) => i.startMs > t);
}

/** Items that start or are sounding within [from, to): what the player must have ready. */
export function within(items: readonly TimedItem[], from: number, to: number): TimedItem[] {
  return items.filter((i) => i.endMs > from && i.startMs < to);
}

/** A play-unique key: the same plan item on another day is another play. */
export const playKey = (i: Pick<TimedItem, 'date' | 'id'>) => `${i.date}/${i.id}`;
