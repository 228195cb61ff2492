import { nextAfter, playKey, timelineOf, within, type TimedItem } from '../../../core/timeline.ts';
import type { AudioEngine, Sounding } from '../audio/audio-engine.ts';
import type { MediaLoader } from '../audio/media-loader.ts';
import type { ClockSync } from '../lib/clock-sync.ts';
import { AnnouncementPlayer } from './announcement-player.ts';
import type { Announcement } from './announcement-queue.ts';
import type { PlanStore } from './plan-store.ts';
import type { PlayLog, PlayReport } from './play-log.ts';

/** Scheduled on the audio clock this far ahead; decoded this far ahead. */
const SCHEDULE_AHEAD_MS = 3000;
const DECODE_AHEAD_MS = 90_000;
/** A bed item joined mid-way (a reload, after an emergency) fades in rather than jumping in. */
const JOIN_FADE_MS = 400;
const MAX_STARTS_KEPT = 2000;

interface Active {
  item: TimedItem;
  sounding: Sounding;
  signature: string;
  /** Reported once it has really begun: a play stopped before its start never happened. */
  start?: StartRecord;
  started: boolean;
}

export interface PlayerStatus {
  bed?: { item: TimedItem; progress: number };
  voice?: { item: TimedItem; progress: number };
  announcement?: Announcement;
  next?: TimedItem;
  queued: number;
}

/** Everything that was started, with its planned and actual instants, for tests and the bench. */
export interface StartRecord {
  key: string;
  slot: string;
  layer: string;
  plannedMs: number;
  actualMs: number;
  /** Seconds into the file it started at (more than 0 when joined mid-item). */
  offsetS: number;
}

const signature = (i: TimedItem) => `${i.startMs}|${i.endMs}|${i.media?.file ?? i.text ?? ''}`;
/**
 * A play as the plan has it now: an edit that moves an item or changes its file makes a new
 * play under the same id, which must not be taken for the one already played or decoded.
 */
const playOf = (i: TimedItem) => `${playKey(i)}|${signature(i)}`;

/**
 * The kiosk's brain: keeps the audio engine playing the plan, on time, around announcements
 * (announcement-player.ts), through missing files, and logs every play. It holds no timers of
 * its own; the page calls `tick()` a few times a second.
 */
export class Player {
  deviceId: number | undefined;
  readonly starts: StartRecord[] = [];
  private _timeline: TimedItem[] = [];
  /** What is sounding, by item (date/id). */
  private readonly _active = new Map<string, Active>();
  /** Plays over (played, skipped, failed), decoded, failing and loading: by `playOf`. */
  private readonly _done = new Set<string>();
  private readonly _ready = new Map<string, AudioBuffer>();
  private readonly _failed = new Set<string>();
  private readonly _loading = new Set<string>();
  private readonly _speechUrls = new Map<string, string>();
  private readonly _announcements: AnnouncementPlayer;
  private _lastBed?: AudioBuffer;
  private _duckKey = '';

  constructor(
    private readonly _engine: AudioEngine,
    private readonly _loader: MediaLoader,
    private readonly _clock: ClockSync,
    private readonly _plans: PlanStore,
    private readonly _log: PlayLog,
  ) {
    this._announcements = new AnnouncementPlayer(_engine, _loader, _clock, _plans, _log, {
      speaking: () => [...this._active.values()].some((x) => x.item.layer === 'voice'),
      interrupt: (a) => this._interrupt(a),
      started: (record) => this._record(record),
    });
  }

  /** Announcements waiting their turn. */
  get queue() {
    return this._announcements.queue;
  }

  /** Takes the plans as they are now; plays that changed are stopped and started anew. */
  setPlans(): void {
    this._timeline = timelineOf(this._plans.plans);
    // The page runs for months: forget plays of days no longer held.
    const dates = new Set(this._plans.plans.map((p) => p.date));
    for (const key of this._done) if (!dates.has(key.slice(0, 10))) this._done.delete(key);
    const byKey = new Map(this._timeline.map((i) => [playKey(i), i]));
    for (const [key, a] of this._active) {
      const now = byKey.get(key);
      if (!now || signature(now) !== a.signature) {
        a.sounding.stop();
        this._active.delete(key);
      }
    }
  }

  announce(a: Announcement): void {
    this._announcements.announce(a, this.deviceId);
  }

  cancelAnnouncement(id: number): void {
    this._announcements.cancel(id);
  }

  status(): PlayerStatus {
    const now = this._clock.now();
    const progress = (i: TimedItem) =>
      Math.min(1, Math.max(0, (now - i.startMs) / (i.endMs - i.startMs)));
    const current = (layer: string) =>
      [...this._active.values()]
        .map((a) => a.item)
        .find((i) => i.layer === layer && i.startMs <= now && now < i.endMs);
    const next = nextAfter(this._timeline, now);
    const bed = current('bed');
    const voice = current('voice');
    const announcement = this._announcements.current;
    return {
      ...(bed ? { bed: { item: bed, progress: progress(bed) } } : {}),
      ...(voice ? { voice: { item: voice, progress: progress(voice) } } : {}),
      ...(announcement ? { announcement } : {}),
      ...(next ? { next } : {}),
      queued: this.queue.size,
    };
  }

  tick(): void {
    if (!this._engine.running) return;
    const now = this._clock.now();
    this._announcements.tick(now);
    this._reportStarts();
    for (const item of within(this._timeline, now, now + DECODE_AHEAD_MS)) void this._prepare(item);
    for (const item of within(this._timeline, now, now + SCHEDULE_AHEAD_MS))
      this._schedule(item, now);
    this._duck();
  }

  /** The audio of an item: its media file, or its text rendered to speech by the server. */
  private async _urlOf(item: TimedItem): Promise<string | undefined> {
    if (item.media) return `/media/${item.media.file}`;
    if (!item.text) return undefined;
    const known = this._speechUrls.get(item.text);
    if (known) return known;
    const res = await this._loader.fetchCached(`/api/speech?text=${encodeURIComponent(item.text)}`);
    const { url } = (await res.json()) as { url: string };
    this._speechUrls.set(item.text, url);
    return url;
  }

  private async _prepare(item: TimedItem): Promise<void> {
    const key = playOf(item);
    if (this._ready.has(key) || this._failed.has(key) || this._loading.has(key)) return;
    this._loading.add(key);
    try {
      const url = await this._urlOf(item);
      if (!url) throw new Error('nothing to play');
      this._ready.set(key, await this._loader.decode(url));
    } catch (err) {
      this._failed.add(key);
      console.warn(`cannot play ${item.id} (${item.title}): ${(err as Error).message}`);
    } finally {
      this._loading.delete(key);
    }
  }

  private _schedule(item: TimedItem, now: number): void {
    const key = playOf(item);
    if (this._active.has(playKey(item)) || this._done.has(key)) return;
    if (this._announcements.blocks(item)) {
      // Speech whose moment passes during an announcement is not played late; music waits.
      if (item.layer === 'voice') this._skip(item, 'skipped', 'an announcement was playing');
      return;
    }
    if (this._failed.has(key)) {
      this._skip(item, 'failed', 'file missing or not playable');
      if (item.layer === 'bed') this._fallback(item, now);
      return;
    }
    const buffer = this._ready.get(key);
    if (!buffer) {
      // Not decoded in time: the last music fills in after two seconds; with none yet (a page
      // just loaded or unlocked mid-song) the item itself joins at its offset once decoded.
      if (item.layer === 'bed' && now > item.startMs + 2000 && this._lastBed)
        this._fallback(item, now);
      return;
    }
    this._play(item, buffer, now);
  }

  private _play(item: TimedItem, buffer: AudioBuffer, now: number, fallback = false): void {
    const key = playKey(item);
    const when = this._engine.audioTimeOf(this._clock.toLocal(item.startMs));
    const joined = now > item.startMs + 50;
    const sounding = this._engine.play(buffer, {
      bus: item.layer,
      when,
      offset: 0,
      gain: item.gain,
      ...(joined && item.layer === 'bed'
        ? { fadeInMs: JOIN_FADE_MS }
        : item.fadeInMs
          ? { fadeInMs: item.fadeInMs }
          : {}),
      ...(item.fadeOutMs ? { fadeOutMs: item.fadeOutMs } : {}),
      // A bed item never runs into the next slot; speech is never cut mid-sentence.
      ...(item.layer === 'bed'
        ? { stopAt: this._engine.audioTimeOf(this._clock.toLocal(item.endMs)) }
        : {}),
    });
    if (item.layer === 'bed') this._lastBed = buffer;
    // Seconds into the file: more than 0 when joined mid-item (a reload, after an emergency).
    const offsetS = Math.max(0, sounding.startsAt - when);
    const actualMs = this._engine.epochOf(sounding.startsAt) + this._clock.offsetMs;
    const start = fallback
      ? undefined
      : { key, slot: item.slot, layer: item.layer, plannedMs: item.startMs, actualMs, offsetS };
    this._active.set(key, {
      item,
      sounding,
      signature: signature(item),
      started: false,
      ...(start ? { start } : {}),
    });
    void sounding.ended.then(() => {
      const active = this._active.get(key);
      if (active?.sounding !== sounding) return;
      this._active.delete(key);
      this._done.add(playOf(item));
      this._ready.delete(playOf(item));
      if (active.started) this._report(item, 'ended', item.endMs, this._clock.now());
    });
  }

  /** Stops what an announcement interrupts; the music comes back at its offset afterwards. */
  private _interrupt(a: Announcement): void {
    for (const [key, x] of this._active) {
      if (a.priority !== 'emergency' && x.item.layer !== 'voice') continue;
      x.sounding.stop();
      this._active.delete(key);
      // Interrupted speech is not played again; it counts as skipped.
      if (x.item.layer === 'voice')
        this._skip(x.item, 'skipped', `interrupted by a ${a.priority} announcement`);
    }
  }

  /** Kept for the status and for the bench; bounded so a page open for months does not grow. */
  private _record(start: StartRecord): void {
    this.starts.push(start);
    if (this.starts.length > MAX_STARTS_KEPT)
      this.starts.splice(0, this.starts.length - MAX_STARTS_KEPT);
  }

  /** Plays that have begun since the last tick go into the log, with when they really began. */
  private _reportStarts(): void {
    const t = this._engine.ctx.currentTime;
    for (const a of this._active.values()) {
      if (!a.start || a.sounding.startsAt > t) continue;
      this._record(a.start);
      this._report(a.item, 'started', a.start.plannedMs, a.start.actualMs);
      a.started = true;
      delete a.start;
    }
  }

  /** Music for a bed item whose own file is missing: the last music that played, so no silence. */
  private _fallback(item: TimedItem, now: number): void {
    if (this._active.has(playKey(item))) return;
    if (!this._lastBed) {
      this._done.add(playOf(item));
      return;
    }
    this._play({ ...item, startMs: Math.max(item.startMs, now) }, this._lastBed, now, true);
  }

  private _skip(item: TimedItem, status: 'skipped' | 'failed', reason: string): void {
    const key = playOf(item);
    if (this._done.has(key)) return;
    this._done.add(key);
    this._report(item, status, item.startMs, this._clock.now(), reason);
  }

  /** The bed ducks under every voice play and announcement, and only then. */
  private _duck(): void {
    const spans = [...this._active.values()]
      .filter((a) => a.item.layer === 'voice')
      .map((a) => ({
        from: a.sounding.startsAt,
        to: this._engine.audioTimeOf(this._clock.toLocal(a.item.endMs)),
      }));
    spans.push(...this._announcements.duckSpans());
    spans.sort((x, y) => x.from - y.from);
    const key = spans.map((s) => `${s.from.toFixed(2)}-${s.to.toFixed(2)}`).join(',');
    if (key === this._duckKey) return;
    this._duckKey = key;
    this._engine.setDucking(spans);
  }

  private _report(
    item: TimedItem,
    status: PlayReport['status'],
    plannedMs: number,
    actualMs: number,
    reason?: string,
  ): void {
    void this._log.add({
      reportId: `${playKey(item)}:${status}`,
      planDate: item.date,
      itemId: item.id,
      slot: item.slot,
      kind: item.kind,
      title: item.title,
      status,
      plannedAt: new Date(plannedMs).toISOString(),
      actualAt: new Date(actualMs).toISOString(),
      ...(item.promo ? { promoId: item.promo.id, merchant: item.promo.merchant } : {}),
      ...(item.media ? { mediaId: item.media.id } : {}),
      ...(reason ? { reason } : {}),
    });
  }
}
