import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KIOSK_DIST } from '../server/system/kiosk-pages.ts';

const ROOT = join(import.meta.dirname, '..');
const BUILT = join(KIOSK_DIST, 'player', 'index.html');

/** Newest modification time under a folder (the kiosk's sources). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the kiosk pages when dist/kiosk is missing or older than kiosk/: a bench of a stale
 * player measures code nobody runs. The server only mounts the pages if they exist at start.
 */
export async function ensureKioskBuilt(): Promise<void> {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestUnder(join(ROOT, 'kiosk'))) return;
  console.log('  building the kiosk pages (npm run build)…');
  await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, timeout: 180_000 });
}
