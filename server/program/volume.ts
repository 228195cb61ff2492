import type { VolumeConfig, VolumeRange } from './volume-schema.ts';

/** Linear gain for a PA level: the top level is `maxGainDb`, each step below is `dbPerLevel` quieter. */
export function levelToGain(scale: VolumeConfig['scale'], level: number): number {
  if (level <= scale.min) return 0;
  const clamped = Math.min(level, scale.max);
  const db = scale.maxGainDb - (scale.max - clamped) * scale.dbPerLevel;
  return Math.round(10 ** (db / 20) * 10_000) / 10_000;
}

export interface LevelQuery {
  slot: string;
  kind: 'music' | 'speech';
  /** Tags of the media playing, if any. */
  tags?: readonly string[];
  /** Level set on the program row, then on the slot. */
  explicit?: number;
}

export interface NamedRange extends VolumeRange {
  name: string;
}

export function rangesFor(volume: VolumeConfig, q: LevelQuery): NamedRange[] {
  return Object.entries(volume.ranges)
    .filter(
      ([, r]) =>
        r.slots.includes(q.slot) || (r.tags.length > 0 && r.tags.every((t) => q.tags?.includes(t))),
    )
    .map(([name, r]) => ({ name, ...r }));
}

/**
 * The level an item plays at: the row's or slot's own, else the default of the first range its
 * media falls in (english songs 25, light music 24), else the music or speech default.
 */
export function levelFor(
  volume: VolumeConfig,
  q: LevelQuery,
): { level: number; outside: NamedRange[] } {
  const ranges = rangesFor(volume, q);
  const fromRange = ranges.find((r) => r.default !== undefined)?.default ?? ranges[0]?.min;
  const level = q.explicit ?? fromRange ?? volume.defaults[q.kind];
  return { level, outside: ranges.filter((r) => level < r.min || level > r.max) };
}

export function describeRange(r: NamedRange): string {
  return `${r.name} (${r.min === r.max ? r.min : `${r.min}–${r.max}`})`;
}
