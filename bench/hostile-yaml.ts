import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PASSWORD, Client, exited, spawnServer } from '../test/helpers/server.ts';
import { formatLatency, summarise, wallNow } from './stats.ts';

/** A program with `n` unknown keys added: the file that froze the server before #12. */
const withKeys = (program: string, n: number) =>
  `${program}\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n`;

/**
 * A hostile program file against the server as `npm start` runs it (its own process): how long
 * the refusal of a 100,000-key file takes, and `/api/health`'s latency meanwhile, probed every
 * 10 ms from this process. Target: refused in under 1 s, health under 50 ms throughout.
 */
export async function benchHostileYaml(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-bench-'));
  const { url, child } = await spawnServer(dataDir);
  const ended = exited(child);
  try {
    const admin = await new Client(url).login('admin', ADMIN_PASSWORD);
    const program = await readFile('schedules/program.yaml', 'utf8');
    console.log('\n## Hostile YAML (#12): a program file of many unknown keys');
    const files: [string, string][] = [
      ['100,000 keys', withKeys(program, 100_000)],
      [
        '80,000 keys on one line',
        `${program}\nx: {${[...Array(80_000).keys()].map((i) => `k${i}: 1`).join(', ')}}\n`,
      ],
      ['16,000 keys', withKeys(program, 16_000)],
      // Under the cap: a file that is checked in full, with 200 of its problems listed.
      ['1,800 keys', withKeys(program, 1_800)],
    ];
    for (const [what, yaml] of files) {
      const health: number[] = [];
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const t = wallNow();
          await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
          health.push(wallNow() - t);
          await sleep(10);
        }
      })();
      await sleep(100);
      const t = wallNow();
      const r = await admin.put('/api/program', { yaml });
      const took = wallNow() - t;
      await sleep(100);
      probing = false;
      await probe;
      const h = summarise(health);
      console.log(
        `${what} (${(yaml.length / 1e6).toFixed(2)} MB): ` +
          `${r.status} in ${took.toFixed(0)} ms (target < 1000, ${(took / 1000).toFixed(2)}× of it), ` +
          `answer ${r.text.length} B; /api/health ${formatLatency(h)} over ${h.count} probes ` +
          `(max ${(h.max / 50).toFixed(2)}× the 50 ms target)`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await ended;
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHostileYaml();
