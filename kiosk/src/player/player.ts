import { nextAfter, playKey, timelineOf, within, type TimedItem } from '../../../core/timeline.ts';
import type { AudioEngine, Sounding } from '../audio/audio-engine.ts';
import type { MediaLoader } from '../audio/media-loader.ts';
import type { ClockSync } from '../lib/clock-sync.ts';
import { AnnouncementQueue, type Announcement } from './announcement-queue.ts';
import type { PlanStore } from './plan-store.ts';
import type { PlayLog, PlayReport } from './play-log.ts';

/** Scheduled on the audio clock this far ahead; decoded this far ahead. */
const SCHEDULE_AHEAD_MS = 3000;
const DECODE_AHEAD_MS = 90_000;
/** A bed item joined mid-way (a reload, after an emergency) fades in rather than jumping in. */
const JOIN_FADE_MS = 400;
const REPEAT_GAP_S = 1;
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
 * The kiosk's brain: keeps the audio engine playing the plan, on time, around announcements,
 * through missing files, and logs every play. It holds no timers of its own; the page calls
 * `tick()` a few times a second.
 */
export class Player {
  deviceId: number | undefined;
  readonly starts: StartRecord[] = [];
  readonly queue = new AnnouncementQueue();
  private _timeline: TimedItem[] = [];
  private readonly _active = new Map<string, Active>();
  private readonly _done = new Set<string>();
  private readonly _ready = new Map<string, AudioBuffer>();
  private readonly _failed = new Set<string>();
  private readonly _loading = new Set<string>();
  private readonly _speechUrls = new Map<string, string>();
  private _announcement?: { a: Announcement; soundings: Sounding[]; endsAt: number };
  private _lastBed?: AudioBuffer;
  private _duckKey = '';

  constructor(
    private readonly _engine: AudioEngine,
    private readonly _loader: MediaLoader,
    private readonly _clock: ClockSync,
    private readonly _plans: PlanStore,
    private readonly _log: PlayLog,
  ) {}

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
    this.queue.add(a, this.deviceId);
  }

  cancelAnnouncement(id: number): void {
    this.queue.cancel(id);
    if (this._announcement?.a.id === id) {
      for (const s of this._announcement.soundings) s.stop();
      this._announcement = undefined;
    }
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
    return {
      ...(bed ? { bed: { item: bed, progress: progress(bed) } } : {}),
      ...(voice ? { voice: { item: voice, progress: progress(voice) } } : {}),
      ...(this._announcement ? { announcement: this._announcement.a } : {}),
      ...(next ? { next } : {}),
      queued: this.queue.size,
    };
  }

  tick(): void {
    if (!this._engine.running) return;
    const now = this._clock.now();
    if (this._announcement && now >= this._announcement.endsAt) this._announcement = undefined;
    this._startAnnouncement(now);
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
    const key = playKey(item);
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

  private _blockedByAnnouncement(item: TimedItem): boolean {
    const a = this._announcement;
    if (!a) return false;
    // Emergency: nothing else. Otherwise: no program speech over an announcement.
    return a.a.priority === 'emergency' || (item.layer === 'voice' && item.startMs < a.endsAt);
  }

  private _schedule(item: TimedItem, now: number): void {
    const key = playKey(item);
    if (this._active.has(key) || this._done.has(key)) return;
    if (this._blockedByAnnouncement(item)) {
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
      // Not decoded in time: music joins when it is; silence never lasts past two seconds.
      if (item.layer === 'bed' && now > item.startMs + 2000) this._fallback(item, now);
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
      this._done.add(key);
      this._ready.delete(key);
      if (active.started) this._report(item, 'ended', item.endMs, this._clock.now());
    });
  }

  /** Plays that have begun since the last tick go into the log, with when they really began. */
  private _reportStarts(): void {
    const t = this._engine.ctx.currentTime;
    for (const a of this._active.values()) {
      if (!a.start || a.sounding.startsAt > t) continue;
      this.starts.push(a.start);
      // Kept for the status and for tests; bounded so a page open for months does not grow.
      if (this.starts.length > MAX_STARTS_KEPT)
        this.starts.splice(0, this.starts.length - MAX_STARTS_KEPT);
      this._report(a.item, 'started', a.start.plannedMs, a.start.actualMs);
      a.started = true;
      delete a.start;
    }
  }

  /** Music for a bed item whose own file is missing: the last music that played, so no silence. */
  private _fallback(item: TimedItem, now: number): void {
    const key = playKey(item);
    if (this._active.has(key)) return;
    if (!this._lastBed) {
      this._done.add(key);
      return;
    }
    this._play({ ...item, startMs: Math.max(item.startMs, now) }, this._lastBed, now, true);
  }

  private _skip(item: TimedItem, status: 'skipped' | 'failed', reason: string): void {
    const key = playKey(item);
    if (this._done.has(key)) return;
    this._done.add(key);
    this._report(item, status, item.startMs, this._clock.now(), reason);
  }

  private _startAnnouncement(now: number): void {
    if (this._announcement) return;
    const due = this.queue.peekDue(now);
    if (!due) return;
    const speaking = [...this._active.values()].some((a) => a.item.layer === 'voice');
    if (due.priority === 'normal' && speaking) return; // waits for the current speech to end
    const buffer = this._ready.get(`announcement/${due.id}`);
    if (!buffer) {
      if (!this._loading.has(`announcement/${due.id}`)) void this._prepareAnnouncement(due);
      return;
    }
    this.queue.takeDue(now);
    for (const [key, a] of this._active) {
      const stop = due.priority === 'emergency' || a.item.layer === 'voice';
      if (!stop) continue;
      a.sounding.stop();
      this._active.delete(key);
      // Interrupted music comes back at the right offset afterwards; interrupted speech does not.
      if (a.item.layer === 'voice')
        this._skip(a.item, 'skipped', `interrupted by a ${due.priority} announcement`);
    }
    const soundings: Sounding[] = [];
    let t = this._engine.ctx.currentTime + 0.05;
    for (let i = 0; i < Math.max(1, due.repeat); i++) {
      const s = this._engine.play(buffer, { bus: 'voice', when: t, offset: 0, gain: 1 });
      soundings.push(s);
      t = s.startsAt + buffer.duration + REPEAT_GAP_S;
    }
    const endsAt = now + (t - REPEAT_GAP_S - this._engine.ctx.currentTime) * 1000;
    this._announcement = { a: due, soundings, endsAt };
    const startedMs = this._engine.epochOf(soundings[0]?.startsAt ?? 0) + this._clock.offsetMs;
    this.starts.push({
      key: `announcement/${due.id}`,
      slot: 'announcement',
      layer: 'voice',
      plannedMs: now,
      actualMs: startedMs,
      offsetS: 0,
    });
  }

  private async _prepareAnnouncement(a: Announcement): Promise<void> {
    const key = `announcement/${a.id}`;
    this._loading.add(key);
    try {
      this._ready.set(key, await this._loader.decode(a.audioUrl));
    } catch (err) {
      console.warn(`announcement ${a.id} cannot be played: ${(err as Error).message}`);
      this.queue.cancel(a.id);
    } finally {
      this._loading.delete(key);
    }
  }

  /** The bed ducks under every voice play and announcement, and only then. */
  private _duck(): void {
    const spans = [...this._active.values()]
      .filter((a) => a.item.layer === 'voice')
      .map((a) => ({
        from: a.sounding.startsAt,
        to: this._engine.audioTimeOf(this._clock.toLocal(a.item.endMs)),
      }));
    if (this._announcement?.a.priority !== 'emergency')
      for (const s of this._announcement?.soundings ?? [])
        spans.push({
          from: s.startsAt,
          to: this._engine.audioTimeOf(this._clock.toLocal(this._announcement?.endsAt ?? 0)),
        });
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
