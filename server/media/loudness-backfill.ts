import type { Logger } from '../log.ts';
import type { MediaLibrary } from './library.ts';

/**
 * Measures, one file at a time in the background, the loudness of stored media that has none
 * yet (the first start's import: a few seconds per dozen files, which should not hold up the
 * server). Returns the function that stops it, killing a running ffmpeg.
 */
export function startLoudnessBackfill(library: MediaLibrary, log: Logger): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  const run = async () => {
    let measured = 0;
    for (const file of library.unmeasured()) {
      const lufs = await library.measureLoudness(library.files.pathOf(file), signal);
      // Stopped: the database may be closed by now.
      if (signal.aborted) return;
      if (lufs === null) continue;
      library.setLoudness(file, lufs);
      measured++;
    }
    if (measured) log.info('media loudness measured', { files: measured });
  };
  run().catch((err: unknown) => {
    if (!signal.aborted) log.warn('measuring media loudness failed', { err: String(err) });
  });
  return () => abort.abort();
}
