import type { DayPlan, PlanItem } from '../../core/plan.ts';
import type { Program } from './program-schema.ts';

/** One kind of change to one slot's plays in a day's plan. */
export type PlanChange =
  | { slot: string; title: string; what: 'volume'; from: number; to: number; items: number }
  | { slot: string; title: string; what: 'time' | 'content' | 'added' | 'removed'; items: number };

const sameContent = (a: PlanItem, b: PlanItem) =>
  a.media?.id === b.media?.id && a.text === b.text && a.title === b.title;

/**
 * What an edit changes in a date's plan, slot by slot: plays whose level changed (22 → 23),
 * plays moved, plays with other content, plays added and removed. Items are matched by their
 * id (the program row and the play's number in it). Pure.
 */
export function planChanges(
  running: DayPlan,
  edited: DayPlan,
  slots: Program['slots'],
): PlanChange[] {
  const before = new Map(running.items.map((i) => [i.id, i]));
  const after = new Map(edited.items.map((i) => [i.id, i]));
  const out = new Map<string, PlanChange>();
  const count = (slot: string, key: string, make: (title: string) => PlanChange) => {
    const k = `${slot}|${key}`;
    const c = out.get(k);
    if (c) c.items++;
    else out.set(k, make(slots[slot]?.title ?? slot));
  };
  for (const b of edited.items) {
    const a = before.get(b.id);
    if (!a) {
      count(b.slot, 'added', (title) => ({ slot: b.slot, title, what: 'added', items: 1 }));
      continue;
    }
    if (a.volume !== b.volume)
      count(b.slot, `volume|${a.volume}|${b.volume}`, (title) => ({
        slot: b.slot,
        title,
        what: 'volume',
        from: a.volume,
        to: b.volume,
        items: 1,
      }));
    if (a.start !== b.start || a.end !== b.end)
      count(b.slot, 'time', (title) => ({ slot: b.slot, title, what: 'time', items: 1 }));
    if (!sameContent(a, b))
      count(b.slot, 'content', (title) => ({ slot: b.slot, title, what: 'content', items: 1 }));
  }
  for (const a of running.items)
    if (!after.has(a.id))
      count(a.slot, 'removed', (title) => ({ slot: a.slot, title, what: 'removed', items: 1 }));
  return [...out.values()];
}
