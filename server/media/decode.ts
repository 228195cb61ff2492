import { spawn } from 'node:child_process';
import { FFMPEG } from './ffmpeg.ts';

/** Long enough for a 200 MB file on a busy desk PC; a file that takes longer is refused. */
export const DECODE_TIMEOUT_MS = 180_000;

export type Decoded =
  | { ok: true; durationMs: number; sampleRate?: number; channels?: number; codec?: string }
  | {
      ok: false;
      reason: 'undecodable' | 'timeout' | 'no-ffmpeg';
      message: string;
      /** What the banner said of the stream, when ffmpeg got that far. */
      stream?: AudioStream;
    };

export interface AudioStream {
  codec: string;
  sampleRate: number;
  channels?: number;
}

// ffmpeg's channel layout names (libavutil/channel_layout.c) and their channel counts.
const LAYOUTS: Record<string, number> = {
  mono: 1,
  stereo: 2,
  downmix: 2,
  '2.1': 3,
  '3.0': 3,
  '3.0(back)': 3,
  '4.0': 4,
  quad: 4,
  'quad(side)': 4,
  '3.1': 4,
  '5.0': 5,
  '5.0(side)': 5,
  '4.1': 5,
  '5.1': 6,
  '5.1(side)': 6,
  '6.0': 6,
  '6.0(front)': 6,
  hexagonal: 6,
  '6.1': 7,
  '6.1(back)': 7,
  '6.1(front)': 7,
  '7.0': 7,
  '7.0(front)': 7,
  '7.1': 8,
  '7.1(wide)': 8,
  '7.1(wide-side)': 8,
  octagonal: 8,
  hexadecagonal: 16,
};

/**
 * The first audio stream of the input, from ffmpeg's banner on stderr
 * (`Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 128 kb/s`). Pure.
 */
export function parseAudioStream(stderr: string): AudioStream | undefined {
  const input = stderr.split(/^Output #0|^Stream mapping:/m)[0] ?? '';
  const m = /Stream #0:\d+[^:]*: Audio: ([^,\n]+), (\d+) Hz, ([^,\n]+)/.exec(input);
  if (!m) return undefined;
  const layout = (m[3] ?? '').trim();
  const counted = /^(\d+) channels/.exec(layout);
  const channels = counted ? Number(counted[1]) : LAYOUTS[layout];
  return {
    codec: (m[1] ?? '').trim().split(' ')[0] ?? '',
    sampleRate: Number(m[2]),
    ...(channels !== undefined ? { channels } : {}),
  };
}

/**
 * The output time of the last `-progress` block, in ms: with the null muxer, the length of
 * everything decoded. ffmpeg 4 writes microseconds under the name `out_time_ms`. Pure.
 */
export function parseProgressMs(progress: string): number | undefined {
  const all = [...progress.matchAll(/^out_time_(?:us|ms)=(\d+)$/gm)];
  const last = all.at(-1);
  return last ? Number(last[1]) / 1000 : undefined;
}

/** The last line of ffmpeg's stderr that says what went wrong, without the server's path. */
const lastError = (stderr: string, path: string) =>
  stderr
    .split('\n')
    .map((l) => l.split(path).join('').replace(/^:\s*/, '').trim())
    .filter((l) => l && !l.startsWith('size=') && !/^(video|Stream|Output|Input|Metadata)/.test(l))
    .at(-1) ?? 'ffmpeg could not read it';

const STDERR_KEEP = 32 * 1024;

/**
 * Decodes the whole first audio stream of a file (ffmpeg reads it from disk; nothing is held in
 * memory but its messages) and says how long it really is. Killed after `timeoutMs`.
 */
export function decodeAudio(
  path: string,
  options: { timeoutMs?: number; signal?: AbortSignal; command?: string } = {},
): Promise<Decoded> {
  const { timeoutMs = DECODE_TIMEOUT_MS, signal, command = FFMPEG } = options;
  const args = [
    ...['-hide_banner', '-nostdin', '-nostats', '-progress', 'pipe:1'],
    ...['-i', path, '-map', '0:a:0', '-vn', '-sn', '-dn', '-f', 'null', '-'],
  ];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let head = '';
    let tail = '';
    let progress = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (head.length < STDERR_KEEP) head += chunk;
      tail = (tail + chunk).slice(-4096);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (progress = (progress + chunk).slice(-4096)));
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });
    const done = (result: Decoded) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      resolve(result);
    };
    child.on('error', (err: NodeJS.ErrnoException) =>
      done({
        ok: false,
        reason: 'no-ffmpeg',
        message: `ffmpeg could not be started (${err.code ?? err.message})`,
      }),
    );
    child.on('close', (code) => {
      if (timedOut)
        return done({
          ok: false,
          reason: 'timeout',
          message: `解码超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成 · decoding took longer than ${Math.round(timeoutMs / 1000)} s`,
        });
      const stream = parseAudioStream(head);
      const durationMs = parseProgressMs(progress);
      if (code !== 0 || !stream || durationMs === undefined)
        return done({
          ok: false,
          reason: 'undecodable',
          message: `无法解码为声音 · not decodable as audio (${lastError(tail, path)})`,
          ...(stream ? { stream } : {}),
        });
      done({
        ok: true,
        durationMs,
        sampleRate: stream.sampleRate,
        codec: stream.codec,
        ...(stream.channels !== undefined ? { channels: stream.channels } : {}),
      });
    });
  });
}
