import { readdir } from 'node:fs/promises';
import { join, relative, sep, extname } from 'node:path';
import { parseFile } from 'music-metadata';
import { makeCatalogue, type MediaCatalogue, type MediaItem } from './catalogue.ts';

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

/**
 * Reads every audio file under `root`: its duration and title from the file itself, its tags
 * from the folders it sits in. A file that cannot be read is reported, not fatal.
 */
export async function scanMedia(
  root: string,
): Promise<{ catalogue: MediaCatalogue; problems: ScanProblem[] }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && AUDIO_EXTENSIONS.has(extname(e.name).toLowerCase()))
    // The queue's voice pack (media/voice/) is served as it is, not broadcast: not media.
    .filter((e) => relative(root, e.parentPath).split(sep)[0] !== 'voice')
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const problems: ScanProblem[] = [];
  const items: MediaItem[] = [];
  await Promise.all(
    files.map(async (path) => {
      const file = relative(root, path).split(sep).join('/');
      try {
        const meta = await parseFile(path, { duration: true });
        const seconds = meta.format.duration;
        if (!seconds || !Number.isFinite(seconds)) {
          problems.push({ file, message: 'no audio duration could be read' });
          return;
        }
        const id = file.slice(0, -extname(file).length);
        const tags = file.split('/').slice(0, -1);
        const base = id.split('/').pop() ?? id;
        items.push({
          id,
          file,
          title: meta.common.title?.trim() || base,
          tags,
          durationMs: Math.round(seconds * 1000),
        });
      } catch (err) {
        problems.push({ file, message: `not readable as audio (${(err as Error).message})` });
      }
    }),
  );
  return { catalogue: makeCatalogue(items), problems };
}
