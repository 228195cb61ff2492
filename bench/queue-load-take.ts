/**
 * The ticket load, run by bench/queue-take.ts in its own process: `concurrency` keep-alive
 * connections take tickets back to back for `durationMs` (after a warm-up), as guide screens
 * would. Prints one JSON line: the latency summary, errors, tickets per second, the codes.
 */
import { Agent, request } from 'node:http';
import { summarise } from './stats.ts';

interface Args {
  url: string;
  token: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  services: string[];
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const agent = new Agent({ keepAlive: true, maxSockets: args.concurrency });
let seq = 0;

function take(): Promise<{ ms: number; code?: string }> {
  const body = JSON.stringify({ service: args.services[seq++ % args.services.length] });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${args.url}/api/queue/tickets`,
      {
        method: 'POST',
        agent,
        headers: { Authorization: `Bearer ${args.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => {
          const ms = performance.now() - started;
          if (res.statusCode !== 201) return resolve({ ms });
          resolve({ ms, code: (JSON.parse(text) as { ticket: { code: string } }).ticket.code });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(ms: number) {
  const latencies: number[] = [];
  const codes: string[] = [];
  let errors = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until) {
      const r = await take();
      latencies.push(r.ms);
      if (r.code) codes.push(r.code);
      else errors += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: args.concurrency }, worker));
  return { latencies, codes, errors, elapsedMs: performance.now() - t0 };
}

setTimeout(
  () => {
    console.error('queue-load-take: out of time');
    process.exit(2);
  },
  args.durationMs + args.warmupMs + 30_000,
).unref();

const warm = await run(args.warmupMs);
const { latencies, codes, errors, elapsedMs } = await run(args.durationMs);
const summary = summarise(latencies);
console.log(
  JSON.stringify({
    ...summary,
    errors: errors + warm.errors,
    perSecond: (codes.length / elapsedMs) * 1000,
    issued: warm.codes.length + codes.length,
    distinct: new Set([...warm.codes, ...codes]).size,
  }),
);
agent.destroy();
