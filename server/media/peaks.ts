import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DECODE_TIMEOUT_MS } from './decode.ts';
import { FFMPEG } from './ffmpeg.ts';

/** Bars of a waveform: enough for a wide screen, small as JSON (a few KB). */
export const PEAK_BUCKETS = 600;
/** Peaks need no fidelity: decoding to 8 kHz mono keeps the work and the pipe small. */
const RATE = 8000;

export interface Peaks {
  /** Loudest sample of each bucket, 0–1, buckets evenly spread over the decoded audio. */
  peaks: number[];
  durationMs: number;
}

/**
 * Reduces 16-bit mono samples to the loudest of each of `buckets` equal spans, as they arrive:
 * memory stays the size of the result. `expected` is the sample count the duration gives;
 * a longer decode goes into the last bucket. Pure.
 */
export function peakReducer(expected: number, buckets = PEAK_BUCKETS) {
  const peaks = new Float32Array(buckets);
  const per = Math.max(1, Math.ceil(expected / buckets));
  let index = 0;
  let carry: Buffer | undefined;
  return {
    push(chunk: Buffer): void {
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = data.length - (data.length % 2);
      for (let at = 0; at < whole; at += 2, index++) {
        const b = Math.min(buckets - 1, Math.floor(index / per));
        const v = Math.abs(data.readInt16LE(at)) / 32768;
        if (v > (peaks[b] ?? 0)) peaks[b] = v;
      }
      carry = whole < data.length ? data.subarray(whole) : undefined;
    },
    result: (): Peaks => ({
      peaks: Array.from(peaks, (v) => Math.round(v * 1000) / 1000),
      durationMs: Math.round((index / RATE) * 1000),
    }),
  };
}

function decodePeaks(path: string, durationMs: number): Promise<Peaks> {
  const reduce = peakReducer(Math.ceil((durationMs / 1000) * RATE));
  const args = ['-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-i', path];
  args.push('-map', '0:a:0', '-ac', '1', '-ar', String(RATE), '-f', 's16le', 'pipe:1');
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), DECODE_TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => reduce.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(reduce.result());
      else reject(new Error(`ffmpeg could not decode ${path} for its waveform (exit ${code})`));
    });
  });
}

/**
 * The waveform of a stored file, computed once and kept beside the store (`.peaks/`): a file
 * name is its content, so the peaks of a name never change.
 */
export function peaksCache(storeDir: string) {
  const dir = join(storeDir, '.peaks');
  const running = new Map<string, Promise<Peaks>>();
  return async function peaksOf(file: string, path: string, durationMs: number): Promise<Peaks> {
    const cached = join(dir, `${file}.json`);
    const hit = await readFile(cached, 'utf8').then(
      (t) => JSON.parse(t) as Peaks,
      () => undefined,
    );
    if (hit) return hit;
    let job = running.get(file);
    if (!job) {
      job = (async () => {
        const peaks = await decodePeaks(path, durationMs);
        await mkdir(dir, { recursive: true });
        await writeFile(`${cached}.part`, JSON.stringify(peaks));
        await rename(`${cached}.part`, cached);
        return peaks;
      })().finally(() => running.delete(file));
      running.set(file, job);
    }
    return job;
  };
}
