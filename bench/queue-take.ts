import { startBenchServer } from './bench-server.ts';
import { runLoad } from './load-process.ts';
import { formatLatency, type LatencySummary } from './stats.ts';

const CONCURRENCY = 20;
const DURATION_MS = 5000;
const WARMUP_MS = 500;
const SERVICES = ['enquiry', 'complaint', 'return', 'prize', 'merchant'];

/**
 * Tickets issued per second with durable writes: each is a SQLite transaction committed with
 * synchronous=FULL before the 201 goes out. The server in this process, guide screens played
 * by a second process over loopback HTTP.
 */
export async function benchQueueTake(): Promise<void> {
  const server = await startBenchServer();
  try {
    // The bench runs at any hour: every service takes tickets all day here.
    server.ctx.db
      .prepare("UPDATE queue_services SET hours_from = '00:00', hours_until = '24:00'")
      .run();
    let result:
      | (LatencySummary & { perSecond: number; errors: number; issued: number; distinct: number })
      | undefined;
    await runLoad(
      'queue-load-take.ts',
      {
        url: server.url,
        token: server.token,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
        warmupMs: WARMUP_MS,
        services: SERVICES,
      },
      DURATION_MS + WARMUP_MS + 60_000,
      (m) => (result = m as unknown as typeof result),
    );
    const stored = server.ctx.db
      .prepare('SELECT count(*) FROM queue_tickets')
      .pluck()
      .get() as number;
    const sync = server.ctx.db.pragma('synchronous', { simple: true });
    console.log(
      `queue tickets: POST /api/queue/tickets from a second process, ${CONCURRENCY} keep-alive connections, ${DURATION_MS / 1000} s, synchronous=${sync === 2 ? 'FULL' : sync} (WAL)`,
    );
    if (!result) {
      console.log('  the load printed no result');
      return;
    }
    console.log(
      `  ${result.perSecond.toFixed(0)} tickets/s  ${formatLatency(result)}  ${result.errors} errors; ${result.issued} issued, ${result.distinct} distinct codes, ${stored} stored`,
    );
  } finally {
    await server.close();
  }
}
