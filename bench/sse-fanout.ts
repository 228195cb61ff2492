import { setTimeout as sleep } from 'node:timers/promises';
import { startBenchServer } from './bench-server.ts';
import { runLoad } from './load-process.ts';
import { formatLatency, wallNow, type LatencySummary } from './stats.ts';

const CLIENTS = 200;
const EVENTS = 100;
const SPACING_MS = 20;

/**
 * Event delivery to many kiosks: 200 streams held by a second process, 100 events published
 * through the server's bus 20 ms apart, each stamped with the wall clock just before
 * `publish` (which writes it to SQLite first), measured at receipt on every stream.
 */
export async function benchSseFanout(): Promise<void> {
  const server = await startBenchServer();
  try {
    let result: (LatencySummary & { delivered: number; ended: number }) | undefined;
    let publishing: Promise<void> | undefined;
    const publishAll = async () => {
      for (let seq = 0; seq < EVENTS; seq++) {
        server.ctx.bus.publish('plan-changed', { dates: [], reason: `bench:${seq}:${wallNow()}` });
        await sleep(SPACING_MS);
      }
      server.ctx.bus.publish('plan-changed', { dates: [], reason: 'bench:end' });
    };
    await runLoad(
      'load-sse.ts',
      { url: server.url, token: server.token, clients: CLIENTS, timeoutMs: 30_000 },
      45_000,
      (m) => {
        if ('ready' in m) publishing = publishAll();
        else result = m as unknown as typeof result;
      },
    );
    await publishing;
    console.log(
      `sse fan-out: ${CLIENTS} streams in a second process (device token), ${EVENTS} events ${SPACING_MS} ms apart, publish → receipt`,
    );
    if (!result) {
      console.log('  the clients printed no result');
      return;
    }
    const expected = CLIENTS * EVENTS;
    console.log(
      `  delivered ${result.delivered} of ${expected}${result.delivered === expected ? '' : ' (SOME MISSING)'}; ${formatLatency(result)}`,
    );
  } finally {
    await server.close();
  }
}
