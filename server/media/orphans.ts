import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';

/** A stored file younger than this is left alone: another process may be writing its row. */
export const ORPHAN_MIN_AGE_MS = 60_000;

/**
 * Removes the files of a content-addressed store that no row refers to: left by a crash
 * (SIGKILL) between storing an upload and writing its row, they would never be served nor
 * removed. Only names of the store's own pattern, in its own folder (never the shipped media
 * folder, never `.incoming/`, never a subfolder), and only those older than ORPHAN_MIN_AGE_MS.
 * Run at start, before anything is uploaded. Returns the names removed.
 */
export function sweepOrphans(opts: {
  dir: string;
  /** The store's file names: `<sha256>.<ext>`. */
  pattern: RegExp;
  /** Whether a row refers to the file. */
  used: (name: string) => boolean;
  log: Logger;
  what: string;
}): string[] {
  const removed: string[] = [];
  let bytes = 0;
  let names: string[];
  try {
    names = readdirSync(opts.dir);
  } catch {
    return removed; // no store yet
  }
  for (const name of names) {
    if (!opts.pattern.test(name) || opts.used(name)) continue;
    const path = join(opts.dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    // Against the file system's own clock, which wrote the mtime (not the server's, which a test
    // or a wrong date may have moved).
    if (!s?.isFile() || Date.now() - s.mtimeMs < ORPHAN_MIN_AGE_MS) continue;
    rmSync(path, { force: true });
    removed.push(name);
    bytes += s.size;
  }
  if (removed.length > 0)
    opts.log.info(`removed ${opts.what} files no row refers to`, { count: removed.length, bytes });
  return removed;
}
