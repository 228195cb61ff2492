import { formatClock } from '../common/duration.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { MediaItem } from '../media/catalogue.ts';
import type { PlanInputs } from './compile.ts';
import type { ComposedDay, DayRow } from './compose.ts';
import { resolveClock } from './clock-expr.ts';
import type { PlanItem } from '../../core/plan.ts';
import { playlistCursor } from './playlist-cursor.ts';
import type { Slot } from './program-schema.ts';
import type { Promo } from './promo-schema.ts';
import type { Spoken } from './spoken.ts';
import { voiceTimeline, type VoiceTimeline } from './voice-timeline.ts';
import { levelFor, levelToGain } from './volume.ts';

/** A play being placed, in epoch milliseconds; formatted into a PlanItem at the end. */
export interface Play {
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

/** The working state of one compilation; never outlives compileDayPlan. */
export class DayContext {
  readonly plays: Play[] = [];
  readonly warnings: string[] = [];
  private readonly _cursors = new Map<string, () => MediaItem | undefined>();
  readonly voice: VoiceTimeline;
  readonly beds: { start: number; end: number }[] = [];
  private readonly _levels = new Map<string, Map<readonly string[] | undefined, number>>();
  private readonly _gains = new Map<number, number>();

  constructor(
    readonly inputs: PlanInputs,
    readonly date: IsoDate,
    readonly day: ComposedDay,
    readonly at: (msOfDay: number) => number,
  ) {
    this.voice = voiceTimeline(inputs.program.voiceGap);
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
    const start = this.at(row.from);
    const end = this.at(row.until);
    const next = this._cursor(playlistName);
    const fadeOut = slot.type === 'music' ? slot.fadeOut : 3000;
    this.beds.push({ start, end });
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
      const level = this.level(row.slot, 'music', track.tags, explicit);
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
    if (play.layer === 'voice' && this.beds.some((b) => b.start < play.end && play.start < b.end))
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
      const playlist = this.inputs.program.playlists[name];
      cursor = playlist
        ? playlistCursor(this.inputs.catalogue, playlist, `${this.date}:${name}`)
        : () => undefined;
      this._cursors.set(name, cursor);
    }
    return cursor;
  }

  private _gain(level: number): number {
    let gain = this._gains.get(level);
    if (gain === undefined)
      this._gains.set(level, (gain = levelToGain(this.inputs.volume.scale, level)));
    return gain;
  }

  /** Levels asked for again and again (every track of a block): cached by slot, then by tags. */
  level(
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
      level = levelFor(this.inputs.volume, {
        slot,
        kind,
        ...(tags ? { tags } : {}),
        ...(explicit !== undefined ? { explicit } : {}),
      }).level;
      byTags.set(tags, level);
    }
    return level;
  }

  dayParts(): Map<string, { start: number; end: number }> {
    const out = new Map<string, { start: number; end: number }>();
    for (const [name, part] of Object.entries(this.inputs.program.dayParts)) {
      out.set(name, {
        start: this.at(resolveClock(part.from, this.day)),
        end: this.at(resolveClock(part.until, this.day)),
      });
    }
    return out;
  }

  speechPlay(
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

  playlistOnce(name: string): MediaItem[] {
    const playlist = this.inputs.program.playlists[name];
    if (!playlist) return [];
    const next = playlistCursor(this.inputs.catalogue, playlist, `${this.date}:${name}`);
    const seen = new Set<string>();
    const out: MediaItem[] = [];
    for (let m = next(); m && !seen.has(m.id); m = next()) {
      seen.add(m.id);
      out.push(m);
    }
    return out;
  }
}
