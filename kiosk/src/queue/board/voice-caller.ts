import type { AudioEngine } from '../../audio/audio-engine.ts';
import type { QueueCalled } from './queue-events.ts';
import { SerialQueue } from '../serial-queue.ts';
import { segmentsOf } from './voice-segments.ts';

/** One clip as the caller scheduled it: for a look from the browser's console at a call. */
export interface AudioLogEntry {
  code: string;
  counter: number;
  clip: string;
  /** Wall-clock ms (this machine) of the clip's start and end on the audio clock. */
  startMs: number;
  endMs: number;
}

export interface CallOutcome {
  code: string;
  counter: number;
  outcome: 'played' | 'stale' | 'duplicate' | 'failed';
  error?: string;
}

/** Silence between two calls, so they are heard as two. */
const GAP_S = 0.8;
/** A call not yet spoken this long after it was made is dropped (sound was blocked, say). */
const MAX_AGE_MS = 90_000;

/**
 * Speaks `queue-called` events: fetches and decodes the voice-pack clips (once each), then
 * schedules them back to back on the audio clock, so a call sounds as one sentence; calls wait
 * their turn in a SerialQueue, so none is cut off by the next. Clips a pack lacks fall back to
 * the server's speech synthesis for that language.
 */
export class VoiceCaller {
  readonly audioLog: AudioLogEntry[] = [];
  readonly outcomes: CallOutcome[] = [];
  /** The call being spoken now, for the board to show. */
  speaking?: QueueCalled;
  private readonly _buffers = new Map<string, Promise<AudioBuffer>>();
  private readonly _queue: SerialQueue<QueueCalled>;

  constructor(
    private readonly _engine: AudioEngine,
    private readonly _headers: () => Record<string, string>,
    private readonly _onChange: () => void = () => undefined,
  ) {
    this._queue = new SerialQueue<QueueCalled>({
      play: (c) => this._play(c),
      key: (c) => `${c.ticketId}#${c.callCount}#${c.counter.number}`,
      now: () => Date.now(),
      maxAgeMs: MAX_AGE_MS,
      onDrop: (c, outcome, error) =>
        this.outcomes.push({
          code: c.code,
          counter: c.counter.number,
          outcome,
          ...(error instanceof Error ? { error: error.message } : {}),
        }),
    });
  }

  get pending(): number {
    return this._queue.pending;
  }

  /** The calls waiting their turn behind the one being spoken, in the order they will sound. */
  get queued(): QueueCalled[] {
    return this._queue.queued;
  }

  call(c: QueueCalled): void {
    const at = c.calledAt ? Date.parse(c.calledAt) : Date.now();
    this._queue.push(c, Number.isFinite(at) ? at : Date.now());
    this._onChange();
  }

  /** Fetches clips ahead of the first call, so it starts without a network wait. */
  warm(clips: readonly string[]): void {
    for (const clip of clips) void this._clip(clip).catch(() => undefined);
  }

  private async _play(c: QueueCalled): Promise<void> {
    await this._whenRunning(c);
    const buffers = await Promise.all(
      segmentsOf(c).map(async (seg) => {
        const loaded = await Promise.all(
          seg.clips.map((clip) => this._clip(clip).catch(() => null)),
        );
        if (loaded.every((b): b is AudioBuffer => b !== null))
          return seg.clips.map((clip, i) => ({ clip, buffer: loaded[i] as AudioBuffer }));
        if (!seg.fallbackText) return [];
        const tts = await this._speech(seg.fallbackText).catch(() => null);
        return tts ? [{ clip: `tts:${seg.fallbackText}`, buffer: tts }] : [];
      }),
    );
    const parts = buffers.flat();
    if (parts.length === 0) throw new Error(`nothing to play for ${c.code}`);

    this.speaking = c;
    this._onChange();
    const e = this._engine;
    let t = e.ctx.currentTime + 0.05;
    let last: Promise<void> = Promise.resolve();
    for (const { clip, buffer } of parts) {
      const s = e.play(buffer, { bus: 'voice', when: t, offset: 0, gain: 1 });
      const end = s.startsAt + buffer.duration;
      this.audioLog.push({
        code: c.code,
        counter: c.counter.number,
        clip,
        startMs: e.epochOf(s.startsAt),
        endMs: e.epochOf(end),
      });
      t = end;
      last = s.ended;
    }
    // The audio clock says when it ends; the timeout only guards a context that stops mid-call.
    const seconds = t - e.ctx.currentTime;
    await Promise.race([last, sleep((seconds + 5) * 1000)]);
    this.outcomes.push({ code: c.code, counter: c.counter.number, outcome: 'played' });
    await sleep(GAP_S * 1000);
    this.speaking = undefined;
    this._onChange();
  }

  /** Sound blocked (no tap yet): wait for it rather than schedule into a stopped clock. */
  /** Waits for sound; a call still unspoken 90 s after it was made is dropped, not spoken late. */
  private async _whenRunning(c: QueueCalled): Promise<void> {
    const made = c.calledAt ? Date.parse(c.calledAt) : NaN;
    const deadline = (Number.isFinite(made) ? made : Date.now()) + MAX_AGE_MS;
    while (!this._engine.running) {
      if (Date.now() > deadline) throw new Error('sound stayed blocked');
      await sleep(250);
    }
  }

  private _clip(name: string): Promise<AudioBuffer> {
    return this._decode(`/voice/${name}.wav`);
  }

  private async _speech(text: string): Promise<AudioBuffer> {
    const res = await fetch(`/api/speech?text=${encodeURIComponent(text)}`, {
      headers: this._headers(),
    });
    if (!res.ok) throw new Error(`speech: ${res.status}`);
    const { url } = (await res.json()) as { url: string };
    return this._decode(url);
  }

  private _decode(url: string): Promise<AudioBuffer> {
    let p = this._buffers.get(url);
    if (!p) {
      p = fetch(url, { headers: this._headers() })
        .then((res) => {
          if (!res.ok) throw new Error(`${url}: ${res.status}`);
          return res.arrayBuffer();
        })
        .then((bytes) => this._engine.ctx.decodeAudioData(bytes));
      // A failed clip is tried again next time (the pack may be regenerated meanwhile).
      p.catch(() => this._buffers.delete(url));
      this._buffers.set(url, p);
    }
    return p;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
