import { execFile } from 'node:child_process';
import type { Logger } from '../log.ts';
import { FFMPEG } from './ffmpeg.ts';

/** Reads the summary's integrated loudness (`I: -16.6 LUFS`) from ffmpeg's ebur128 output. */
export function parseIntegratedLoudness(stderr: string): number | null {
  const at = stderr.lastIndexOf('Summary:');
  if (at < 0) return null;
  const m = /^\s*I:\s*(-?\d+(?:\.\d+)?)\s*LUFS/m.exec(stderr.slice(at));
  if (!m) return null;
  const value = Number(m[1]);
  return Number.isFinite(value) ? value : null;
}

function run(
  command: string,
  args: string[],
  signal?: AbortSignal,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: 300_000, maxBuffer: 16 * 1024 * 1024, ...(signal ? { signal } : {}) },
      (err, _stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(err);
        resolve({ code: err ? 1 : 0, stderr: String(stderr) });
      },
    );
  });
}

/**
 * Measures a file's integrated loudness (EBU R128) with ffmpeg, so the player can level items;
 * null when ffmpeg is not installed (said once in the log) or cannot read the file.
 */
export function loudnessMeter(log: Logger, command = FFMPEG) {
  let missing = false;
  return async function measure(path: string, signal?: AbortSignal): Promise<number | null> {
    if (missing || signal?.aborted) return null;
    // framelog=verbose keeps the per-frame lines out of stderr; ffmpeg 5.1 (Debian 12) has no
    // `framelog=quiet` and fails with it, printing a summary of zeros.
    const args = ['-hide_banner', '-nostats', '-i', path, '-af', 'ebur128=framelog=verbose'];
    try {
      const { code, stderr } = await run(command, [...args, '-f', 'null', '-'], signal);
      const lufs = code === 0 ? parseIntegratedLoudness(stderr) : null;
      if (lufs === null && !signal?.aborted)
        log.warn('loudness could not be measured', { path, code });
      return lufs;
    } catch {
      missing = true;
      log.warn('ffmpeg is not on the PATH: media loudness will not be measured', { command });
      return null;
    }
  };
}
export type LoudnessMeter = ReturnType<typeof loudnessMeter>;
