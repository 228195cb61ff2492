/**
 * The API latency load, run by bench/api-latency.ts in its own process: for each target in
 * turn, `concurrency` keep-alive connections send requests back to back for `durationMs`.
 * Prints one JSON line per target.
 */
import { Agent, request } from 'node:http';
import { summarise } from './stats.ts';

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** POST /api/plays: this many fresh reports per request. */
  playBatch?: number;
}

interface Args {
  url: string;
  token: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  targets: Target[];
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const agent = new Agent({ keepAlive: true, maxSockets: args.concurrency });
let reportSeq = 0;

function playsBody(n: number, date: string): string {
  const reports = Array.from({ length: n }, () => {
    reportSeq += 1;
    const at = new Date(Date.UTC(2026, 2, 2, 2) + reportSeq * 1000).toISOString();
    return {
      reportId: `bench-${process.pid}-${reportSeq}`,
      planDate: date,
      itemId: `promos-morning#${reportSeq}`,
      slot: 'promos-morning',
      kind: 'promo',
      promoId: 'bench-promo',
      merchant: '基准测试',
      title: '基准 促销',
      status: 'ended',
      plannedAt: at,
      actualAt: at,
    };
  });
  return JSON.stringify({ reports });
}

/** One request; resolves with its latency in ms and whether the answer was a 2xx. */
function send(t: Target): Promise<{ ms: number; ok: boolean }> {
  const body = t.playBatch ? playsBody(t.playBatch, '2026-03-02') : undefined;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${args.url}${t.path}`,
      {
        method: t.method,
        agent,
        headers: {
          Authorization: `Bearer ${args.token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            ms: performance.now() - started,
            ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(t: Target, ms: number) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until) {
      const r = await send(t);
      latencies.push(r.ms);
      if (!r.ok) errors += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: args.concurrency }, worker));
  return { latencies, errors, elapsedMs: performance.now() - t0 };
}

// The whole run is bounded even if the server stops answering.
setTimeout(
  () => {
    console.error('load-http: out of time');
    process.exit(2);
  },
  args.targets.length * (args.durationMs + args.warmupMs) + 30_000,
).unref();

for (const t of args.targets) {
  await run(t, args.warmupMs);
  const { latencies, errors, elapsedMs } = await run(t, args.durationMs);
  const summary = summarise(latencies);
  console.log(
    JSON.stringify({
      name: t.name,
      ...summary,
      errors,
      perSecond: (summary.count / elapsedMs) * 1000,
      itemsPerRequest: t.playBatch ?? 1,
    }),
  );
}
agent.destroy();
