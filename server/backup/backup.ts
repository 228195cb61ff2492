import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/open.ts';

const NAME_RE = /^deskcast-\d{8}-\d{6}\.sqlite$/;

/** `deskcast-20261205-033000.sqlite` for an instant, in UTC so names sort in time order. */
export function backupName(at: Date): string {
  const s = at.toISOString();
  return `deskcast-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}.sqlite`;
}

/**
 * A consistent copy of the live database (SQLite's online backup: the server keeps writing
 * meanwhile), then the oldest copies beyond `keep` removed.
 */
export async function backupDatabase(
  db: Db,
  dir: string,
  keep: number,
  at = new Date(),
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, backupName(at));
  await db.backup(path);
  const old = (await readdir(dir)).filter((f) => NAME_RE.test(f)).sort();
  for (const f of old.slice(0, Math.max(0, old.length - keep))) await rm(join(dir, f));
  return path;
}

/** The newest backup's time, from its name; undefined when there is none. */
export async function lastBackupAt(dir: string): Promise<Date | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => NAME_RE.test(f))
    .sort();
  const last = names.at(-1);
  if (!last) return undefined;
  const m = /^deskcast-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(last);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}
