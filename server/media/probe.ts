import { open } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import { AUDIO_MIME, SNIFF_BYTES, sniffAudio, type AudioExt } from './formats.ts';

export type Probe =
  | { ok: true; ext: AudioExt; mime: string; durationMs: number; title?: string }
  | { ok: false; message: string };

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

/**
 * Is this file audio we can schedule? Both its leading bytes must name an audio container and
 * its contents must give a duration: a name ending in `.mp3` proves nothing.
 */
export async function probeAudio(path: string): Promise<Probe> {
  const ext = sniffAudio(await readHead(path));
  if (!ext)
    return { ok: false, message: 'the file does not start like any audio format we accept' };
  let seconds: number | undefined;
  let title: string | undefined;
  try {
    const meta = await parseFile(path, { duration: true });
    seconds = meta.format.duration;
    title = meta.common.title?.trim() || undefined;
  } catch (err) {
    return { ok: false, message: `not readable as audio (${(err as Error).message})` };
  }
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0)
    return { ok: false, message: 'no audio duration could be read from the file' };
  return {
    ok: true,
    ext,
    mime: AUDIO_MIME[ext],
    durationMs: Math.round(seconds * 1000),
    ...(title ? { title } : {}),
  };
}
