import type { Page } from 'playwright-core';

/**
 * Listens to the page's two buses (music, speech) in an AudioWorklet and reports every sound
 * that begins after at least 10 ms of silence, with the audio-clock frame of its first
 * audible sample. Fan-out connections only: what goes to the amplifier is unchanged.
 */
const TAP_MODULE = `
const THRESHOLD = 0.001;
const QUIET_S = 0.01;
class OnsetTap extends AudioWorkletProcessor {
  constructor() { super(); this.quiet = [1e9, 1e9]; }
  process(inputs) {
    const minQuiet = QUIET_S * sampleRate;
    for (let k = 0; k < 2; k++) {
      const ch = inputs[k] && inputs[k][0];
      if (!ch) { this.quiet[k] += 128; continue; }
      for (let i = 0; i < ch.length; i++) {
        if (Math.abs(ch[i]) < THRESHOLD) this.quiet[k]++;
        else {
          if (this.quiet[k] >= minQuiet) this.port.postMessage([k, currentFrame + i]);
          this.quiet[k] = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('bench-onset-tap', OnsetTap);
`;

/** A sound heard on a bus, at an audio-clock time (s). */
export interface Onset {
  layer: 'bed' | 'voice';
  audioTime: number;
}

/** The audio clock paired with the page's wall clock, plus the page's server-clock offset. */
export interface Pairing {
  ctxTime: number;
  epochMs: number;
  offsetMs: number;
}

// The page's Web Audio objects, as far as the bench touches them (the repo's tsconfig has no DOM).
interface AudioNodeLike {
  connect(to: unknown, output?: number, input?: number): unknown;
}
interface ContextLike {
  sampleRate: number;
  destination: unknown;
  audioWorklet: { addModule(url: string): Promise<void> };
  getOutputTimestamp(): { contextTime?: number; performanceTime?: number };
}
interface TapNode extends AudioNodeLike {
  port: { onmessage: ((e: { data: number[] }) => void) | null };
}
type TapGlobal = {
  // The engine is reached through the page's element (the page's `__deskcast` is a read-only
  // view); `_buses` is its private pair of bus gains: read here, never changed.
  document: {
    querySelector(tag: 'dc-player-app'): {
      _c: { engine: { ctx: ContextLike; _buses: Record<'bed' | 'voice', AudioNodeLike> } };
    };
  };
  __deskcast: { clock: { offsetMs: number } };
  __benchOnsets?: number[][];
  AudioWorkletNode: new (ctx: ContextLike, name: string, options: object) => TapNode;
};

/**
 * Installs the tap (the page's context must bypass its CSP: the module is a blob). It changes
 * what it measures: Chromium then renders the whole graph on the worklet's thread, which has
 * no real-time priority, and on a busy machine the audio clock stalls now and then.
 */
export async function installOnsetTap(page: Page): Promise<{ sampleRate: number }> {
  return page.evaluate(async (source) => {
    const g = globalThis as unknown as TapGlobal;
    const { ctx, _buses: buses } = g.document.querySelector('dc-player-app')._c.engine;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    await ctx.audioWorklet.addModule(url);
    const tap = new g.AudioWorkletNode(ctx, 'bench-onset-tap', {
      numberOfInputs: 2,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    g.__benchOnsets = [];
    tap.port.onmessage = (e) => g.__benchOnsets?.push(e.data);
    buses.bed.connect(tap, 0, 0);
    buses.voice.connect(tap, 0, 1);
    // Pulled by the destination, so it runs; it writes nothing, so it adds silence.
    tap.connect(ctx.destination);
    return { sampleRate: ctx.sampleRate };
  }, TAP_MODULE);
}

/**
 * One pairing of the audio clock with the page's wall clock, and the onsets the tap (if
 * installed) heard since the last call: the page keeps none, so the tap adds nothing to the
 * heap being measured.
 */
export async function readAudioClock(
  page: Page,
  sampleRate = 1,
): Promise<{ onsets: Onset[]; pairing: Pairing }> {
  const { raw, pairing } = await page.evaluate(() => {
    const g = globalThis as unknown as TapGlobal;
    const { ctx } = g.document.querySelector('dc-player-app')._c.engine;
    const ts = ctx.getOutputTimestamp();
    return {
      raw: g.__benchOnsets?.splice(0) ?? [],
      pairing: {
        ctxTime: ts.contextTime ?? Number.NaN,
        epochMs: performance.timeOrigin + (ts.performanceTime ?? Number.NaN),
        offsetMs: g.__deskcast.clock.offsetMs,
      },
    };
  });
  return {
    onsets: raw.map(([k, frame]) => ({
      layer: k === 0 ? 'bed' : 'voice',
      audioTime: (frame ?? 0) / sampleRate,
    })),
    pairing,
  };
}
