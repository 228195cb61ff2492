import { formatClock } from '../common/duration.ts';
import { weekdayOf, zonedDay, type IsoDate } from '../common/zoned-time.ts';
import type { MediaCatalogue, MediaItem } from '../media/catalogue.ts';
import type { Calendar } from './calendar-schema.ts';
import { resolveDay } from './calendar.ts';
import { resolveClock } from './clock-expr.ts';
import { composeDay, type ComposedDay, type DayRow } from './compose.ts';
import type { DayPlan, PlanItem } from './plan.ts';
import { playlistCursor } from './playlist-cursor.ts';
import type { Program, Slot } from './program-schema.ts';
import { promoRotation, promoValidOn } from './promo-rotation.ts';
import type { Promo } from './promo-schema.ts';
import { spoken, spokenText, weatherText, type Forecast, type Spoken } from './spoken.ts';
import { voiceTimeline, type VoiceTimeline } from './voice-timeline.ts';
import { levelFor, levelToGain } from './volume.ts';
import type { VolumeConfig } from './volume-schema.ts';

/** Everything a day plan is computed from. Same inputs, same plan, byte for byte. */
export interface PlanInputs {
  program: Program;
  calendar: Calendar;
  volume: VolumeConfig;
  catalogue: MediaCatalogue;
  promos: readonly Promo[];
}

export interface PlanOptions {
  /** The day's weather; `null` or absent means "no forecast". */
  forecast?: Forecast | null;
}

/** A play being placed, in epoch milliseconds; formatted into a PlanItem at the end. */
interface Play {
  start: number;
  end: number;
  layer: 'bed' | 'voice';
  slot: string;
  kind: PlanItem['kind'];
  title: string;
  level: number;
  row: string;
  media?: MediaItem;
  text?: string;
  estimated?: boolean;
  fadeOutMs?: number;
  cut?: boolean;
  shiftedFrom?: number;
  promo?: Promo;
}

/** How late a displaced fixed item may still start, unless its row says. */
const DEFAULT_WINDOW_MS = 10 * 60_000;

/** Computes the plan of one date. Pure: no clock, no files, no host zone. */
export function compileDayPlan(
  inputs: PlanInputs,
  date: IsoDate,
  options: PlanOptions = {},
): DayPlan {
  const { program, calendar } = inputs;
  const zone = calendarZone(calendar);
  const day = resolveDay(calendar, date);
  const base = { date, timezone: zone, events: [] as string[], warnings: [] as string[] };
  if (day.closed) {
    const warnings = day.note ? [`closed: ${day.note}`] : [];
    return {
      ...base,
      dayType: 'closed',
      dayTypes: ['closed'],
      makeupWorkday: false,
      items: [],
      warnings,
    };
  }

  const composed = composeDay(program, day.overlays);
  const local = zonedDay(zone, date);
  const ctx = new DayContext(inputs, date, composed, local.toInstant);

  for (const row of composed.rows) {
    const slot = program.slots[row.slot];
    if (!slot) continue;
    switch (slot.type) {
      case 'music':
        ctx.fillBed(
          row,
          slot,
          row.playlist ?? slot.playlist,
          row.volume ?? slot.volume,
          row.id,
          'music',
        );
        break;
      case 'promos':
      case 'weather':
        if (slot.bed) ctx.fillBed(row, slot, slot.bed, undefined, `${row.id}/bed`, 'music');
        break;
      case 'speech':
      case 'holiday-greeting':
      case 'event-announcement':
        break;
      default: {
        const never: never = slot;
        throw new Error(`unhandled slot ${String(never)}`);
      }
    }
  }
  ctx.placeFixedSpeech(day.holiday, day.events, options.forecast ?? null);
  ctx.fillPromos();

  const counts = new Map<string, number>();
  const items = ctx.plays
    .sort((a, b) => a.start - b.start || (a.layer === b.layer ? 0 : a.layer === 'bed' ? -1 : 1))
    .map((play) => {
      // `row#1`, `row#2`… in the order the row's plays appear.
      const n = (counts.get(play.row) ?? 0) + 1;
      counts.set(play.row, n);
      return ctx.toItem(play, `${play.row}#${n}`, local.format);
    });
  const top = composed.dayTypes[composed.dayTypes.length - 1] ?? 'normal';
  const clock = (ms: number) => local.format(local.toInstant(ms));
  return {
    ...base,
    dayType: top,
    dayTypes: composed.dayTypes,
    makeupWorkday: day.makeupWorkday,
    ...(day.holiday ? { holiday: day.holiday.name } : {}),
    events: day.events.map((e) => e.name),
    onAir: clock(composed.onAir),
    opening: clock(composed.opening),
    closing: clock(composed.closing),
    items,
    warnings: ctx.warnings,
  };
}

export function calendarZone(calendar: Calendar): string {
  return calendar.timezone;
}

/** The working state of one compilation; never outlives compileDayPlan. */
class DayContext {
  readonly plays: Play[] = [];
  readonly warnings: string[] = [];
  private readonly _cursors = new Map<string, () => MediaItem | undefined>();
  private readonly _voice: VoiceTimeline;
  private readonly _beds: { start: number; end: number }[] = [];
  private readonly _levels = new Map<string, Map<readonly string[] | undefined, number>>();
  private readonly _gains = new Map<number, number>();

  constructor(
    private readonly _inputs: PlanInputs,
    private readonly _date: IsoDate,
    private readonly _day: ComposedDay,
    private readonly _at: (msOfDay: number) => number,
  ) {
    this._voice = voiceTimeline(_inputs.program.voiceGap);
  }

  fillBed(
    row: DayRow,
    slot: Slot,
    playlistName: string,
    explicit: number | undefined,
    rowId: string,
    kind: 'music',
  ): void {
    if (row.from === undefined || row.until === undefined) return;
    const start = this._at(row.from);
    const end = this._at(row.until);
    const next = this._cursor(playlistName);
    const fadeOut = slot.type === 'music' ? slot.fadeOut : 3000;
    this._beds.push({ start, end });
    for (let t = start; t < end;) {
      const track = next();
      if (!track) {
        this.warnings.push(
          `${row.id}: playlist "${playlistName}" has no media; ${formatClock(row.from)} stays silent`,
        );
        return;
      }
      const trackEnd = t + track.durationMs;
      const cut = trackEnd > end;
      const level = this._level(row.slot, 'music', track.tags, explicit);
      this.plays.push({
        start: t,
        end: cut ? end : trackEnd,
        layer: 'bed',
        slot: row.slot,
        kind,
        title: track.title,
        level,
        row: rowId,
        media: track,
        ...(cut ? { cut: true, fadeOutMs: Math.min(fadeOut, end - t) } : {}),
      });
      t = cut ? end : trackEnd;
    }
  }

  /** Fixed speech by precedence: the higher keeps its time, the lower follows it in its window. */
  placeFixedSpeech(holiday: DayHoliday, events: DayEvents, forecast: Forecast | null): void {
    const { program } = this._inputs;
    const rank = (slot: string) => {
      const i = program.precedence.indexOf(slot);
      return i === -1 ? program.precedence.length : i;
    };
    const groups = this._day.rows
      .flatMap((row) => this._groupsOf(row, holiday, events, forecast))
      .sort((a, b) => rank(a.row.slot) - rank(b.row.slot) || a.desired - b.desired);
    for (const g of groups) this._placeGroup(g);
  }

  /** Promo windows take what the fixed speech left, play after play, in rotation. */
  fillPromos(): void {
    const { program, promos } = this._inputs;
    const today = promos.filter((p) => promoValidOn(p, this._date));
    const pick = promoRotation(today, this._date);
    const dayParts = this._dayParts();
    const catalogue = this._inputs.catalogue;
    const content = new Map(
      today.map((p) => {
        const title = `${p.merchant.name}：${p.title}`;
        return [p.id, spoken(catalogue, { ...p, title }, title)];
      }),
    );
    for (const row of this._day.rows) {
      const slot = program.slots[row.slot];
      if (slot?.type !== 'promos' || row.from === undefined || row.until === undefined) continue;
      const end = this._at(row.until);
      let placed = 0;
      for (let t = this._at(row.from); t < end;) {
        const inPart = (p: Promo) =>
          !p.dayParts ||
          p.dayParts.some((name) => {
            const part = dayParts.get(name);
            return part !== undefined && part.start <= t && t < part.end;
          });
        const free = this._voice.firstFree(t, 0, end);
        if (free === undefined) break;
        t = free;
        const limit = Math.min(end, this._voice.nextStart(t) - program.voiceGap);
        const promo = pick(
          (p) => inPart(p) && content.get(p.id) !== undefined,
          (p) => t + (content.get(p.id)?.durationMs ?? Infinity) <= limit,
        );
        if (!promo) {
          const after = this._voice.nextAfter(t);
          if (!after || after.start >= end) break;
          t = after.end + program.voiceGap;
          continue;
        }
        const said = content.get(promo.id) as Spoken;
        const level = this._level(row.slot, 'speech', said.media?.tags, row.volume ?? slot.volume);
        this.plays.push({ ...this._speechPlay(row, said, t, level, 'promo'), promo });
        this._voice.occupy(t, t + said.durationMs);
        placed++;
        t += said.durationMs + slot.gap;
      }
      if (placed === 0)
        this.warnings.push(
          `${row.id}: no promo is valid in ${formatClock(row.from)}–${formatClock(row.until)}`,
        );
    }
  }

  toItem(play: Play, id: string, format: (ms: number) => string): PlanItem {
    const item: PlanItem = {
      id,
      start: format(play.start),
      end: format(play.end),
      layer: play.layer,
      slot: play.slot,
      kind: play.kind,
      title: play.title,
      volume: play.level,
      gain: this._gain(play.level),
      durationMs: play.end - play.start,
      row: play.row,
    };
    if (play.media) item.media = { id: play.media.id, file: play.media.file };
    if (play.text !== undefined) item.text = play.text;
    if (play.estimated) item.estimated = true;
    if (play.fadeOutMs !== undefined) item.fadeOutMs = play.fadeOutMs;
    if (play.cut) item.cut = true;
    if (play.layer === 'voice' && this._beds.some((b) => b.start < play.end && play.start < b.end))
      item.ducks = true;
    if (play.shiftedFrom !== undefined) item.shiftedFrom = format(play.shiftedFrom);
    if (play.promo) {
      const m = play.promo.merchant;
      item.promo = {
        id: play.promo.id,
        merchant: m.name,
        floor: m.floor,
        ...(m.unit ? { unit: m.unit } : {}),
      };
    }
    return item;
  }

  private _cursor(name: string): () => MediaItem | undefined {
    let cursor = this._cursors.get(name);
    if (!cursor) {
      const playlist = this._inputs.program.playlists[name];
      cursor = playlist
        ? playlistCursor(this._inputs.catalogue, playlist, `${this._date}:${name}`)
        : () => undefined;
      this._cursors.set(name, cursor);
    }
    return cursor;
  }

  private _gain(level: number): number {
    let gain = this._gains.get(level);
    if (gain === undefined)
      this._gains.set(level, (gain = levelToGain(this._inputs.volume.scale, level)));
    return gain;
  }

  /** Levels asked for again and again (every track of a block): cached by slot, then by tags. */
  private _level(
    slot: string,
    kind: 'music' | 'speech',
    tags: readonly string[] | undefined,
    explicit: number | undefined,
  ): number {
    const key = `${slot}|${kind}|${explicit}`;
    let byTags = this._levels.get(key);
    if (!byTags) this._levels.set(key, (byTags = new Map()));
    let level = byTags.get(tags);
    if (level === undefined) {
      level = levelFor(this._inputs.volume, {
        slot,
        kind,
        ...(tags ? { tags } : {}),
        ...(explicit !== undefined ? { explicit } : {}),
      }).level;
      byTags.set(tags, level);
    }
    return level;
  }

  private _dayParts(): Map<string, { start: number; end: number }> {
    const out = new Map<string, { start: number; end: number }>();
    for (const [name, part] of Object.entries(this._inputs.program.dayParts)) {
      out.set(name, {
        start: this._at(resolveClock(part.from, this._day)),
        end: this._at(resolveClock(part.until, this._day)),
      });
    }
    return out;
  }

  private _speechPlay(
    row: DayRow,
    said: Spoken,
    start: number,
    level: number,
    kind: PlanItem['kind'],
  ): Play {
    return {
      start,
      end: start + said.durationMs,
      layer: 'voice',
      slot: row.slot,
      kind,
      title: said.title,
      level,
      row: row.id,
      ...(said.media ? { media: said.media } : { text: said.text as string, estimated: true }),
    };
  }

  private _groupsOf(
    row: DayRow,
    holiday: DayHoliday,
    events: DayEvents,
    forecast: Forecast | null,
  ): SpeechGroup[] {
    const slot = this._inputs.program.slots[row.slot];
    const catalogue = this._inputs.catalogue;
    if (!slot) return [];
    const title = slot.title ?? row.slot;
    const windowMs = row.window ?? DEFAULT_WINDOW_MS;
    const point = (said: Spoken | undefined, reps = 1): SpeechGroup[] =>
      said && row.at !== undefined
        ? [
            {
              row,
              desired: this._at(row.at),
              latest: this._at(row.at) + windowMs,
              parts: Array(reps).fill(said),
              volume: row.volume ?? slot.volume,
            },
          ]
        : [];
    switch (slot.type) {
      case 'speech':
        return point(spoken(catalogue, slot, title));
      case 'holiday-greeting': {
        if (!holiday) return [];
        const own =
          holiday.greeting && spoken(catalogue, holiday.greeting, `${holiday.name}祝福语`);
        return point(own || spoken(catalogue, slot, title));
      }
      case 'event-announcement': {
        const scripts = events.flatMap((e) =>
          e.scripts.map((s) => ({ s, repeat: e.repeat ?? slot.repeat, name: e.name })),
        );
        if (scripts.length === 0) return [];
        const times =
          row.at !== undefined
            ? [row.at]
            : row.from !== undefined && row.until !== undefined && row.every
              ? Array.from(
                  { length: Math.ceil((row.until - row.from) / row.every) },
                  (_, i) => (row.from as number) + i * (row.every as number),
                )
              : [];
        return times.flatMap((ms, i) => {
          const { s, repeat, name } = scripts[i % scripts.length] as (typeof scripts)[number];
          const said = spoken(catalogue, s, `${name}：活动信息`);
          if (!said) return [];
          const desired = this._at(ms);
          const latest = desired + (row.window ?? row.every ?? windowMs);
          return [
            {
              row,
              desired,
              latest,
              parts: Array(repeat).fill(said),
              volume: row.volume ?? slot.volume,
            },
          ];
        });
      }
      case 'weather': {
        if (row.from === undefined || row.until === undefined) return [];
        const text = forecast
          ? weatherText(slot.template, this._date, weekdayOf(this._date), forecast)
          : slot.noForecast;
        const parts: Spoken[] = [];
        if (text)
          parts.push(spokenText(forecast ? `天气预报：${forecast.condition}` : '天气预报', text));
        const reminders = slot.reminders ? this._playlistOnce(slot.reminders) : [];
        parts.push(
          ...reminders.map((m) => ({
            title: m.title,
            media: m,
            durationMs: m.durationMs,
            estimated: false,
          })),
        );
        const start = this._at(row.from);
        return [
          {
            row,
            desired: start,
            latest: this._at(row.until),
            endBy: this._at(row.until),
            parts,
            volume: row.volume ?? slot.volume,
            partial: true,
          },
        ];
      }
      case 'music':
      case 'promos':
        return [];
      default: {
        const never: never = slot;
        return never;
      }
    }
  }

  private _playlistOnce(name: string): MediaItem[] {
    const playlist = this._inputs.program.playlists[name];
    if (!playlist) return [];
    const next = playlistCursor(this._inputs.catalogue, playlist, `${this._date}:${name}`);
    const seen = new Set<string>();
    const out: MediaItem[] = [];
    for (let m = next(); m && !seen.has(m.id); m = next()) {
      seen.add(m.id);
      out.push(m);
    }
    return out;
  }

  private _placeGroup(g: SpeechGroup): void {
    const gap = this._inputs.program.voiceGap;
    const kind = (said: Spoken): PlanItem['kind'] =>
      g.row.slot === 'weather' && said.text !== undefined ? 'weather' : 'speech';
    const level = (said: Spoken) => this._level(g.row.slot, 'speech', said.media?.tags, g.volume);
    const when = formatClock(g.desired - this._at(0));
    if (g.partial) {
      // The weather window: each part in turn, as long as it fits before the window closes.
      let t = g.desired;
      for (const said of g.parts) {
        const s = this._voice.firstFree(t, said.durationMs, g.latest, g.endBy);
        if (s === undefined) {
          this.warnings.push(
            `${g.row.id}: "${said.title}" does not fit before ${formatClock(g.latest - this._at(0))}`,
          );
          continue;
        }
        this.plays.push({
          ...this._speechPlay(g.row, said, s, level(said), kind(said)),
          ...(s !== g.desired && t === g.desired ? { shiftedFrom: g.desired } : {}),
        });
        this._voice.occupy(s, s + said.durationMs);
        t = s + said.durationMs + gap;
      }
      return;
    }
    const total = g.parts.reduce((sum, p) => sum + p.durationMs, 0) + gap * (g.parts.length - 1);
    const s = this._voice.firstFree(g.desired, total, g.latest, g.endBy);
    if (s === undefined) {
      this.warnings.push(
        `${g.row.id} at ${when}: left out, no room before ${formatClock(g.latest - this._at(0))}`,
      );
      return;
    }
    let t = s;
    for (const said of g.parts) {
      this.plays.push({
        ...this._speechPlay(g.row, said, t, level(said), kind(said)),
        ...(s !== g.desired ? { shiftedFrom: g.desired } : {}),
      });
      t += said.durationMs + gap;
    }
    this._voice.occupy(s, s + total);
  }
}

type DayHoliday = Calendar['holidays'][number] | undefined;
type DayEvents = Calendar['events'];

interface SpeechGroup {
  row: DayRow;
  desired: number;
  latest: number;
  endBy?: number;
  parts: Spoken[];
  volume: number | undefined;
  /** Parts may be left out one by one (the weather window) rather than all or nothing. */
  partial?: boolean;
}
