import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Logger } from '../log.ts';
import { AUDIO_MIME, isAudioExt } from './formats.ts';
import type { MediaLibrary, MediaRecord } from './library.ts';
import { scanMedia } from './scan.ts';

/** Files hashed and copied at once while importing. */
const CONCURRENCY = 4;

async function inBatches<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY)
    out.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(fn))));
  return out;
}

/**
 * First start: copies every audio file of the shipped media folder into the library, ids and
 * tags from its path as the program files expect them (`background/light/01-quiet-garden`),
 * each decoded and measured exactly as an upload is (a file that lies is left out, logged).
 * Does nothing once the library has any media: from then on the console manages it.
 */
export async function importShippedMedia(
  library: MediaLibrary,
  mediaDir: string,
  log: Logger,
  now: Date,
): Promise<number> {
  if (!library.isEmpty()) return 0;
  if (!existsSync(mediaDir)) {
    log.warn('no media folder to import; the library starts empty', { mediaDir });
    return 0;
  }
  const { catalogue, problems, formats } = await scanMedia(mediaDir);
  for (const p of problems) log.warn('media file not imported', { ...p });
  const at = now.toISOString();
  const records = await inBatches(catalogue.items, async (m): Promise<MediaRecord | undefined> => {
    const ext = extname(m.file).slice(1).toLowerCase();
    if (!isAudioExt(ext)) return undefined;
    const source = join(mediaDir, m.file);
    const { name, sha256 } = await library.files.copyIn(source, ext);
    return {
      id: m.id,
      file: name,
      title: m.title,
      tags: [...m.tags],
      durationMs: m.durationMs,
      // Measured afterwards, in the background (loudness-backfill.ts): it takes seconds.
      loudnessLufs: null,
      size: (await stat(source)).size,
      mime: AUDIO_MIME[ext],
      sha256,
      sampleRate: formats.get(m.id)?.sampleRate ?? null,
      channels: formats.get(m.id)?.channels ?? null,
      originalName: m.file,
      createdAt: at,
      updatedAt: at,
    };
  });
  const found = records.filter((r): r is MediaRecord => r !== undefined);
  library.add(found);
  log.info('media imported', { from: mediaDir, count: found.length });
  return found.length;
}
