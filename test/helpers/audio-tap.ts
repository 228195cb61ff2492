import type { Page } from 'playwright-core';

/** Analysis window and hop: long enough to tell pitches 100 Hz apart, short enough to time onsets. */
const WINDOW_S = 0.02;
const HOP_S = 0.01;
/** A pitch at least this loud (peak amplitude, −46 dBFS) is heard; the tones play far above it. */
export const AUDIBLE = 0.005;
/** A pitch must hold this many hops to count as sounding: a click between two files does not. */
const MIN_HOPS = 4;
const REPORT_EVERY_MS = 100;
const BINDING = '__audioTapReport';

/**
 * Runs on the audio thread: for each 20 ms window (every 10 ms) the RMS level and, by a
 * Hann-windowed Goertzel filter, the amplitude of each pitch asked for, stamped with the audio
 * clock at the window's centre. It writes nothing to its output, so it adds silence.
 */
const WORKLET = `
class AudioTap extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { pitches, windowS, hopS } = options.processorOptions;
    this.n = Math.round(sampleRate * windowS);
    this.hop = Math.round(sampleRate * hopS);
    this.ring = new Float32Array(this.n);
    this.pos = 0;
    this.untilHop = this.n;
    this.win = new Float32Array(this.n);
    let sum = 0;
    for (let j = 0; j < this.n; j++) sum += this.win[j] = 0.5 - 0.5 * Math.cos((2 * Math.PI * j) / this.n);
    this.scale = 2 / sum;
    this.coef = pitches.map((f) => 2 * Math.cos((2 * Math.PI * f) / sampleRate));
    this.s1 = new Float64Array(pitches.length);
    this.s2 = new Float64Array(pitches.length);
    this.batch = [];
  }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    const len = ch ? ch.length : 128;
    for (let i = 0; i < len; i++) {
      this.ring[this.pos] = ch ? ch[i] : 0;
      this.pos = (this.pos + 1) % this.n;
      if (--this.untilHop === 0) {
        this.untilHop = this.hop;
        this.analyse(currentFrame + i + 1);
      }
    }
    if (this.batch.length) this.port.postMessage(this.batch.splice(0));
    return true;
  }
  analyse(endFrame) {
    const { n, ring, pos, win, coef, s1, s2 } = this;
    s1.fill(0);
    s2.fill(0);
    let sq = 0;
    for (let j = 0; j < n; j++) {
      const x = ring[(pos + j) % n];
      sq += x * x;
      const w = x * win[j];
      for (let k = 0; k < coef.length; k++) {
        const s0 = w + coef[k] * s1[k] - s2[k];
        s2[k] = s1[k];
        s1[k] = s0;
      }
    }
    const row = [(endFrame - n / 2) / sampleRate, Math.sqrt(sq / n)];
    for (let k = 0; k < coef.length; k++)
      row.push(this.scale * Math.sqrt(Math.max(0, s1[k] * s1[k] + s2[k] * s2[k] - coef[k] * s1[k] * s2[k])));
    this.batch.push(row);
  }
}
registerProcessor('test-audio-tap', AudioTap);
`;

/** What one document of the page sends: its analysed windows and audio-clock pairings. */
interface Report {
  doc: string;
  /** [audio time of the window's centre (s), rms, amplitude of each pitch…] */
  rows: number[][];
  /** [audio-clock time (s), the wall-clock instant it reaches the output (ms)] */
  pairings: [number, number][];
}

// The page's Web Audio globals, as far as the tap uses them (the tests' tsconfig has no DOM).
interface NodeLike {
  context: CtxLike;
  connect(to: unknown, ...rest: number[]): unknown;
}
interface CtxLike {
  state: string;
  currentTime: number;
  destination: unknown;
  audioWorklet: { addModule(url: string): Promise<void> };
  getOutputTimestamp(): { contextTime?: number; performanceTime?: number };
}
type PageGlobal = Record<string, unknown> & {
  AudioNode: { prototype: NodeLike };
  AudioDestinationNode: new () => unknown;
  AudioWorkletNode: new (
    ctx: CtxLike,
    name: string,
    options: object,
  ) => NodeLike & {
    port: { onmessage: ((e: { data: number[][] }) => void) | null };
  };
  URL: { createObjectURL(blob: unknown): string };
  Blob: new (parts: string[], options: object) => unknown;
};

/**
 * Serialised into the page before its scripts run: whatever is connected to an AudioContext's
 * destination is also connected to the tap, so the tap hears exactly what the amplifier gets,
 * with no hook in the player. The audio clock is paired with the wall clock every report.
 */
function installInPage(o: {
  worklet: string;
  pitches: number[];
  windowS: number;
  hopS: number;
  binding: string;
  everyMs: number;
}): void {
  const g = globalThis as unknown as PageGlobal;
  const connect = g.AudioNode.prototype.connect;
  const doc = Math.random().toString(36).slice(2);
  const taps = new Map<CtxLike, { node?: NodeLike; waiting: NodeLike[] }>();
  let rows: number[][] = [];
  let pairings: [number, number][] = [];
  const listen = async (ctx: CtxLike, tap: { node?: NodeLike; waiting: NodeLike[] }) => {
    const url = g.URL.createObjectURL(new g.Blob([o.worklet], { type: 'text/javascript' }));
    await ctx.audioWorklet.addModule(url);
    const node = new g.AudioWorkletNode(ctx, 'test-audio-tap', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
      processorOptions: { pitches: o.pitches, windowS: o.windowS, hopS: o.hopS },
    });
    node.port.onmessage = (e) => rows.push(...e.data);
    for (const n of tap.waiting.splice(0)) connect.call(n, node);
    // Pulled by the destination, so it runs; its output is silence.
    connect.call(node, ctx.destination);
    tap.node = node;
    setInterval(() => {
      const ts = ctx.getOutputTimestamp();
      if (ctx.state === 'running' && ts.contextTime && ts.performanceTime)
        pairings.push([ts.contextTime, performance.timeOrigin + ts.performanceTime]);
      const report = g[o.binding] as ((r: unknown) => void) | undefined;
      if (!report || !rows.length) return;
      report({ doc, rows, pairings });
      rows = [];
      pairings = [];
    }, o.everyMs);
  };
  g.AudioNode.prototype.connect = function (this: NodeLike, to: unknown, ...rest: number[]) {
    const result = connect.call(this, to, ...rest);
    if (to instanceof g.AudioDestinationNode) {
      let tap = taps.get(this.context);
      if (!tap) {
        taps.set(this.context, (tap = { waiting: [] }));
        void listen(this.context, tap);
      }
      if (tap.node) connect.call(this, tap.node);
      else tap.waiting.push(this);
    }
    return result;
  };
}

/** One analysed window, stamped with the wall-clock instant (ms) it reached the output. */
export interface Heard {
  /** Which document of the page heard it: 0 for the first, 1 after a reload… */
  doc: number;
  /** The centre of the window on that document's audio clock, s. */
  audioS: number;
  atMs: number;
  rms: number;
  amps: readonly number[];
}

/** A stretch of time, ms. */
export interface Span {
  from: number;
  to: number;
}

/** What a page's audio output sounded like, as it arrives from the page. */
export class AudioTap {
  private readonly _docs = new Map<string, { rows: number[][]; pairings: [number, number][] }>();
  private _heard?: Heard[];

  constructor(readonly pitches: readonly number[]) {}

  add(r: Report): void {
    let d = this._docs.get(r.doc);
    if (!d) this._docs.set(r.doc, (d = { rows: [], pairings: [] }));
    d.rows.push(...r.rows);
    d.pairings.push(...r.pairings);
    this._heard = undefined;
  }

  /** Every window heard between two instants, in the order played (reloads too). */
  heard(fromMs = -Infinity, toMs = Infinity): Heard[] {
    // In the order played: document by document, each on its own audio clock.
    this._heard ??= [...this._docs.values()].flatMap(({ rows, pairings }, doc) =>
      rows.flatMap((row) => stamp(doc, row, pairings)),
    );
    return this._heard.filter((h) => h.atMs >= fromMs && h.atMs <= toMs);
  }

  amp(h: Heard, hz: number): number {
    return h.amps[this.pitches.indexOf(hz)] ?? Number.NaN;
  }

  /** The loudest of the pitches asked for, if any is audible. */
  dominant(h: Heard): number | undefined {
    let best: number | undefined;
    for (const hz of this.pitches)
      if (this.amp(h, hz) >= AUDIBLE && (best === undefined || this.amp(h, hz) > this.amp(h, best)))
        best = hz;
    return best;
  }

  /**
   * Where a pitch sounds: runs of windows at or above AUDIBLE, broken by a gap in the audio
   * (a reload), not by a jump in the wall-clock stamps (the audio clock slipping on a busy
   * machine).
   */
  sounding(hz: number, fromMs = -Infinity, toMs = Infinity): Span[] {
    const runs: Span[] = [];
    let run: (Span & { hops: number }) | undefined;
    let last: Heard | undefined;
    const close = () => {
      if (run && run.hops >= MIN_HOPS) runs.push({ from: run.from, to: run.to });
      run = undefined;
    };
    for (const h of this.heard(fromMs, toMs)) {
      if (!last || h.doc !== last.doc || h.audioS - last.audioS > 3 * HOP_S) close();
      last = h;
      if (this.amp(h, hz) < AUDIBLE) close();
      else if (!run) run = { from: h.atMs, to: h.atMs, hops: 1 };
      else {
        run.to = h.atMs;
        run.hops++;
      }
    }
    close();
    return runs;
  }

  /** Median level of a pitch over a span, dB re. full scale. */
  levelDb(hz: number, fromMs: number, toMs: number): number {
    const db = this.heard(fromMs, toMs)
      .map((h) => 20 * Math.log10(Math.max(this.amp(h, hz), 1e-9)))
      .sort((a, b) => a - b);
    return db[Math.floor(db.length / 2)] ?? Number.NaN;
  }

  /** Waits until the page has reported what it played up to `ms` (wall clock). */
  async heardUntil(ms: number, timeoutMs = Math.max(5000, ms - Date.now() + 5000)): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const reached = () => this.heard().some((h) => h.atMs >= ms);
    while (!reached() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!reached()) throw new Error(`nothing heard past ${new Date(ms).toISOString()}`);
  }
}

/**
 * A window's wall-clock instant by the pairing nearest it in audio time: a stalled audio clock
 * moves only what was heard after the stall. Pairings come in audio-clock order.
 */
function stamp(
  doc: number,
  [t = 0, rms = 0, ...amps]: number[],
  pairings: [number, number][],
): Heard[] {
  let lo = 0;
  let hi = pairings.length - 1;
  if (hi < 0) return [];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pairings[mid]![0] <= t) lo = mid;
    else hi = mid;
  }
  const [a, b] = [pairings[lo]!, pairings[hi]!];
  const [ctxTime, epochMs] = Math.abs(a[0] - t) <= Math.abs(b[0] - t) ? a : b;
  return [{ doc, audioS: t, atMs: epochMs + (t - ctxTime) * 1000, rms, amps }];
}

/**
 * Listens to what a page sends to its speakers, from before its first script runs. Call before
 * `page.goto`. The page's context must bypass its CSP (`bypassCSP`): the tap's worklet module
 * is a blob, which the page's own `script-src 'self'` would refuse.
 */
export async function tapAudio(page: Page, pitches: readonly number[]): Promise<AudioTap> {
  const tap = new AudioTap(pitches);
  await page.exposeFunction(BINDING, (r: Report) => tap.add(r));
  await page.addInitScript(installInPage, {
    worklet: WORKLET,
    pitches: [...pitches],
    windowS: WINDOW_S,
    hopS: HOP_S,
    binding: BINDING,
    everyMs: REPORT_EVERY_MS,
  });
  return tap;
}
