import { Howler } from 'howler';

/** How far the music drops under speech, and how fast it goes down and comes back. */
export const DUCK_DB = -12;
export const DUCK_RAMP_S = 0.3;

export type Bus = 'bed' | 'voice';

export interface PlayOptions {
  bus: Bus;
  /** Audio-clock time to start; in the past means now. */
  when: number;
  /** Seconds into the buffer. */
  offset: number;
  gain: number;
  fadeInMs?: number;
  fadeOutMs?: number;
  /** Audio-clock time to stop (with the fade ending there); the buffer's end otherwise. */
  stopAt?: number;
}

export interface Sounding {
  /** The audio-clock time it really starts (never before it was asked to play). */
  startsAt: number;
  stop(at?: number): void;
  ended: Promise<void>;
}

/**
 * Everything the player sends to the amplifier goes through here: Howler's AudioContext and
 * master gain, a bus for music (the bed, which ducks) and one for speech. Starts are scheduled
 * on the audio clock, so they happen on time even if the page is busy at that moment. Howler's
 * own play() starts immediately and cannot be given a future audio-clock time (ecosystem.md
 * §2.6), so timed plays are buffer sources on Howler's context rather than Howls.
 */
export class AudioEngine {
  readonly ctx: AudioContext;
  readonly analyser: AnalyserNode;
  private readonly _buses: Record<Bus, GainNode>;

  constructor() {
    // A kiosk plays for hours between sounds; Howler must never suspend the context.
    Howler.autoSuspend = false;
    Howler.volume(1);
    if (!Howler.ctx || !Howler.masterGain) throw new Error('this browser has no Web Audio');
    this.ctx = Howler.ctx;
    this.analyser = this.ctx.createAnalyser();
    this.analyser.fftSize = 1024;
    Howler.masterGain.connect(this.analyser);
    this._buses = { bed: this.ctx.createGain(), voice: this.ctx.createGain() };
    for (const bus of Object.values(this._buses)) bus.connect(Howler.masterGain);
  }

  /** False until the browser lets the page make sound (autoplay policy). */
  get running(): boolean {
    return this.ctx.state === 'running';
  }

  resume(): Promise<void> {
    return this.ctx.resume();
  }

  /** The context's clock paired with the page's: the base of every conversion below. */
  private _pairing(): { ctxTime: number; epochMs: number } {
    const ts = this.ctx.getOutputTimestamp();
    return {
      ctxTime: ts.contextTime ?? this.ctx.currentTime,
      epochMs: performance.timeOrigin + (ts.performanceTime ?? performance.now()),
    };
  }

  /** Audio-clock time of a wall-clock instant (ms since the epoch, this machine's clock). */
  audioTimeOf(epochMs: number): number {
    const p = this._pairing();
    return p.ctxTime + (epochMs - p.epochMs) / 1000;
  }

  /** The wall-clock instant (ms) of an audio-clock time. */
  epochOf(audioTime: number): number {
    const p = this._pairing();
    return p.epochMs + (audioTime - p.ctxTime) * 1000;
  }

  play(buffer: AudioBuffer, o: PlayOptions): Sounding {
    const now = this.ctx.currentTime;
    const startsAt = Math.max(o.when, now + 0.005);
    // Starting late (a reload, an outage): skip what should already have played.
    const offset = o.offset + Math.max(0, startsAt - o.when);
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    const gain = this.ctx.createGain();
    source.connect(gain).connect(this._buses[o.bus]);
    const fadeIn = (o.fadeInMs ?? 0) / 1000;
    if (fadeIn > 0) {
      gain.gain.setValueAtTime(0, startsAt);
      gain.gain.linearRampToValueAtTime(o.gain, startsAt + fadeIn);
    } else gain.gain.setValueAtTime(o.gain, startsAt);
    const naturalEnd = startsAt + (buffer.duration - offset);
    const end = Math.min(o.stopAt ?? naturalEnd, naturalEnd);
    const fadeOut = Math.min((o.fadeOutMs ?? 0) / 1000, end - startsAt);
    if (fadeOut > 0) {
      gain.gain.setValueAtTime(o.gain, end - fadeOut);
      gain.gain.linearRampToValueAtTime(0, end);
    }
    source.start(startsAt, Math.max(0, offset));
    source.stop(end);
    const ended = new Promise<void>((resolve) => (source.onended = () => resolve()));
    return {
      startsAt,
      ended,
      stop: (at?: number) => {
        const t = Math.max(at ?? this.ctx.currentTime, this.ctx.currentTime);
        // A short fade instead of a click.
        gain.gain.cancelScheduledValues(t);
        gain.gain.setTargetAtTime(0, t, 0.02);
        try {
          source.stop(t + 0.1);
        } catch {
          /* already stopped */
        }
      },
    };
  }

  /**
   * Ducks the bed during these audio-clock spans (merged, sorted) and nowhere else: called again
   * whenever speech is added or removed, it replaces what was scheduled after now.
   */
  setDucking(spans: readonly { from: number; to: number }[]): void {
    const g = this._buses.bed.gain;
    const now = this.ctx.currentTime;
    const low = 10 ** (DUCK_DB / 20);
    g.cancelScheduledValues(now);
    const active = spans.some((s) => s.from <= now && now < s.to);
    g.setValueAtTime(active ? low : 1, now);
    for (const s of spans) {
      if (s.to <= now) continue;
      if (s.from > now) {
        g.setValueAtTime(1, Math.max(now, s.from - DUCK_RAMP_S));
        g.linearRampToValueAtTime(low, s.from);
      }
      g.setValueAtTime(low, s.to);
      g.linearRampToValueAtTime(1, s.to + DUCK_RAMP_S);
    }
  }

  /** The bed bus's gain right now (1 = full, ≈0.25 = ducked), for tests and the meter. */
  get bedGain(): number {
    return this._buses.bed.gain.value;
  }

  /** Peak level of what is playing now, 0–1, for the volume meter. */
  level(): number {
    const data = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(data);
    let peak = 0;
    for (const v of data) peak = Math.max(peak, Math.abs(v));
    return peak;
  }
}
