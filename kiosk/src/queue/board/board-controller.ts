import { mallSite, type MallSite } from '../../lib/api.ts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioEngine } from '../../audio/audio-engine.ts';
import { deviceToken } from '../../lib/api.ts';
import type { StreamEventType } from '../../lib/event-stream.ts';
import { LiveQuery } from '../live-query.ts';
import { QueueClient, QueueError } from '../queue-client.ts';
import { DEFAULT_SITE } from '../queue-format.ts';
import type { QueueState, Rating } from '../queue-types.ts';
import { queueCalledSchema, queueRatingSchema, type QueueRating } from './queue-events.ts';
import { callEnded, latestOn, type CallShown } from './now-calling.ts';
import { VoiceCaller } from './voice-caller.ts';

/** A new call stays large and blinking this long. */
export const FLASH_MS = 8000;
/** A rating prompt nobody answers goes away after this long. */
const RATING_MS = 45_000;
/** After a tap, "thank you" shows this long. */
const THANKS_MS = 3000;
/** The clips every call starts with, fetched at start so the first call is not late. */
const COMMON_CLIPS = ['chime', 'zh/qing', 'zh/hao-guke', 'zh/dao', 'zh/hao-chuangkou'];

export interface Flash extends CallShown {
  until: number;
}

export interface RatingPrompt extends QueueRating {
  /** The prompt's handle for the board's elements: its rating id. */
  token: string;
  until: number;
  state: 'asking' | 'sending' | 'thanks' | 'failed';
}

/**
 * Owns what the calling board runs: the queue state (live), the audio engine and the voice
 * caller, the blinking new call and the rating prompts, and the clock that expires them.
 */
export class BoardController implements ReactiveController {
  token = deviceToken();
  readonly live: LiveQuery<QueueState>;
  /** The mall's name for the header, and its zone for every time shown. */
  site: MallSite = DEFAULT_SITE;
  get timezone(): string {
    return this.site.timezone;
  }
  audioBlocked = false;
  flash?: Flash;
  ratings: RatingPrompt[] = [];
  now = Date.now();
  engine?: AudioEngine;
  caller?: VoiceCaller;
  error = '';
  private _client?: QueueClient;
  private _tick?: ReturnType<typeof setInterval>;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
    this.live = new LiveQuery<QueueState>(() => _host.requestUpdate());
  }

  hostConnected(): void {
    const token = this.token;
    if (!token) return;
    const client = (this._client = new QueueClient({ kind: 'device', token }));
    try {
      const engine = (this.engine = new AudioEngine());
      this.caller = new VoiceCaller(
        engine,
        () => client.headers(),
        () => this._onVoice(),
      );
      engine.ctx.addEventListener('statechange', () => this._checkAudio());
      this._checkAudio();
      this.caller.warm(COMMON_CLIPS);
    } catch (err) {
      this.error = `无法播放声音：${(err as Error).message}`;
    }
    Object.defineProperty(globalThis, '__deskcastBoard', {
      value: boardView(this),
      configurable: true,
    });
    this.live.start({
      load: () => client.get<QueueState>('/api/queue/state'),
      streamToken: token,
      refreshMs: 60_000,
      refetchOn: ['queue-changed', 'queue-called'],
      onEvent: (type, data) => this._onEvent(type, data),
    });
    this._tick = setInterval(() => this._expire(), 500);
    void mallSite(this.site).then((site) => {
      this.site = site;
      this._host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.live.stop();
    clearInterval(this._tick);
  }

  /**
   * What the large panel shows: the call being spoken (blinking), or with sound off the newest
   * call; after that the newest call still on at its counter. A call that is over (no-show,
   * transfer, finished) leaves it.
   */
  get shown(): { call: CallShown; blinking: boolean } | undefined {
    const state = this.live.value;
    const f = this.flash;
    const speaking = this.caller?.speaking;
    if (f && !callEnded(state, f)) {
      const spoken = speaking?.code === f.code && speaking.counter.number === f.counter.number;
      if (spoken || f.until > this.now) return { call: f, blinking: true };
    }
    const latest = latestOn(state);
    return latest && { call: latest, blinking: false };
  }

  /** The calls waiting to be spoken after this one, still on: "next" under the large panel. */
  get next(): CallShown[] {
    if (this.audioBlocked || !this.caller) return [];
    const state = this.live.value;
    return this.caller.queued.filter((c) => !callEnded(state, c));
  }

  /** The "tap to enable sound" overlay's button. */
  async enableSound(): Promise<void> {
    await this.engine?.resume();
    this._checkAudio();
  }

  /** The customer's tap on a rating prompt. */
  async rate(token: string, rating: Rating): Promise<void> {
    const prompt = this.ratings.find((r) => r.token === token);
    if (!prompt || prompt.state !== 'asking' || !this._client) return;
    this._setPrompt(token, { state: 'sending' });
    let state: RatingPrompt['state'] = 'thanks';
    try {
      await this._client.post('/api/queue/ratings', { ratingId: prompt.ratingId, rating });
    } catch (err) {
      // Already rated, or the ticket is gone: nothing the customer can do about it here.
      if (!(err instanceof QueueError && err.status < 500)) state = 'failed';
    }
    this._setPrompt(token, { state, until: Date.now() + THANKS_MS });
  }

  /** Prompts are replaced, not changed in place, so the element showing one sees the change. */
  private _setPrompt(token: string, change: Partial<RatingPrompt>): void {
    this.ratings = this.ratings.map((r) => (r.token === token ? { ...r, ...change } : r));
    this._host.requestUpdate();
  }

  private _onEvent(type: StreamEventType, data: unknown): void {
    if (type === 'queue-called') {
      const call = queueCalledSchema.safeParse(data);
      if (!call.success) return;
      const c = call.data;
      // With sound, the screen follows the voice (_onVoice): a call that must wait its turn
      // is shown large when it is spoken, not over the one the hall hears. A caller with
      // nothing to say speaks this one at once; without sound, the newest call is shown.
      const caller = this.caller;
      const idle = !caller?.speaking && !caller?.pending;
      if (this.audioBlocked || !caller || idle) this._flash(c);
      caller?.call(c);
      this._host.requestUpdate();
    } else if (type === 'queue-rating') {
      const r = queueRatingSchema.safeParse(data);
      if (!r.success) return;
      // One prompt per counter: a newer request replaces an unanswered one.
      this.ratings = [
        ...this.ratings.filter((p) => p.counter.number !== r.data.counter.number),
        { ...r.data, token: r.data.ratingId, until: Date.now() + RATING_MS, state: 'asking' },
      ];
      this._host.requestUpdate();
    }
  }

  private _flash(c: CallShown): void {
    this.flash = {
      code: c.code,
      counter: c.counter,
      callCount: c.callCount,
      calledAt: c.calledAt,
      until: Date.now() + FLASH_MS,
    };
  }

  /** The caller started (or ended) a call: the large panel shows the one being spoken. */
  private _onVoice(): void {
    const s = this.caller?.speaking;
    const f = this.flash;
    const same =
      f &&
      s &&
      f.code === s.code &&
      f.counter.number === s.counter.number &&
      f.callCount === s.callCount;
    if (s && !same) this._flash(s);
    this._host.requestUpdate();
  }

  private _expire(): void {
    this.now = Date.now();
    const f = this.flash;
    if (f && f.until <= this.now && this.caller?.speaking?.code !== f.code) this.flash = undefined;
    this.ratings = this.ratings.filter((r) => r.until > this.now);
    this._host.requestUpdate();
  }

  private _checkAudio(): void {
    this.audioBlocked = !this.engine?.running;
    this._host.requestUpdate();
  }
}

/**
 * What a test may wait on, and a look from the browser's console: getters that hand out frozen
 * copies, never the controller, the caller or the engine. Nothing outside the page can drive the
 * board through it, and what the hall heard is judged from the browser's audio, not from here.
 */
function boardView(c: BoardController) {
  const copy = <T extends object>(items: readonly T[] = []) =>
    Object.freeze(items.map((i) => Object.freeze({ ...i })));
  return Object.freeze({
    get audioBlocked() {
      return c.audioBlocked;
    },
    get stream() {
      return c.live.stream;
    },
    /** Calls waiting their turn, not counting the one being spoken. */
    get pending() {
      return c.caller?.pending ?? 0;
    },
    /** The code of the call being spoken now. */
    get speaking() {
      return c.caller?.speaking?.code;
    },
    /** The code of the call shown large, and whether it blinks. */
    get shown() {
      const s = c.shown;
      return s && Object.freeze({ code: s.call.code, blinking: s.blinking });
    },
    get outcomes() {
      return copy(c.caller?.outcomes);
    },
    get audioLog() {
      return copy(c.caller?.audioLog);
    },
  });
}
