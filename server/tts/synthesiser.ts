import { Worker } from 'node:worker_threads';

/** How the text is spoken; part of the cache key, so a change renders afresh. */
export interface Voice {
  /**
   * espeak-ng's Mandarin voice that reads hanzi as Mandarin. Plain `cmn` reads pinyin tone
   * numbers in English (espeak-ng#1028, ecosystem.md §5.2).
   */
  voice: string;
  /** Words per minute. */
  speed: number;
}
export const DEFAULT_VOICE: Voice = { voice: 'cmn-latn-pinyin', speed: 150 };

/** Turns text into WAV bytes. */
export interface Synthesiser {
  /** Names the engine and its version: rendered speech is cached under it. */
  readonly id: string;
  synthesise(text: string, voice: Voice): Promise<Uint8Array>;
  /** Stops the engine; a later call starts it again. */
  close(): void;
}

/** More speech is waiting than the engine can render soon: try again in a moment. */
export class SpeechBusyError extends Error {}

interface Job {
  id: number;
  text: string;
  voice: Voice;
  resolve: (wav: Uint8Array) => void;
  reject: (err: Error) => void;
}

/**
 * espeak-ng compiled to WebAssembly (npm `espeak-ng`), in one worker thread: no system package,
 * the same voice on every machine, and renders one at a time, so a burst of requests queues
 * (at most `maxQueued`) instead of taking every core. A render that runs past `timeoutMs` ends
 * the worker; the next render starts a fresh one.
 */
export function espeakWasm({ timeoutMs = 60_000, maxQueued = 16 } = {}): Synthesiser {
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let running: { job: Job; timer: NodeJS.Timeout } | undefined;
  let nextId = 1;

  const stopWorker = () => {
    void worker?.terminate();
    worker = undefined;
  };

  const finish = (outcome: { wav: Uint8Array } | { error: Error }) => {
    if (!running) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = undefined;
    if ('wav' in outcome) job.resolve(outcome.wav);
    else job.reject(outcome.error);
    pump();
  };

  const startWorker = (): Worker => {
    const w = new Worker(new URL('./espeak-worker.mjs', import.meta.url));
    w.on('message', (m: { id: number; wav?: Uint8Array; error?: string }) => {
      if (worker !== w || m.id !== running?.job.id) return;
      finish(m.wav ? { wav: m.wav } : { error: new Error(`espeak-ng: ${m.error ?? 'no audio'}`) });
    });
    // A worker that was stopped on purpose has been replaced already: its end is not news.
    const died = (why: string) => {
      if (worker !== w) return;
      worker = undefined;
      finish({ error: new Error(`espeak-ng stopped: ${why}`) });
    };
    w.on('error', (err) => died(err.message));
    w.on('exit', (code) => died(`exit ${code}`));
    // Idle, it must not keep the process alive (a test, a CLI that has finished).
    w.unref();
    return w;
  };

  function pump(): void {
    if (running) return;
    const job = queue.shift();
    if (!job) return;
    worker ??= startWorker();
    const timer = setTimeout(() => {
      stopWorker();
      finish({ error: new Error(`espeak-ng took more than ${timeoutMs} ms and was stopped`) });
    }, timeoutMs);
    running = { job, timer };
    worker.postMessage({ id: job.id, text: job.text, ...job.voice });
  }

  return {
    id: 'espeak-ng-wasm 1.52',
    synthesise(text, voice) {
      if (queue.length >= maxQueued)
        return Promise.reject(
          new SpeechBusyError(`${queue.length} texts are waiting to be spoken`),
        );
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, text, voice, resolve, reject });
        pump();
      });
    },
    close() {
      for (const job of queue.splice(0)) job.reject(new Error('speech synthesis was stopped'));
      stopWorker();
      finish({ error: new Error('speech synthesis was stopped') });
    },
  };
}
