import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBenchServer } from './bench-server.ts';
import { runLoad } from './load-process.ts';
import { formatLatency, summarise, wallNow } from './stats.ts';

const BOARDS = 200;
const CALLS = 100;
const SPACING_MS = 20;

/** One HTTP request as the counter page makes it; resolves with the JSON body. */
function post(agent: Agent, url: string, session: { cookie: string; csrf: string }, body = {}) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          Cookie: session.cookie,
          'X-CSRF-Token': session.csrf,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * Call-to-board latency: 200 boards hold event streams in a second process; a desk user's
 * call-next goes over HTTP; measured from just before the request is sent to the moment each
 * board has the `queue-called` event (written to SQLite, then fanned out).
 */
export async function benchQueueBoard(): Promise<void> {
  const server = await startBenchServer();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const { ctx, url } = server;
    ctx.db.prepare("UPDATE queue_services SET hours_from = '00:00', hours_until = '24:00'").run();
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
    });
    const session = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    for (let i = 0; i < CALLS; i++)
      ctx.queue.take({ service: 'enquiry', priority: 'normal', source: 'api' }, 'bench');
    await post(agent, `${url}/api/queue/counters/1/open`, session, { services: ['enquiry'] });

    const sentAt = new Map<string, number>();
    let calling: Promise<void> | undefined;
    const callAll = async () => {
      for (let i = 0; i < CALLS; i++) {
        const t0 = wallNow();
        const res = await post(agent, `${url}/api/queue/counters/1/call-next`, session);
        sentAt.set((res.ticket as { code: string }).code, t0);
        await post(agent, `${url}/api/queue/counters/1/finish`, session, { category: 'bench' });
        await sleep(SPACING_MS);
      }
      ctx.bus.publish('queue-changed', { reason: 'bench:end' });
    };
    let receipts: Record<string, number[]> = {};
    await runLoad(
      'queue-load-boards.ts',
      { url, token: server.token, clients: BOARDS, timeoutMs: 60_000 },
      75_000,
      (m) => {
        if ('ready' in m) calling = callAll();
        else receipts = (m as { receipts: Record<string, number[]> }).receipts;
      },
    );
    await calling;
    const latencies: number[] = [];
    for (const [code, times] of Object.entries(receipts)) {
      const t0 = sentAt.get(code);
      if (t0 !== undefined) for (const t of times) latencies.push(t - t0);
    }
    console.log(
      `queue call-to-board: ${BOARDS} boards (event streams in a second process), ${CALLS} call-next requests over HTTP ${SPACING_MS} ms apart, request sent → event received`,
    );
    const expected = BOARDS * CALLS;
    console.log(
      `  delivered ${latencies.length} of ${expected}${latencies.length === expected ? '' : ' (SOME MISSING)'}; ${formatLatency(summarise(latencies))}`,
    );
  } finally {
    agent.destroy();
    await server.close();
  }
}
