import type { PlanItem } from './plan.ts';
import type { PlayStatus } from './play-report.ts';

/**
 * What became of a plan item, from the as-played log. `due` is an item whose moment has come
 * but whose start no player has reported yet: players upload their log every few seconds, so
 * for a short while "no report" means "not heard of yet", not "missed".
 */
export const ITEM_STATES = [
  'upcoming',
  'due',
  'playing',
  'played',
  'skipped',
  'failed',
  'missed',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** How long after an item's start a missing report still means "not uploaded yet". */
export const REPORT_GRACE_MS = 30_000;

/** One row of the as-played log, as much of it as the states need. */
export interface PlayRecord {
  itemId: string;
  deviceId: number;
  /** The device's name; null once the device has been removed. */
  device: string | null;
  status: PlayStatus;
  /** When it happened (an instant with its offset). */
  actualAt: string;
  reason?: string | null;
}

/** One player's report on an item, for the item's details. */
export interface ItemPlay {
  device: string;
  status: PlayStatus;
  at: string;
  reason?: string;
}

export interface ItemStatus {
  id: string;
  state: ItemState;
  /** Every report on the item, oldest first. */
  plays: ItemPlay[];
}

/** What one player made of an item: its last word on it (a start then a skip is a skip). */
function outcomeOf(reports: readonly PlayRecord[]): 'started' | 'ended' | 'skipped' | 'failed' {
  let started = false;
  let ended = false;
  for (const r of reports) {
    if (r.status === 'failed' || r.status === 'skipped') return r.status;
    if (r.status === 'started') started = true;
    if (r.status === 'ended') ended = true;
  }
  // An end without its start: the start report was lost, the item was heard all the same.
  return ended || !started ? 'ended' : 'started';
}

function stateOf(
  item: Pick<PlanItem, 'start' | 'end'>,
  reports: readonly PlayRecord[],
  now: number,
): ItemState {
  if (reports.length === 0) {
    const start = Date.parse(item.start);
    if (now < start) return 'upcoming';
    return now < start + REPORT_GRACE_MS && now < Date.parse(item.end) ? 'due' : 'missed';
  }
  const byDevice = new Map<number, PlayRecord[]>();
  for (const r of reports) {
    const list = byDevice.get(r.deviceId);
    if (list) list.push(r);
    else byDevice.set(r.deviceId, [r]);
  }
  const outcomes = new Set([...byDevice.values()].map(outcomeOf));
  // One player that played it is enough: the mall heard it. Failures matter only when no
  // player did, and a failure (a file to fix) outranks a skip (an announcement had the air).
  if (outcomes.has('ended')) return 'played';
  if (outcomes.has('started')) return now < Date.parse(item.end) ? 'playing' : 'played';
  return outcomes.has('failed') ? 'failed' : 'skipped';
}

/**
 * The state of every plan item of a day at `now`, from the plays reported for that day. Pure:
 * the same plan, log and `now` give the same states on the server and in a test.
 */
export function itemStates(
  items: readonly Pick<PlanItem, 'id' | 'start' | 'end'>[],
  plays: readonly PlayRecord[],
  now: number,
): ItemStatus[] {
  const byItem = new Map<string, PlayRecord[]>();
  for (const p of plays) {
    const list = byItem.get(p.itemId);
    if (list) list.push(p);
    else byItem.set(p.itemId, [p]);
  }
  return items.map((item) => {
    const reports = (byItem.get(item.id) ?? []).sort(
      (a, b) => Date.parse(a.actualAt) - Date.parse(b.actualAt),
    );
    return {
      id: item.id,
      state: stateOf(item, reports, now),
      plays: reports.map((r) => ({
        device: r.device ?? `#${r.deviceId}`,
        status: r.status,
        at: r.actualAt,
        ...(r.reason ? { reason: r.reason } : {}),
      })),
    };
  });
}

/** How many items are in each state. */
export function countStates(statuses: readonly Pick<ItemStatus, 'state'>[]) {
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const s of statuses) counts[s.state]++;
  return counts;
}
