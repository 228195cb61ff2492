import { formatClock } from '../common/duration.ts';
import { knownTags, withTags, type MediaCatalogue } from '../media/catalogue.ts';
import { resolveClock } from './clock-expr.ts';
import { allOverlayCombinations, composeDay, rowId, type DayRow } from './compose.ts';
import { layerOf, type Program, type Slot } from './program-schema.ts';
import type { Calendar } from './calendar-schema.ts';
import type { VolumeConfig } from './volume-schema.ts';
import { checkCalendar } from './check-calendar.ts';
import { checkEventHours } from './calendar-marks-hours.ts';
import { checkRangeTags, checkVolumes } from './check-volume.ts';
import type { Promo } from './promo-schema.ts';
import type { Path } from './source.ts';

export type ScheduleFile = 'program' | 'calendar' | 'volume' | 'promos';

/** A problem in the schedules, pointed at by file and path; located to line:col by the caller. */
export interface Finding {
  file: ScheduleFile;
  path: Path;
  message: string;
  severity: 'error' | 'warning';
  /** Point at the key rather than its value (e.g. an unknown slot name). */
  atKey?: boolean;
  /** Carried to the located issue (see SourceIssue.code). */
  code?: string;
}

/**
 * The shortest `every` of an event announcement row. Each time plays every script `repeat`
 * times (twice in the seed), so anything shorter turns the row into a loop that drowns the
 * promos and the music, and `0s` would make no times at all: the seed announces every 30m.
 */
export const MIN_EVERY_MS = 5 * 60_000;
/**
 * Most announcement times one row may make: half-hourly over a whole day (or every 15m for
 * twelve hours). More is a row written wrong (`every: 5m` from opening to closing, 100-odd
 * announcements, each played twice), not a plan anyone meant.
 */
export const MAX_ANNOUNCEMENTS_PER_ROW = 48;

export interface Schedules {
  program: Program;
  calendar: Calendar;
  volume: VolumeConfig;
  promos: readonly Promo[];
}

/**
 * Everything about the schedules that a schema cannot see: references between files, times
 * that do not fit the day, overlaps, volumes outside the seed's ranges. Pure.
 */
export function checkSchedules(s: Schedules, catalogue: MediaCatalogue): Finding[] {
  const out: Finding[] = [];
  const error = (file: ScheduleFile, path: Path, message: string, atKey = false) =>
    out.push({ file, path, message, severity: 'error', atKey });
  const warn = (file: ScheduleFile, path: Path, message: string) =>
    out.push({ file, path, message, severity: 'warning' });
  const { program, calendar, volume, promos } = s;
  const tags = knownTags(catalogue);

  const media = (file: ScheduleFile, path: Path, id: string | undefined) => {
    if (id !== undefined && !catalogue.byId.has(id))
      error(file, path, `unknown media "${id}" (no audio file media/${id}.*)`);
  };
  const playlist = (path: Path, name: string | undefined) => {
    if (name !== undefined && !program.playlists[name])
      error(
        'program',
        path,
        `unknown playlist "${name}" (known: ${Object.keys(program.playlists).join(', ')})`,
      );
  };

  // Playlists select media by tag.
  for (const [name, p] of Object.entries(program.playlists)) {
    p.tags.forEach((tag, i) => {
      if (!tags.has(tag))
        error(
          'program',
          ['playlists', name, 'tags', i],
          `unknown media tag "${tag}" (known: ${[...tags].sort().join(', ')})`,
        );
    });
    if (p.tags.every((t) => tags.has(t)) && withTags(catalogue, p.tags).length === 0)
      error(
        'program',
        ['playlists', name, 'tags'],
        `no media carries all of the tags ${p.tags.join(', ')}`,
      );
  }

  // Slots and what they refer to.
  for (const [name, slot] of Object.entries(program.slots)) {
    const at = (...rest: PropertyKey[]) => ['slots', name, ...rest];
    switch (slot.type) {
      case 'music':
        playlist(at('playlist'), slot.playlist);
        break;
      case 'speech':
        media('program', at('media'), slot.media);
        if (!slot.media && !slot.text) error('program', at(), 'a speech slot needs media or text');
        break;
      case 'holiday-greeting':
        media('program', at('media'), slot.media);
        break;
      case 'weather':
        playlist(at('reminders'), slot.reminders);
        playlist(at('bed'), slot.bed);
        break;
      case 'promos':
        playlist(at('bed'), slot.bed);
        break;
      case 'event-announcement':
        break;
      default: {
        const never: never = slot;
        return never;
      }
    }
  }
  program.precedence.forEach((name, i) => {
    const slot = program.slots[name];
    if (!slot) error('program', ['precedence', i], `unknown slot "${name}"`);
    else if (slot.type === 'music' || slot.type === 'promos')
      error(
        'program',
        ['precedence', i],
        `"${name}" is not fixed speech; only speech, greetings, event announcements and weather take precedence`,
      );
  });

  // Rows: slots, time forms, ids.
  const dayTypeNames = ['normal', 'weekend', 'holiday', 'event'] as const;
  const normalIds = new Set(program.dayTypes.normal.items.map(rowId));
  const usedSlots = new Set<string>();
  for (const dt of dayTypeNames) {
    const items = program.dayTypes[dt].items;
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const at = (...rest: PropertyKey[]) => ['dayTypes', dt, 'items', i, ...rest];
      const id = rowId(item);
      if (seen.has(id))
        error('program', at(), `two items with the id "${id}": give each its own id`);
      seen.add(id);
      const slot = program.slots[item.slot];
      if (!slot) {
        error(
          'program',
          at('slot'),
          `unknown slot "${item.slot}" (known: ${Object.keys(program.slots).join(', ')})`,
        );
        return;
      }
      usedSlots.add(item.slot);
      timeForm(slot, item, (path, msg) => error('program', at(...path), msg));
      playlist(at('playlist'), item.playlist);
      if (item.playlist && slot.type !== 'music')
        error('program', at('playlist'), `only music slots take a playlist`);
    });
    if (dt !== 'normal')
      program.dayTypes[dt].remove.forEach((id, i) => {
        if (!normalIds.has(id))
          error('program', ['dayTypes', dt, 'remove', i], `no normal item has the id "${id}"`);
      });
  }
  for (const name of usedSlots) {
    const slot = program.slots[name] as Slot;
    if (
      layerOf(slot.type) === 'voice' &&
      slot.type !== 'promos' &&
      !program.precedence.includes(name)
    )
      error('program', ['precedence'], `"${name}" is fixed speech and needs a place in precedence`);
  }
  for (const [name, part] of Object.entries(program.dayParts)) {
    const anchors = program.dayTypes.normal;
    if (resolveClock(part.from, anchors) >= resolveClock(part.until, anchors))
      error('program', ['dayParts', name], `day part "${name}" ends before it starts`);
  }

  // Every kind of day the calendar can produce: times inside the day, no overlaps in a layer.
  const reported = new Set<string>();
  const once = (key: string, f: () => void) => {
    if (!reported.has(key)) {
      reported.add(key);
      f();
    }
  };
  const combos = allOverlayCombinations();
  const gaps = new Map<string, { row: DayRow; from: number; labels: string[] }>();
  for (const combo of combos) {
    const day = composeDay(program, combo);
    const label =
      day.dayTypes.length === 1 ? 'normal days' : `${day.dayTypes.slice(1).join('+')} days`;
    if (!(day.onAir <= day.opening && day.opening < day.closing)) {
      const where = combo.length
        ? ['dayTypes', combo[combo.length - 1] as string]
        : ['dayTypes', 'normal'];
      once(`anchors:${where.join('.')}`, () =>
        error(
          'program',
          where,
          `on ${label} onAir (${formatClock(day.onAir)}) ≤ opening (${formatClock(day.opening)}) < closing (${formatClock(day.closing)}) does not hold`,
        ),
      );
    }
    const bed: DayRow[] = [];
    const voice: DayRow[] = [];
    for (const row of day.rows) {
      const slot = program.slots[row.slot];
      if (!slot) continue;
      const times = [row.at, row.from, row.until].filter((t): t is number => t !== undefined);
      for (const t of times) {
        if (t < day.onAir || t > day.closing || (row.at === t && t === day.closing))
          once(`range:${row.origin.join('.')}:${t}`, () =>
            error(
              'program',
              row.origin,
              `${row.id} at ${formatClock(t)} is outside the broadcast day ${formatClock(day.onAir)}–${formatClock(day.closing)} on ${label}`,
            ),
          );
      }
      if (row.from === undefined || row.until === undefined) continue;
      if (row.from >= row.until) continue; // reported by timeForm
      if (
        slot.type === 'event-announcement' &&
        row.every !== undefined &&
        row.every >= MIN_EVERY_MS
      ) {
        const times = Math.ceil((row.until - row.from) / row.every);
        if (times > MAX_ANNOUNCEMENTS_PER_ROW)
          once(`times:${row.origin.join('.')}`, () =>
            error(
              'program',
              [...row.origin, 'every'],
              `${row.id} announces ${times} times (${span(row)} every ${describeMs(row.every as number)}) on ${label}: at most ${MAX_ANNOUNCEMENTS_PER_ROW}; give a longer every or a shorter stretch`,
            ),
          );
      }
      if (
        slot.type === 'music' ||
        ((slot.type === 'promos' || slot.type === 'weather') && slot.bed)
      )
        bed.push(row);
      if (slot.type === 'promos' || slot.type === 'weather') voice.push(row);
    }
    for (const [layer, rows] of [
      ['bed', bed],
      ['voice', voice],
    ] as const) {
      const sorted = [...rows].sort((a, b) => (a.from as number) - (b.from as number));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1] as DayRow;
        const row = sorted[i] as DayRow;
        if ((row.from as number) < (prev.until as number))
          once(`overlap:${row.origin.join('.')}:${prev.origin.join('.')}`, () =>
            error(
              'program',
              row.origin,
              `${row.id} (${span(row)}) overlaps ${prev.id} (${span(prev)}) on the ${layer} layer on ${label}`,
            ),
          );
      }
      if (layer === 'bed') {
        let cursor = day.opening;
        for (const row of sorted) {
          if ((row.from as number) > cursor && cursor < day.closing) {
            const key = `${row.origin.join('.')}:${cursor}:${row.from}`;
            gaps.set(key, { row, from: cursor, labels: [...(gaps.get(key)?.labels ?? []), label] });
          }
          cursor = Math.max(cursor, row.until as number);
        }
      }
    }
  }
  for (const { row, from, labels } of gaps.values()) {
    const on = labels.length === combos.length ? 'every kind of day' : labels.join(', ');
    warn(
      'program',
      row.origin,
      `no music ${formatClock(from)}–${formatClock(row.from as number)} while the mall is open (${on})`,
    );
  }

  checkVolumes(s, catalogue, error);
  checkCalendar(calendar, catalogue, error);
  checkEventHours(program, calendar, error);
  for (const [name, r] of Object.entries(volume.ranges))
    r.slots.forEach((slot, i) => {
      if (!program.slots[slot])
        error('volume', ['ranges', name, 'slots', i], `unknown slot "${slot}"`);
    });
  checkRangeTags(volume, tags, error);

  const promoIds = new Set<string>();
  promos.forEach((p, i) => {
    if (promoIds.has(p.id))
      error('promos', ['promos', i, 'id'], `two promos with the id "${p.id}"`);
    promoIds.add(p.id);
    media('promos', ['promos', i, 'media'], p.media);
    p.dayParts?.forEach((name, j) => {
      if (!program.dayParts[name])
        error(
          'promos',
          ['promos', i, 'dayParts', j],
          `unknown day part "${name}" (known: ${Object.keys(program.dayParts).join(', ') || 'none'})`,
        );
    });
  });
  return out;
}

/** `30s`, `5m`, `1h30m`: a duration as the program files write it. */
export function describeMs(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return text || '0s';
}

function span(row: DayRow): string {
  return `${formatClock(row.from as number)}–${formatClock(row.until as number)}`;
}

type Report = (path: Path, message: string) => void;
/** Reports an error in one of the files at a path. */
export type ErrorAt = (file: ScheduleFile, path: Path, message: string) => void;

function timeForm(
  slot: Slot,
  item: Program['dayTypes']['normal']['items'][number],
  report: Report,
): void {
  const window = item.from !== undefined || item.until !== undefined;
  switch (slot.type) {
    case 'music':
    case 'promos':
    case 'weather':
      if (item.at !== undefined)
        report(
          ['at'],
          `a ${slot.type} slot plays over a stretch of time: give from and until, not at`,
        );
      else if (item.from === undefined || item.until === undefined)
        report([], `give both from and until`);
      if (item.every !== undefined) report(['every'], `every is only for event announcements`);
      break;
    case 'speech':
    case 'holiday-greeting':
      if (item.at === undefined) report([], `a ${slot.type} slot speaks at a time: give at`);
      if (window) report([item.from !== undefined ? 'from' : 'until'], `give at, not from/until`);
      break;
    case 'event-announcement':
      if (
        item.at === undefined &&
        (item.from === undefined || item.until === undefined || item.every === undefined)
      )
        report([], `give at, or from, until and every`);
      if (item.every !== undefined && item.every < MIN_EVERY_MS)
        report(
          ['every'],
          `every ${describeMs(item.every)} is too short: announce an event at most every ${describeMs(MIN_EVERY_MS)} (the seed: every 30m)`,
        );
      break;
    default: {
      const never: never = slot;
      return never;
    }
  }
  const a = item.from;
  const b = item.until;
  if (
    a &&
    b &&
    a.kind === b.kind &&
    a.kind === 'clock' &&
    b.kind === 'clock' &&
    a.msOfDay >= b.msOfDay
  )
    report(
      ['until'],
      `until (${formatClock(b.msOfDay)}) is not after from (${formatClock(a.msOfDay)})`,
    );
}
