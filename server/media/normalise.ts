import { spawn } from 'node:child_process';
import { DECODE_TIMEOUT_MS } from './decode.ts';
import { FFMPEG } from './ffmpeg.ts';
import type { AudioExt } from './formats.ts';
import { LOUDNESS_TARGET } from './loudness-target.ts';

/** What loudnorm's first pass measured (its JSON summary). */
export interface LoudnormMeasure {
  input_i: string;
  input_tp: string;
  input_lra: string;
  input_thresh: string;
  target_offset: string;
}

/** The source as probed: what the copy must keep. */
export interface NormaliseSource {
  ext: AudioExt;
  codec?: string;
  sampleRate?: number;
  bitrate?: number;
  bitsPerSample?: number;
}

type Result = { ok: true } | { ok: false; message: string };

/** The JSON block loudnorm prints at the end of stderr, or undefined. Pure. */
export function parseLoudnorm(stderr: string): LoudnormMeasure | undefined {
  const at = stderr.lastIndexOf('Parsed_loudnorm');
  const open = stderr.indexOf('{', at < 0 ? 0 : at);
  const close = stderr.indexOf('}', open);
  if (at < 0 || open < 0 || close < 0) return undefined;
  try {
    const m = JSON.parse(stderr.slice(open, close + 1)) as Partial<LoudnormMeasure>;
    const { input_i, input_tp, input_lra, input_thresh, target_offset } = m;
    if (!input_i || !input_tp || !input_lra || !input_thresh || !target_offset) return undefined;
    return { input_i, input_tp, input_lra, input_thresh, target_offset };
  } catch {
    return undefined;
  }
}

const kbps = (bitrate: number | undefined) =>
  `${Math.min(320, Math.max(32, Math.round((bitrate ?? 128_000) / 1000)))}k`;

/**
 * The encoder and container for the normalised copy: the source's own format (a WAV stays a
 * WAV, an MP3 an MP3 at its bit rate), so the item keeps its extension and MIME type. Pure.
 */
export function encodeArgs(src: NormaliseSource): string[] {
  const lossy = (encoder: string) => ['-c:a', encoder, '-b:a', kbps(src.bitrate)];
  const speech = src.codec === 'opus' ? lossy('libopus') : lossy('libvorbis');
  switch (src.ext) {
    case 'mp3':
      return [...lossy('libmp3lame'), '-id3v2_version', '3', '-f', 'mp3'];
    case 'wav':
      return ['-c:a', (src.bitsPerSample ?? 16) > 16 ? 'pcm_s24le' : 'pcm_s16le', '-f', 'wav'];
    case 'flac':
      return ['-c:a', 'flac', '-f', 'flac'];
    case 'ogg':
    case 'opus':
      return [...(src.codec === 'flac' ? ['-c:a', 'flac'] : speech), '-f', 'ogg'];
    case 'm4a':
      return [...(src.codec === 'alac' ? ['-c:a', 'alac'] : lossy('aac')), '-f', 'ipod'];
    case 'aac':
      return [...lossy('aac'), '-f', 'adts'];
    case 'webm':
    case 'weba':
      return [...speech, '-f', 'webm'];
    default: {
      const never: never = src.ext;
      return never;
    }
  }
}

function ffmpeg(args: string[], timeoutMs: number): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, ['-hide_banner', '-nostdin', '-nostats', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    // Only the end matters (the summary); a long file's warnings must not fill memory.
    child.stderr.on('data', (c: string) => (stderr = (stderr + c).slice(-16_384)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

/**
 * Renders a copy of `source` at the mall's loudness into `out`, with ffmpeg's loudnorm in two
 * passes (measure, then apply one linear gain, so the music's dynamics are kept). loudnorm
 * works at 192 kHz and outputs that unless told otherwise: `-ar` keeps the source's rate.
 */
export async function renderNormalised(
  source: string,
  out: string,
  src: NormaliseSource,
  timeoutMs = DECODE_TIMEOUT_MS,
): Promise<Result> {
  const { lufs, truePeakDbtp, lra } = LOUDNESS_TARGET;
  const target = `I=${lufs}:TP=${truePeakDbtp}:LRA=${lra}`;
  const input = ['-i', source, '-map', '0:a:0'];
  const first = await ffmpeg(
    [...input, '-af', `loudnorm=${target}:print_format=json`, '-f', 'null', '-'],
    timeoutMs,
  );
  const m = first.code === 0 ? parseLoudnorm(first.stderr) : undefined;
  if (!m) return { ok: false, message: '无法测量响度 · the loudness could not be measured' };
  if (!Number.isFinite(Number(m.input_i)))
    return {
      ok: false,
      message: '文件是静音的，无法标准化 · the file is silent: nothing to normalise',
    };
  const measured =
    `measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}:` +
    `measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true`;
  const rate = src.sampleRate ? ['-ar', String(src.sampleRate)] : [];
  const second = await ffmpeg(
    [
      '-y',
      ...input,
      ...['-map_metadata', '0', '-af', `loudnorm=${target}:${measured}`, ...rate],
      ...encodeArgs(src),
      out,
    ],
    timeoutMs,
  );
  if (second.code !== 0)
    return { ok: false, message: '标准化音频生成失败 · the normalised copy could not be made' };
  return { ok: true };
}
