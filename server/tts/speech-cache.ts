import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { SPEECH_NAME } from './render.ts';

/** A rendered file in the cache, with when it was last asked for (its mtime). */
export interface CachedSpeech {
  name: string;
  bytes: number;
  usedAt: number;
}

export interface SpeechCacheLimits {
  /** The whole cache's size: past it the least recently used go first. */
  maxBytes: number;
  /** A file nobody has asked for this long goes, whatever the size. */
  maxAgeMs: number;
}

/** Enough for weeks of weather, events and announcements at about 5 MB a minute of speech. */
export const SPEECH_CACHE_LIMITS: SpeechCacheLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxAgeMs: 14 * 24 * 3600_000,
};

/**
 * What to delete: files unused past the age, then the least recently used until the rest fit.
 * A file in `keep` (what a plan or a pending announcement will play) never goes: a player
 * fetching it later must not find it gone, even when that leaves the cache over its size.
 */
export function speechEvictions(
  files: readonly CachedSpeech[],
  keep: ReadonlySet<string>,
  limits: SpeechCacheLimits,
  now: number,
): string[] {
  const gone: string[] = [];
  let total = files.reduce((sum, f) => sum + f.bytes, 0);
  const oldestFirst = [...files].sort((a, b) => a.usedAt - b.usedAt);
  for (const f of oldestFirst) {
    if (keep.has(f.name)) continue;
    if (now - f.usedAt > limits.maxAgeMs || total > limits.maxBytes) {
      gone.push(f.name);
      total -= f.bytes;
    }
  }
  return gone;
}

/** Lists the cache folder and deletes what `speechEvictions` names; the count and bytes freed. */
export async function pruneSpeech(
  dir: string,
  keep: ReadonlySet<string>,
  limits: SpeechCacheLimits,
  now: number,
  log: Logger,
): Promise<{ removed: number; bytes: number }> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files: CachedSpeech[] = [];
  for (const name of names) {
    if (!SPEECH_NAME.test(name)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile()) files.push({ name, bytes: info.size, usedAt: info.mtimeMs });
  }
  const gone = new Set(speechEvictions(files, keep, limits, now));
  let bytes = 0;
  for (const f of files) {
    if (!gone.has(f.name)) continue;
    await rm(join(dir, f.name), { force: true });
    bytes += f.bytes;
  }
  if (gone.size) log.info('speech cache pruned', { removed: gone.size, bytes });
  return { removed: gone.size, bytes };
}
