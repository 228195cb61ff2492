import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch copy of schedules/ to break on purpose; media/ is shared read-only. */
export async function scratchSchedules(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deskcast-schedules-'));
  await cp('schedules', dir, { recursive: true });
  return dir;
}

/** Replaces one exact piece of a file, failing loudly if the piece is not there. */
export async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  await writeFile(path, text.replace(from, to));
}

/** The 1-based line of the first line containing `needle`. */
export async function lineOf(dir: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`${file} has no line with "${needle}"`);
  return i + 1;
}
