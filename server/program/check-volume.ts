import { withTags, type MediaCatalogue } from '../media/catalogue.ts';
import type { ErrorAt, Schedules } from './check.ts';
import type { Slot } from './program-schema.ts';
import type { Path } from './source.ts';
import { describeRange, levelFor } from './volume.ts';
import type { VolumeConfig } from './volume-schema.ts';

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
  const mediaOf = (slot: Slot, playlistName?: string) => {
    const name = playlistName ?? (slot.type === 'music' ? slot.playlist : undefined);
    const p = name ? program.playlists[name] : undefined;
    if (p) return withTags(catalogue, p.tags);
    if ((slot.type === 'speech' || slot.type === 'holiday-greeting') && slot.media) {
      const m = catalogue.byId.get(slot.media);
      return m ? [m] : [];
    }
    return [];
  };
  const judge = (
    path: Path,
    slotName: string,
    slot: Slot,
    explicit: number | undefined,
    playlistName?: string,
  ) => {
    const kind = slot.type === 'music' ? 'music' : 'speech';
    const tracks = mediaOf(slot, playlistName);
    const queries = tracks.length
      ? tracks.map((m) => ({ tags: m.tags, what: ` for ${m.id}` }))
      : [{ tags: [] as readonly string[], what: '' }];
    for (const q of queries) {
      const { level, outside } = levelFor(volume, {
        slot: slotName,
        kind,
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
