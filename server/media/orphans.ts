import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';

/** A stored file younger than this is left alone: another process may be writing its row. */
export const ORPHAN_MIN_AGE_MS = 60_000;
/** How long a file set aside stays in `.orphans/` (a restore of a newer backup may want it). */
export const ORPHAN_KEEP_MS = 7 * 86_400_000;
/** The folder, inside a store, where files no row refers to are set aside (never served). */
export const ORPHANS_DIR = '.orphans';

/**
 * Clears the files of a content-addressed store that no row refers to: left by a crash
 * (SIGKILL) between storing an upload and writing its row, they would never be served nor
 * removed. Only names of the store's own pattern, in its own folder (never the shipped media
 * folder, never `.incoming/`, never a subfolder), and only those older than ORPHAN_MIN_AGE_MS.
 * They are moved to `.orphans/` rather than deleted at once, since a database restored from an
 * older backup does not know files uploaded after it; those older than ORPHAN_KEEP_MS go.
 * Run at start, before anything is uploaded. Returns the names set aside.
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
  const moved: string[] = [];
  let bytes = 0;
  let names: string[];
  try {
    names = readdirSync(opts.dir);
  } catch {
    return moved; // no store yet
  }
  // Against the file system's own clock, which wrote the mtimes (not the server's, which a test
  // or a wrong date may have moved).
  const now = Date.now();
  const aside = join(opts.dir, ORPHANS_DIR);
  for (const name of names) {
    if (!opts.pattern.test(name) || opts.used(name)) continue;
    const path = join(opts.dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s?.isFile() || now - s.mtimeMs < ORPHAN_MIN_AGE_MS) continue;
    mkdirSync(aside, { recursive: true });
    renameSync(path, join(aside, name));
    // Kept for ORPHAN_KEEP_MS from now, whenever it was written.
    utimesSync(join(aside, name), new Date(now), new Date(now));
    moved.push(name);
    bytes += s.size;
  }
  if (moved.length > 0)
    opts.log.warn(`set aside ${opts.what} files no row refers to`, {
      count: moved.length,
      bytes,
      folder: aside,
    });
  let kept: string[] = [];
  try {
    kept = readdirSync(aside);
  } catch {
    /* nothing set aside */
  }
  for (const name of kept) {
    const path = join(aside, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (s?.isFile() && now - s.mtimeMs >= ORPHAN_KEEP_MS) rmSync(path, { force: true });
  }
  return moved;
}
