import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs a load script from bench/ in a second Node process, so the load does not share the
 * server's event loop. Each line it prints (one JSON object) goes to `onMessage`; it is killed
 * if it outlives `timeoutMs`.
 */
export function runLoad(
  script: string,
  args: unknown,
  timeoutMs: number,
  onMessage: (message: Record<string, unknown>) => void,
): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('bench', script), JSON.stringify(args)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let cut;
    while ((cut = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, cut).trim();
      buffer = buffer.slice(cut + 1);
      if (line) onMessage(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`bench/${script} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}
