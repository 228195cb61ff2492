import { readdir } from 'node:fs/promises';
import { join, relative, sep, extname } from 'node:path';
import { makeCatalogue, type MediaCatalogue, type MediaItem } from './catalogue.ts';
import { probeAudio } from './probe.ts';

export const AUDIO_EXTENSIONS = new Set([
  '.mp3',
  '.m4a',
  '.aac',
  '.ogg',
  '.opus',
  '.weba',
  '.webm',
  '.wav',
  '.flac',
]);

export interface ScanProblem {
  file: string;
  message: string;
}

/** The decoded stream's format of a scanned item, by id. */
export interface ScannedFormat {
  sampleRate?: number;
  channels?: number;
}

/** Files decoded at once: each is an ffmpeg process, and the machine has two cores. */
const CONCURRENCY = 3;

async function eachLimited<T>(items: readonly T[], fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/**
 * Reads every audio file under `root`: its duration measured by decoding it, exactly as an
 * upload is (server/media/probe.ts), its title from its tags, its tags from the folders it sits
 * in. A file that cannot be read, or that lies about itself, is reported, not fatal.
 */
export async function scanMedia(root: string): Promise<{
  catalogue: MediaCatalogue;
  problems: ScanProblem[];
  formats: ReadonlyMap<string, ScannedFormat>;
}> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && AUDIO_EXTENSIONS.has(extname(e.name).toLowerCase()))
    // The queue's voice pack (media/voice/) is served as it is, not broadcast: not media.
    .filter((e) => relative(root, e.parentPath).split(sep)[0] !== 'voice')
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const problems: ScanProblem[] = [];
  const items: MediaItem[] = [];
  const formats = new Map<string, ScannedFormat>();
  await eachLimited(files, async (path) => {
    const file = relative(root, path).split(sep).join('/');
    try {
      const probe = await probeAudio(path);
      if (!probe.ok) {
        problems.push({ file, message: probe.message });
        return;
      }
      const id = file.slice(0, -extname(file).length);
      const tags = file.split('/').slice(0, -1);
      const base = id.split('/').pop() ?? id;
      items.push({ id, file, title: probe.title || base, tags, durationMs: probe.durationMs });
      formats.set(id, { sampleRate: probe.sampleRate, channels: probe.channels });
    } catch (err) {
      problems.push({ file, message: `not readable as audio (${(err as Error).message})` });
    }
  });
  problems.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { catalogue: makeCatalogue(items), problems, formats };
}
