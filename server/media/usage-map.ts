import type { Calendar } from '../program/calendar-schema.ts';
import type { Program } from '../program/program-schema.ts';
import type { Promo } from '../program/promo-schema.ts';

/**
 * Something in the program that plays a media item: a slot that names it or picks it from a
 * playlist by its tags, a calendar event or holiday script, a promo. What the console lists as
 * "used by" and filters on; deleting is judged by usage.ts, which asks whether the program
 * would still compile without it.
 */
export type MediaUse =
  | {
      kind: 'slot';
      slot: string;
      title: string;
      type: string;
      /** Heard as: music (a music block or a bed under speech), or speech. */
      as: 'music' | 'speech';
      playlist?: string;
    }
  | { kind: 'event'; name: string; date?: string; from?: string; to?: string }
  | { kind: 'holiday'; name: string }
  | { kind: 'promo'; id: string; title: string; merchant: string; retired: boolean };

interface Sources {
  program: Program;
  calendar: Calendar;
  promos: readonly Promo[];
}

interface PlaylistRef {
  slot: string;
  playlist: string;
  as: 'music' | 'speech';
}

/** The playlists a slot or a program row takes audio from, with the slot's name. */
function playlistRefs(program: Program): PlaylistRef[] {
  const refs: PlaylistRef[] = [];
  for (const [slot, s] of Object.entries(program.slots)) {
    if (s.type === 'music') refs.push({ slot, playlist: s.playlist, as: 'music' });
    if (s.type === 'weather' && s.reminders)
      refs.push({ slot, playlist: s.reminders, as: 'speech' });
    if ((s.type === 'weather' || s.type === 'promos') && s.bed)
      refs.push({ slot, playlist: s.bed, as: 'music' });
  }
  const { normal, ...overlays } = program.dayTypes;
  for (const day of [normal, ...Object.values(overlays)])
    for (const item of day.items)
      if (item.playlist) refs.push({ slot: item.slot, playlist: item.playlist, as: 'music' });
  return refs;
}

const dates = (d: { date?: string; from?: string; to?: string }) => ({
  ...(d.date ? { date: d.date } : {}),
  ...(d.from ? { from: d.from } : {}),
  ...(d.to ? { to: d.to } : {}),
});

/** Everything that plays the item `id` with `tags`, each once, slots first. Pure. */
export function usesOf(src: Sources, item: { id: string; tags: readonly string[] }): MediaUse[] {
  const { program, calendar, promos } = src;
  const uses: MediaUse[] = [];
  const seen = new Set<string>();
  const slot = (name: string, as: 'music' | 'speech', playlist?: string) => {
    const key = `${name}|${playlist ?? ''}`;
    const s = program.slots[name];
    if (!s || seen.has(key)) return;
    seen.add(key);
    uses.push({
      kind: 'slot',
      slot: name,
      title: s.title ?? name,
      type: s.type,
      as,
      ...(playlist ? { playlist } : {}),
    });
  };
  for (const [name, s] of Object.entries(program.slots))
    if ((s.type === 'speech' || s.type === 'holiday-greeting') && s.media === item.id)
      slot(name, 'speech');
  const matching = new Set(
    Object.entries(program.playlists)
      .filter(([, p]) => p.tags.every((t) => item.tags.includes(t)))
      .map(([name]) => name),
  );
  for (const ref of playlistRefs(program))
    if (matching.has(ref.playlist)) slot(ref.slot, ref.as, ref.playlist);
  for (const e of calendar.events)
    if (e.scripts.some((s) => s.media === item.id))
      uses.push({ kind: 'event', name: e.name, ...dates(e) });
  for (const h of calendar.holidays)
    if (h.greeting?.media === item.id) uses.push({ kind: 'holiday', name: h.name });
  for (const p of promos)
    if (p.media === item.id)
      uses.push({
        kind: 'promo',
        id: p.id,
        title: p.title,
        merchant: p.merchant.name,
        retired: p.retired,
      });
  return uses;
}
