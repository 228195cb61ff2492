import { open } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import {
  durationProblem,
  formatProblem,
  type HeaderClaims,
  type RefusalCode,
} from './audio-check.ts';
import { decodeAudio, DECODE_TIMEOUT_MS } from './decode.ts';
import { AUDIO_MIME, SNIFF_BYTES, sniffAudio, type AudioExt } from './formats.ts';

export type Probe =
  | {
      ok: true;
      ext: AudioExt;
      mime: string;
      /** Measured by decoding the whole file, never taken from its header. */
      durationMs: number;
      sampleRate?: number;
      channels?: number;
      /** ffmpeg's name of the codec (`mp3`, `pcm_s16le`, `opus`…). */
      codec?: string;
      /** Bits per second, when the header gives it (kept when the file is re-encoded). */
      bitrate?: number;
      bitsPerSample?: number;
      title?: string;
    }
  | { ok: false; code: RefusalCode; message: string };

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

interface Header extends HeaderClaims {
  title?: string;
  bitrate?: number;
  bitsPerSample?: number;
}

/** What the file says of itself; nothing when its header cannot be read (ffmpeg judges then). */
async function readHeader(path: string): Promise<Header> {
  try {
    // Reads from disk as it goes; `duration` counts frames where there is no length header.
    const { format, common } = await parseFile(path, { duration: true, skipCovers: true });
    const known = (n: number | undefined) =>
      n !== undefined && Number.isFinite(n) ? n : undefined;
    const seconds = known(format.duration);
    const h: Header = {};
    if (seconds !== undefined && seconds > 0) h.durationMs = seconds * 1000;
    if (known(format.sampleRate) !== undefined) h.sampleRate = format.sampleRate as number;
    if (known(format.numberOfChannels) !== undefined)
      h.channels = format.numberOfChannels as number;
    if (known(format.bitrate)) h.bitrate = format.bitrate as number;
    if (known(format.bitsPerSample)) h.bitsPerSample = format.bitsPerSample as number;
    const title = common.title?.trim();
    if (title) h.title = title;
    return h;
  } catch {
    return {};
  }
}

/**
 * Is this file audio we can schedule, and how long is it really? Its leading bytes must name an
 * audio container (a name ending in `.mp3` proves nothing), its format must be plausible, and
 * it is decoded whole by ffmpeg: the duration stored is what decodes, and a file whose header
 * promises much more than that (cut off in a copy) is refused.
 */
export async function probeAudio(path: string, options: ProbeOptions = {}): Promise<Probe> {
  const ext = sniffAudio(await readHead(path));
  if (!ext)
    return {
      ok: false,
      code: 'not-audio',
      message:
        '文件开头不像任何可接受的音频格式 · the file does not start like any audio format we accept',
    };
  const header = await readHeader(path);
  const claimed = formatProblem(header);
  if (claimed) return { ok: false, ...claimed };

  const decoded = await decodeAudio(path, {
    timeoutMs: options.timeoutMs ?? DECODE_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!decoded.ok) {
    // Not the file's fault: the server's, so a plain 500 that is logged.
    if (decoded.reason === 'no-ffmpeg') throw new Error(decoded.message);
    const found = decoded.stream && formatProblem(decoded.stream);
    if (found) return { ok: false, ...found };
    return { ok: false, code: 'not-audio', message: decoded.message };
  }
  const problem = formatProblem(decoded) ?? durationProblem(header, decoded);
  if (problem) return { ok: false, ...problem };
  return {
    ok: true,
    ext,
    mime: AUDIO_MIME[ext],
    durationMs: Math.round(decoded.durationMs),
    ...(decoded.sampleRate !== undefined ? { sampleRate: decoded.sampleRate } : {}),
    ...(decoded.channels !== undefined ? { channels: decoded.channels } : {}),
    ...(decoded.codec ? { codec: decoded.codec } : {}),
    ...(header.bitrate ? { bitrate: header.bitrate } : {}),
    ...(header.bitsPerSample ? { bitsPerSample: header.bitsPerSample } : {}),
    ...(header.title ? { title: header.title } : {}),
  };
}
