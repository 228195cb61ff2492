import type { AudioEngine, Sounding } from '../audio/audio-engine.ts';
import type { MediaLoader } from '../audio/media-loader.ts';
import type { ClockSync } from '../lib/clock-sync.ts';
import {
  AnnouncementQueue,
  intervalOf,
  type Announcement,
  type DuePlay,
} from './announcement-queue.ts';
import type { PlanStore } from './plan-store.ts';
import type { PlayLog, PlayReport } from './play-log.ts';
import type { StartRecord } from './player.ts';

/**
 * Repeats this close together go out as one block: the music stays ducked (or, for an
 * emergency, silent) between them. Further apart, the program comes back in between.
 */
const CHAIN_GAP_S = 5;

/** One play of an announcement on the audio clock, and what the log has been told of it. */
interface AnnouncementPlay {
  /** Which play of the announcement (0 = the first). */
  n: number;
  sounding: Sounding;
  /** Server ms: when it was meant to begin (the time set, or when it was made). */
  plannedMs: number;
  /** The mall's date it began on, for its reports. */
  date: string;
  started: boolean;
  ended: boolean;
  /** Stopped by a cancel: its end is not a completed play. */
  cut: boolean;
}

/** What the announcement player needs from the program player around it. */
export interface ProgramHooks {
  /** Whether program speech is sounding now: a normal announcement waits for it. */
  speaking(): boolean;
  /** Stops what the announcement interrupts: speech always, the music too for an emergency. */
  interrupt(a: Announcement): void;
  /** A play that really began, for the page's start records. */
  started(record: StartRecord): void;
}

/** The item id the as-played log files an announcement's plays under (server/plays/). */
const announcementItemId = (id: number, n: number) => `announcement/${id}#${n + 1}`;

/**
 * Ad-hoc announcements on the player: one at a time, in priority order; normal ones wait for
 * program speech, urgent ones cut it, an emergency silences everything until it has played.
 * Every play goes to the as-played log like any program item, and at once: the desk is waiting.
 */
export class AnnouncementPlayer {
  readonly queue = new AnnouncementQueue();
  private _current?: { a: Announcement; plays: AnnouncementPlay[]; endsAt: number };
  private readonly _ready = new Map<number, AudioBuffer>();
  private readonly _loading = new Set<number>();

  constructor(
    private readonly _engine: AudioEngine,
    private readonly _loader: MediaLoader,
    private readonly _clock: ClockSync,
    private readonly _plans: PlanStore,
    private readonly _log: PlayLog,
    private readonly _program: ProgramHooks,
  ) {}

  /** The announcement on the air, if any. */
  get current(): Announcement | undefined {
    return this._current?.a;
  }

  announce(a: Announcement, deviceId: number | undefined): void {
    this.queue.add(a, deviceId);
  }

  cancel(id: number): void {
    this.queue.cancel(id);
    const current = this._current;
    if (current?.a.id !== id) return;
    for (const p of current.plays) {
      p.cut = true;
      p.sounding.stop();
      if (p.started && !p.ended)
        this._report(current.a, p, 'skipped', 'cancelled at the desk while playing');
    }
    this._current = undefined;
  }

  /** Ends what has finished, starts what is due, and logs plays that have begun. */
  tick(now: number): void {
    if (this._current && now >= this._current.endsAt) this._current = undefined;
    this._start(now);
    const current = this._current;
    if (!current) return;
    const t = this._engine.ctx.currentTime;
    for (const p of current.plays)
      if (!p.cut && p.sounding.startsAt <= t) this._began(current.a, p);
  }

  /** Whether a program item must not start now: nothing at all under an emergency, no speech. */
  blocks(item: { layer: string; startMs: number }): boolean {
    const c = this._current;
    if (!c) return false;
    return c.a.priority === 'emergency' || (item.layer === 'voice' && item.startMs < c.endsAt);
  }

  /** Audio-clock spans the music ducks under; none for an emergency, which stopped it. */
  duckSpans(): { from: number; to: number }[] {
    const c = this._current;
    if (!c || c.a.priority === 'emergency') return [];
    const to = this._engine.audioTimeOf(this._clock.toLocal(c.endsAt));
    return c.plays.map((p) => ({ from: p.sounding.startsAt, to }));
  }

  private _start(now: number): void {
    if (this._current) return;
    const due = this.queue.peekDue(now);
    if (!due) return;
    const a = due.a;
    if (a.priority === 'normal' && this._program.speaking()) return; // waits for the speech
    const buffer = this._ready.get(a.id);
    if (!buffer) {
      if (!this._loading.has(a.id)) void this._prepare(due);
      return;
    }
    this.queue.takeDue(now);
    this._program.interrupt(a);
    const gapS = intervalOf(a);
    const count = gapS <= CHAIN_GAP_S ? a.repeat - due.play : 1;
    const plays: AnnouncementPlay[] = [];
    let t = this._engine.ctx.currentTime + 0.05;
    for (let i = 0; i < count; i++) {
      const sounding = this._engine.play(buffer, { bus: 'voice', when: t, offset: 0, gain: 1 });
      const startMs = this._engine.epochOf(sounding.startsAt) + this._clock.offsetMs;
      plays.push({
        n: due.play + i,
        sounding,
        // The first was meant for its time; each chained one for its place after the last.
        plannedMs: i === 0 && due.plannedMs ? due.plannedMs : startMs,
        date: this._plans.today(startMs),
        started: false,
        ended: false,
        cut: false,
      });
      t = sounding.startsAt + buffer.duration + gapS;
    }
    const endsAt = now + (t - gapS - this._engine.ctx.currentTime) * 1000;
    this._current = { a, plays, endsAt };
    this.queue.played(due, count, endsAt);
    // The engine holds what it plays; a page open for months keeps only what is still to come.
    if (due.play + count >= a.repeat) this._ready.delete(a.id);
    for (const p of plays)
      void p.sounding.ended.then(() => {
        if (p.cut) return;
        this._began(a, p);
        p.ended = true;
        const endMs = this._engine.epochOf(p.sounding.startsAt + buffer.duration);
        this._report(a, p, 'ended', undefined, endMs + this._clock.offsetMs);
      });
  }

  private _began(a: Announcement, p: AnnouncementPlay): void {
    if (p.started) return;
    p.started = true;
    const actualMs = this._engine.epochOf(p.sounding.startsAt) + this._clock.offsetMs;
    this._program.started({
      key: announcementItemId(a.id, p.n),
      slot: 'announcement',
      layer: 'voice',
      plannedMs: p.plannedMs,
      actualMs,
      offsetS: 0,
    });
    this._report(a, p, 'started', undefined, actualMs);
  }

  private async _prepare(due: DuePlay): Promise<void> {
    const a = due.a;
    this._loading.add(a.id);
    try {
      this._ready.set(a.id, await this._loader.decode(a.audioUrl));
    } catch (err) {
      const reason = `audio not playable: ${(err as Error).message}`.slice(0, 500);
      console.warn(`announcement ${a.id} cannot be played: ${reason}`);
      this.queue.drop(a.id);
      const now = this._clock.now();
      const p = { n: due.play, plannedMs: due.plannedMs || now, date: this._plans.today(now) };
      this._report(a, p, 'failed', reason, now);
    } finally {
      this._loading.delete(a.id);
    }
  }

  private _report(
    a: Announcement,
    p: Pick<AnnouncementPlay, 'n' | 'plannedMs' | 'date'>,
    status: PlayReport['status'],
    reason?: string,
    actualMs = this._clock.now(),
  ): void {
    const itemId = announcementItemId(a.id, p.n);
    const plannedMs = status === 'ended' ? p.plannedMs + a.durationMs : p.plannedMs;
    const title = (a.title ?? a.text ?? `广播 ${a.id}`).slice(0, 500);
    void this._log
      .add({
        // Announcement ids are never reused, so this is unique among the player's reports.
        reportId: `${itemId}:${status}`,
        planDate: p.date,
        itemId,
        slot: 'announcement',
        kind: 'announcement',
        title,
        status,
        plannedAt: new Date(plannedMs).toISOString(),
        actualAt: new Date(actualMs).toISOString(),
        ...(a.mediaId ? { mediaId: a.mediaId } : {}),
        ...(reason ? { reason } : {}),
      })
      .then(() => this._log.flush());
  }
}
