import { startBenchServer } from './bench-server.ts';
import { runLoad } from './load-process.ts';
import { formatLatency, type LatencySummary } from './stats.ts';

const CONCURRENCY = 20;
const DURATION_MS = 5000;
const WARMUP_MS = 500;
const PLAY_BATCH = 10;

type Result = LatencySummary & {
  name: string;
  errors: number;
  perSecond: number;
  itemsPerRequest: number;
};

/**
 * API latency under load: the real server in this process, the load from a second process on
 * loopback, one endpoint at a time (a cached plan, the clock, play reports written to SQLite).
 */
export async function benchApiLatency(): Promise<void> {
  const server = await startBenchServer();
  try {
    const today = server.ctx.schedules.today();
    server.ctx.schedules.plan(today); // the players' case: the plan is compiled once, then cached
    const results: Result[] = [];
    await runLoad(
      'load-http.ts',
      {
        url: server.url,
        token: server.token,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
        warmupMs: WARMUP_MS,
        targets: [
          { name: `GET /api/plan?date=${today}`, method: 'GET', path: `/api/plan?date=${today}` },
          { name: 'GET /api/time', method: 'GET', path: '/api/time' },
          {
            name: `POST /api/plays (${PLAY_BATCH} reports)`,
            method: 'POST',
            path: '/api/plays',
            playBatch: PLAY_BATCH,
          },
        ],
      },
      3 * (DURATION_MS + WARMUP_MS) + 60_000,
      (m) => results.push(m as unknown as Result),
    );
    const planBytes = Buffer.byteLength(JSON.stringify(server.ctx.schedules.plan(today)));
    const stored = server.ctx.db.prepare('SELECT count(*) FROM plays').pluck().get() as number;
    console.log(
      `api latency: ${CONCURRENCY} keep-alive connections from a second process on loopback, ${DURATION_MS / 1000} s per endpoint, device token`,
    );
    for (const r of results) {
      const items =
        r.itemsPerRequest > 1 ? ` (${(r.perSecond * r.itemsPerRequest).toFixed(0)} reports/s)` : '';
      console.log(
        `  ${r.name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s${items}  ${formatLatency(r)}  ${r.errors} errors in ${r.count}`,
      );
    }
    console.log(`  plan JSON ${(planBytes / 1024).toFixed(1)} KiB; ${stored} play reports stored`);
  } finally {
    await server.close();
  }
}
