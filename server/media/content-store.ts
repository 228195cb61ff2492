import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { STORED_NAME, storedName, type AudioExt } from './formats.ts';

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The folder of audio files named by their content's sha256: a name always means the same
 * bytes, so players may cache a file forever. Uploads land in `.incoming/` (never served) and are
 * renamed in once accepted, on the same file system so the move is atomic.
 */
export function contentStore(dir: string) {
  const incoming = join(dir, '.incoming');
  mkdirSync(incoming, { recursive: true });
  // Leftovers of uploads cut short by a crash.
  for (const name of readdirSync(incoming)) rmSync(join(incoming, name), { force: true });

  const pathOf = (name: string) => {
    if (!STORED_NAME.test(name)) throw new Error(`not a stored media name: ${name}`);
    return join(dir, name);
  };

  return {
    dir,
    pathOf,
    /** A fresh path for an upload in progress. */
    tempPath: () => join(incoming, `${randomBytes(12).toString('hex')}.part`),
    /** Moves an accepted upload in; identical content already stored is kept as it is. */
    async adopt(temp: string, sha256: string, ext: AudioExt): Promise<string> {
      const name = storedName(sha256, ext);
      if (await exists(pathOf(name))) await rm(temp, { force: true });
      else await rename(temp, pathOf(name));
      return name;
    },
    /** Copies a file in (the shipped media folder is left as it is). */
    async copyIn(source: string, ext: AudioExt): Promise<{ name: string; sha256: string }> {
      const sha256 = await sha256OfFile(source);
      const name = storedName(sha256, ext);
      if (!(await exists(pathOf(name)))) {
        const temp = join(incoming, `${sha256}.copy`);
        await copyFile(source, temp);
        await rename(temp, pathOf(name));
      }
      return { name, sha256 };
    },
    remove: (name: string) => rm(pathOf(name), { force: true }),
    discard: (temp: string) => rm(temp, { force: true }),
  };
}
export type ContentStore = ReturnType<typeof contentStore>;
