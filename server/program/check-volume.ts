import { withTags, type MediaCatalogue, type MediaItem } from '../media/catalogue.ts';
import type { ErrorAt, Schedules } from './check.ts';
import type { Program, Slot } from './program-schema.ts';
import type { Path } from './source.ts';
import { describeRange, levelFor, rangesFor, type NamedRange } from './volume.ts';
import type { VolumeConfig } from './volume-schema.ts';

/** What a level set on a slot (or on one of its rows) must satisfy, for the console's form. */
export interface SlotLevels {
  /** The highest of the lower bounds, the PA scale's included: lower is refused. */
  min: number;
  /** The lowest of the upper bounds: higher is refused. Below `min`, no level fits. */
  max: number;
  /** The seed's rules that bind the slot's plays (by slot name, or by its media's tags). */
  rules: NamedRange[];
  /** The levels it plays at when nothing is set: one per rule that gives a default. */
  defaults: number[];
}

type LevelInputs = Pick<Schedules, 'program' | 'volume'>;

/** The media a slot plays (its playlist's, or its recording), whose tags pick the ranges. */
function mediaOf(
  program: Program,
  catalogue: MediaCatalogue,
  slot: Slot,
  playlistName?: string,
): readonly MediaItem[] {
  const name = playlistName ?? (slot.type === 'music' ? slot.playlist : undefined);
  const p = name ? program.playlists[name] : undefined;
  if (p) return withTags(catalogue, p.tags);
  if ((slot.type === 'speech' || slot.type === 'holiday-greeting') && slot.media) {
    const m = catalogue.byId.get(slot.media);
    return m ? [m] : [];
  }
  return [];
}

/** One level question per track the slot may play (one without tags when it plays none). */
function queriesOf(
  program: Program,
  catalogue: MediaCatalogue,
  slot: Slot,
  playlistName?: string,
): { tags: readonly string[]; what: string }[] {
  const tracks = mediaOf(program, catalogue, slot, playlistName);
  return tracks.length
    ? tracks.map((m) => ({ tags: m.tags, what: ` for ${m.id}` }))
    : [{ tags: [], what: '' }];
}

const kindOf = (slot: Slot) => (slot.type === 'music' ? 'music' : 'speech');

/**
 * The levels a slot may be set to: one level plays every track of its playlist, so it must lie
 * in every range any of them falls in (background music holds English songs, 24–27, and light
 * music, 24: only 24 fits both). The same rules `checkVolumes` enforces. Pure.
 */
export function slotLevels(
  s: LevelInputs,
  catalogue: MediaCatalogue,
  slotName: string,
  playlistName?: string,
): SlotLevels | undefined {
  const { program, volume } = s;
  const slot = program.slots[slotName];
  if (!slot) return undefined;
  const kind = kindOf(slot);
  const rules = new Map<string, NamedRange>();
  const defaults = new Set<number>();
  for (const q of queriesOf(program, catalogue, slot, playlistName)) {
    for (const r of rangesFor(volume, { slot: slotName, kind, tags: q.tags })) rules.set(r.name, r);
    defaults.add(levelFor(volume, { slot: slotName, kind, tags: q.tags }).level);
  }
  const list = [...rules.values()];
  return {
    min: Math.max(volume.scale.min, ...list.map((r) => r.min)),
    max: Math.min(volume.scale.max, ...list.map((r) => r.max)),
    rules: list,
    defaults: [...defaults].sort((a, b) => a - b),
  };
}

/** Every level the program can play at, against the PA scale and the seed's volume ranges. */
export function checkVolumes(s: Schedules, catalogue: MediaCatalogue, error: ErrorAt): void {
  const { program, volume } = s;
  const inScale = (path: Path, level: number | undefined) => {
    if (level !== undefined && (level < volume.scale.min || level > volume.scale.max))
      error(
        'program',
        path,
        `volume ${level} is outside the PA scale ${volume.scale.min}–${volume.scale.max}`,
      );
  };
  const judge = (
    path: Path,
    slotName: string,
    slot: Slot,
    explicit: number | undefined,
    playlistName?: string,
  ) => {
    for (const q of queriesOf(program, catalogue, slot, playlistName)) {
      const { level, outside } = levelFor(volume, {
        slot: slotName,
        kind: kindOf(slot),
        tags: q.tags,
        ...(explicit !== undefined ? { explicit } : {}),
      });
      if (outside.length) {
        error(
          'program',
          path,
          `volume ${level}${q.what} is outside ${outside.map(describeRange).join(' and ')}`,
        );
        return;
      }
    }
  };
  for (const [name, slot] of Object.entries(program.slots)) {
    inScale(['slots', name, 'volume'], slot.volume);
    judge(
      slot.volume !== undefined ? ['slots', name, 'volume'] : ['slots', name],
      name,
      slot,
      slot.volume,
    );
    if ((slot.type === 'promos' || slot.type === 'weather') && slot.bed) {
      const bedSlot: Slot = { type: 'music', playlist: slot.bed, fadeOut: 0 };
      judge(['slots', name, 'bed'], name, bedSlot, undefined);
    }
  }
  for (const dt of ['normal', 'weekend', 'holiday', 'event'] as const) {
    program.dayTypes[dt].items.forEach((item, i) => {
      const slot = program.slots[item.slot];
      const path = ['dayTypes', dt, 'items', i];
      inScale([...path, 'volume'], item.volume);
      if (slot && (item.volume !== undefined || item.playlist !== undefined))
        judge(
          item.volume !== undefined ? [...path, 'volume'] : [...path, 'playlist'],
          item.slot,
          slot,
          item.volume ?? slot.volume,
          item.playlist,
        );
    });
  }
}

/** Volume ranges may only name media tags that exist. */
export function checkRangeTags(volume: VolumeConfig, tags: Set<string>, error: ErrorAt): void {
  for (const [name, r] of Object.entries(volume.ranges))
    r.tags.forEach((tag, i) => {
      if (!tags.has(tag))
        error('volume', ['ranges', name, 'tags', i], `unknown media tag "${tag}"`);
    });
}
