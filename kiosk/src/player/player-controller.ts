import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioEngine } from '../audio/audio-engine.ts';
import { MediaLoader } from '../audio/media-loader.ts';
import { Api, deviceToken } from '../lib/api.ts';
import { ClockSync } from '../lib/clock-sync.ts';
import { EventStream, type StreamState } from '../lib/event-stream.ts';
import type { Announcement } from './announcement-queue.ts';
import { PlanStore } from './plan-store.ts';
import { PlayLog } from './play-log.ts';
import { Player, type PlayerStatus } from './player.ts';

/**
 * `globalThis.__deskcast`: what tests and the bench may read of the page, to wait on it (the
 * clock synced, the server's time, the log uploaded). Copies only, so nothing can be changed
 * through it; and nothing in it says what was heard: tests listen to the audio output for that.
 */
export interface DeskcastView {
  readonly clock: { readonly offsetMs: number; readonly rttMs: number; readonly syncedAt: number };
  /** The server's clock now, as this page reckons it (ms since the epoch). */
  readonly serverNow: number;
  readonly status: PlayerStatus;
  /** Plays started since the page opened. */
  readonly startCount: number;
  /** Play reports not yet on the server. */
  readonly pendingReports: number;
}

function viewOf(clock: ClockSync, player: Player, log: PlayLog): DeskcastView {
  return Object.freeze({
    get clock() {
      return Object.freeze({
        offsetMs: clock.offsetMs,
        rttMs: clock.rttMs,
        syncedAt: clock.syncedAt,
      });
    },
    get serverNow() {
      return clock.now();
    },
    get status() {
      return structuredClone(player.status());
    },
    get startCount() {
      return player.starts.length;
    },
    get pendingReports() {
      return log.pending;
    },
  });
}

const TICK_MS = 100;
const PLAN_REFRESH_MS = 60_000;
const LOG_FLUSH_MS = 10_000;
const STATE_REPORT_MS = 30_000;

/**
 * Owns everything the player page runs: audio, clock, plans, the event stream, the log. Starts
 * with the page element and stops with it; the element only renders what this exposes.
 */
export class PlayerController implements ReactiveController {
  token = deviceToken();
  stream: StreamState = 'connecting';
  audioBlocked = false;
  serverReachable = true;
  status: PlayerStatus = { queued: 0 };
  error = '';
  engine?: AudioEngine;
  clock?: ClockSync;
  plans?: PlanStore;
  log?: PlayLog;
  player?: Player;
  private _api?: Api;
  private _events?: EventStream;
  private readonly _timers: ReturnType<typeof setInterval>[] = [];

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (!this.token) return;
    void this._start(this.token).catch((err: Error) => {
      this.error = err.message;
      this._host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    for (const t of this._timers.splice(0)) clearInterval(t);
    this._events?.stop();
    this.clock?.stop();
  }

  /** The button on the "tap to enable sound" overlay. */
  async enableSound(): Promise<void> {
    await this.engine?.resume();
    this._checkAudio();
  }

  private async _start(token: string): Promise<void> {
    const api = (this._api = new Api(token));
    const engine = (this.engine = new AudioEngine());
    const clock = (this.clock = new ClockSync(() => api.headers()));
    const plans = (this.plans = new PlanStore(api));
    const log = (this.log = new PlayLog(api));
    const player = (this.player = new Player(
      engine,
      new MediaLoader(api, engine.ctx),
      clock,
      plans,
      log,
    ));
    (globalThis as unknown as { __deskcast: DeskcastView }).__deskcast = viewOf(clock, player, log);
    engine.ctx.addEventListener('statechange', () => this._checkAudio());
    this._checkAudio();

    await clock.sync();
    clock.start();
    await this._refreshPlans();
    void api
      .get<{ device: { id: number } }>('/api/device')
      .then((r) => (player.deviceId = r.device.id))
      .then(() => this._catchUpAnnouncements())
      .catch(() => undefined);

    this._events = new EventStream(
      token,
      (type, data) => this._onEvent(type, data),
      (state) => {
        this.stream = state;
        if (state === 'open') void this._reconnected();
        this._host.requestUpdate();
      },
    );
    this._events.start();

    this._every(TICK_MS, () => {
      player.tick();
      this.status = player.status();
      this._host.requestUpdate();
    });
    this._every(PLAN_REFRESH_MS, () => void this._refreshPlans());
    this._every(LOG_FLUSH_MS, () => void log.flush());
    this._every(STATE_REPORT_MS, () => void this._reportState());
    void this._warmTomorrow();
  }

  private _every(ms: number, fn: () => void): void {
    this._timers.push(setInterval(fn, ms));
  }

  private _onEvent(type: string, data: unknown): void {
    switch (type) {
      case 'plan-changed':
      case 'resync':
        void this._refreshPlans();
        break;
      case 'announcement':
        this.player?.announce(data as Announcement);
        break;
      case 'announcement-cancelled':
        this.player?.cancelAnnouncement((data as { id: number }).id);
        break;
      default:
        break;
    }
  }

  /** Back in touch: correct the clock, take what changed, upload what was played meanwhile. */
  private async _reconnected(): Promise<void> {
    await this.clock?.sync();
    await this._refreshPlans();
    await this._catchUpAnnouncements();
    await this.log?.flush();
    await this._reportState();
  }

  private async _refreshPlans(): Promise<void> {
    if (!this.plans || !this.clock || !this.player) return;
    const changed = await this.plans.refresh(this.clock.now());
    this.serverReachable = !this.plans.fromCache;
    if (changed) {
      this.player.setPlans();
      void this._warmTomorrow();
    }
  }

  private async _catchUpAnnouncements(): Promise<void> {
    if (!this._api || !this.player || !this.clock) return;
    const r = await this._api
      .get<{ announcements: Announcement[] }>('/api/announcements')
      .catch(() => undefined);
    const now = this.clock.now();
    // Only what is still to come or just missed; an hour-old "move your car" helps nobody. An
    // announcement for now counts from when it was made, with the time its repeats take.
    for (const a of r?.announcements ?? []) {
      const from = a.at ? Date.parse(a.at) : Date.parse(a.createdAt ?? '');
      const lasts = a.repeat * (a.durationMs + (a.intervalS ?? 1) * 1000);
      if (!Number.isFinite(from) || from + (a.at ? 0 : lasts) > now - 60_000)
        this.player.announce(a);
    }
  }

  /** Tomorrow's files onto this machine now, so an outage tonight does not silence tomorrow. */
  private async _warmTomorrow(): Promise<void> {
    if (!this.plans || !this._api || !this.engine) return;
    const loader = new MediaLoader(this._api, this.engine.ctx);
    const files = new Set(
      this.plans.plans.flatMap((p) =>
        p.items.flatMap((i) => (i.media ? [`/media/${i.media.file}`] : [])),
      ),
    );
    for (const url of files) await loader.warm(url).catch(() => undefined);
  }

  private _checkAudio(): void {
    const blocked = !this.engine?.running;
    if (blocked !== this.audioBlocked) {
      this.audioBlocked = blocked;
      void this._reportState();
    }
    this._host.requestUpdate();
  }

  private async _reportState(): Promise<void> {
    if (!this._api) return;
    const s = this.status;
    const item = s.voice?.item ?? s.bed?.item;
    const planDate = item?.date ?? this.plans?.today(this.clock?.now() ?? Date.now());
    // Which version of the plan it holds: the console flags a player that missed an edit.
    const planEtag = planDate ? this.plans?.etag(planDate) : undefined;
    await this._api
      .post('/api/playback-state', {
        state: this.audioBlocked ? 'blocked' : item ? 'playing' : 'idle',
        audioBlocked: this.audioBlocked,
        ...(item ? { itemId: item.id, title: item.title } : {}),
        ...(planDate ? { planDate } : {}),
        ...(planEtag ? { planEtag } : {}),
        // The server wants player minus server; ours is the correction to add (server minus player).
        ...(this.clock ? { clockOffsetMs: -Math.round(this.clock.offsetMs) } : {}),
        pendingReports: this.log?.pending ?? 0,
      })
      .catch(() => undefined);
  }
}
