import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentStore } from '../media/content-store.ts';
import { IMAGE_NAME, type ImageExt } from './image-formats.ts';

/**
 * Merchants' logos under `DATA_DIR/images`, named by their content's sha256 like the audio
 * library: a name always means the same bytes, so browsers cache it forever. Uploads arrive
 * through the audio library's store (`.incoming/`, cleared at start) and are renamed in.
 */
export function imageStore(dir: string) {
  const incoming = contentStore(dir);
  const pathOf = (name: string) => {
    if (!IMAGE_NAME.test(name)) throw new Error(`not a stored image name: ${name}`);
    return join(dir, name);
  };
  return {
    /** Where uploads are received (server/media/upload.ts takes it). */
    incoming,
    pathOf,
    async size(name: string): Promise<number | undefined> {
      return stat(pathOf(name)).then(
        (s) => s.size,
        () => undefined,
      );
    },
    /** Moves an accepted upload in; the same bytes already stored are kept as they are. */
    async adopt(temp: string, sha256: string, ext: ImageExt): Promise<string> {
      const name = `${sha256}.${ext}`;
      if ((await this.size(name)) !== undefined) await rm(temp, { force: true });
      else await rename(temp, pathOf(name));
      return name;
    },
    remove: (name: string) => rm(pathOf(name), { force: true }),
  };
}
export type ImageStore = ReturnType<typeof imageStore>;
