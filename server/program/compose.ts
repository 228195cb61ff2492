import { resolveClock, type DayAnchors } from './clock-expr.ts';
import type { Overlay, Program, ProgramItemInput } from './program-schema.ts';
import type { Path } from './source.ts';

/** A program row with its times resolved for one kind of day (ms since local midnight). */
export interface DayRow {
  id: string;
  slot: string;
  at?: number;
  from?: number;
  until?: number;
  every?: number;
  window?: number;
  playlist?: string;
  volume?: number;
  /** Where the row is written in program.yaml, for error messages. */
  origin: Path;
}

export interface ComposedDay extends DayAnchors {
  /** The day types applied, `normal` first. */
  dayTypes: ('normal' | Overlay)[];
  rows: DayRow[];
}

export function rowId(item: ProgramItemInput): string {
  return item.id ?? item.slot;
}

/**
 * The program of a kind of day: `normal`, with each overlay's anchors, replacements, additions
 * and removals applied in order. What differs from normal is written once, in its overlay.
 * `hours` (an event's own opening hours, calendar.yaml) come last, over every overlay's.
 */
export function composeDay(
  program: Program,
  overlays: readonly Overlay[],
  hours: Partial<DayAnchors> = {},
): ComposedDay {
  const base = program.dayTypes.normal;
  const anchors: DayAnchors = { onAir: base.onAir, opening: base.opening, closing: base.closing };
  let items = base.items.map((item, i) => ({
    item,
    origin: ['dayTypes', 'normal', 'items', i] as Path,
  }));

  for (const name of overlays) {
    const overlay = program.dayTypes[name];
    if (overlay.onAir !== undefined) anchors.onAir = overlay.onAir;
    if (overlay.opening !== undefined) anchors.opening = overlay.opening;
    if (overlay.closing !== undefined) anchors.closing = overlay.closing;
    const removed = new Set(overlay.remove);
    const replacing = new Map(
      overlay.items.map((item, i) => [
        rowId(item),
        { item, origin: ['dayTypes', name, 'items', i] as Path },
      ]),
    );
    items = items
      .filter(({ item }) => !removed.has(rowId(item)))
      .map((entry) => replacing.get(rowId(entry.item)) ?? entry);
    const present = new Set(items.map(({ item }) => rowId(item)));
    items.push(...[...replacing.values()].filter(({ item }) => !present.has(rowId(item))));
  }
  if (hours.opening !== undefined) anchors.opening = hours.opening;
  if (hours.closing !== undefined) anchors.closing = hours.closing;

  const resolve = (e: ProgramItemInput['at']) =>
    e === undefined ? undefined : resolveClock(e, anchors);
  const rows = items.map(({ item, origin }): DayRow => {
    const row: DayRow = { id: rowId(item), slot: item.slot, origin };
    const at = resolve(item.at);
    const from = resolve(item.from);
    const until = resolve(item.until);
    if (at !== undefined) row.at = at;
    if (from !== undefined) row.from = from;
    if (until !== undefined) row.until = until;
    if (item.every !== undefined) row.every = item.every;
    if (item.window !== undefined) row.window = item.window;
    if (item.playlist !== undefined) row.playlist = item.playlist;
    if (item.volume !== undefined) row.volume = item.volume;
    return row;
  });
  return { ...anchors, dayTypes: ['normal', ...overlays], rows };
}

/** Every combination of overlays a calendar can produce, for checking the program up front. */
export function allOverlayCombinations(): Overlay[][] {
  const names: Overlay[] = ['weekend', 'holiday', 'event'];
  return Array.from({ length: 1 << names.length }, (_, mask) =>
    names.filter((_, i) => mask & (1 << i)),
  );
}
