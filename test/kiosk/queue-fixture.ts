import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratchSchedules } from '../helpers/schedules-copy.ts';
import { Client, startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import type { ContextOptions } from '../../server/context.ts';

/** The longest service a mall might write: a name and an English name near the 60-letter limit. */
export const LONG_SERVICE = {
  id: 'merchant-desk',
  prefix: 'F',
  name: '商户服务：标价签打印、特价牌与销售定单开具',
  nameEn: 'Merchant desk: price tags, price boards and sales orders',
};

export interface BusyQueue {
  server: TestServer;
  cast: Awaited<ReturnType<typeof withCast>>;
  /** A guide screen's device token (the ticket machine and the board run on one). */
  guide: string;
  /** A ticket still waiting, far down the queue: the phone page's busiest state. */
  waitingToken: string;
  /** A ticket called to a counter: the phone page when it is your turn. */
  calledToken: string;
}

/**
 * The shipped queue.yaml with a sixth service of the longest name, every service's hours set
 * by `hours` (all day unless told), written to a scratch schedules folder.
 */
export async function queueSchedules(
  hours: { from: string; until: string } = { from: '00:00', until: '24:00' },
): Promise<string> {
  const dir = await scratchSchedules();
  const file = join(dir, 'queue.yaml');
  const yaml = (await readFile(file, 'utf8'))
    .replace(/hours: \{[^}]*\}/g, `hours: { from: '${hours.from}', until: '${hours.until}' }`)
    .replace(
      /\n# The desk's counters/,
      [
        `\n  - id: ${LONG_SERVICE.id}`,
        `    prefix: ${LONG_SERVICE.prefix}`,
        `    name: ${LONG_SERVICE.name}`,
        `    nameEn: '${LONG_SERVICE.nameEn}'`,
        `    hours: { from: '${hours.from}', until: '${hours.until}' }`,
        '',
        "# The desk's counters",
      ].join('\n'),
    );
  if (!yaml.includes(LONG_SERVICE.name)) throw new Error('queue.yaml: no place for the service');
  await writeFile(file, yaml);
  return dir;
}

/**
 * The desk on its busiest hour: six counters open, each with a number called, the last five
 * calls on the board, people waiting in every service (the longest-named one included), one
 * phone following a ticket far down the queue and one already called.
 */
export async function busyQueue(
  env: Record<string, string> = {},
  options: ContextOptions = {},
): Promise<BusyQueue> {
  const server = await startServer(
    { SCHEDULES_DIR: await queueSchedules(), ...env },
    undefined,
    options,
  );
  const cast = await withCast(server);
  const guide = (await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' })).body
    .token as string;
  // The guide screen takes the tickets, as on the day: a PA player may not (#12).
  const kiosk = new Client(server.url, guide);
  const services = ((await kiosk.get('/api/queue/services')).body.services as Json[]).map(
    (s) => s.id as string,
  );
  const must = async (r: Promise<{ status: number; text: string; body: Json }>, what: string) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  };
  const take = (service: string) =>
    must(kiosk.post('/api/queue/tickets', { service }), `take ${service}`);
  let calledToken = '';
  for (let n = 1; n <= 6; n++) {
    // Each counter serves one service first, so the six calls are six different numbers.
    const first = services[(n - 1) % services.length] as string;
    await must(
      cast.desk.post(`/api/queue/counters/${n}/open`, {
        services: [first, ...services.filter((s) => s !== first)],
      }),
      `open ${n}`,
    );
    const t = (await take(first)).ticket as Json;
    const called = (await must(cast.desk.post(`/api/queue/counters/${n}/call-next`), `call ${n}`))
      .ticket as Json;
    if (called.code !== t.code)
      throw new Error(`counter ${n} called ${called.code}, not ${t.code}`);
    if (n === 6) calledToken = t.token as string;
  }
  // Four to nine people waiting in each service.
  let waitingToken = '';
  for (const [i, s] of services.entries())
    for (let k = 0; k < 4 + i; k++) waitingToken = ((await take(s)).ticket as Json).token as string;
  return { server, cast, guide, waitingToken, calledToken };
}
