/**
 * The event fan-out clients, run by bench/sse-fanout.ts in its own process: `clients` streams
 * on `/api/events` with a device token. Prints `{"ready":n}` once every stream has said hello,
 * then, when each has seen the end marker (or time is up), the latency from each event's
 * publish timestamp to its receipt here.
 */
import { get, type IncomingMessage } from 'node:http';
import { summarise, wallNow } from './stats.ts';

interface Args {
  url: string;
  token: string;
  clients: number;
  /** The publisher marks its events `bench:<seq>:<wall-clock ms>` and ends with `bench:end`. */
  timeoutMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const latencies: number[] = [];
const responses: IncomingMessage[] = [];
let hellos = 0;
let ended = 0;

/** Calls `onEvent` for each complete SSE message on the stream. */
function parse(res: IncomingMessage, onEvent: (event: string, data: string) => void) {
  let buffer = '';
  res.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trimStart();
      }
      onEvent(event, data);
    }
  });
}

function finish(): void {
  console.log(JSON.stringify({ delivered: latencies.length, ended, ...summarise(latencies) }));
  for (const r of responses) r.destroy();
  process.exit(0);
}

function onEvent(event: string, data: string): void {
  const received = wallNow();
  if (event === 'hello') {
    hellos += 1;
    if (hellos === args.clients) console.log(JSON.stringify({ ready: hellos }));
    return;
  }
  if (event !== 'plan-changed') return;
  const reason = (JSON.parse(data) as { reason: string }).reason;
  if (reason === 'bench:end') {
    ended += 1;
    if (ended === args.clients) finish();
    return;
  }
  const m = /^bench:\d+:([\d.]+)$/.exec(reason);
  if (m) latencies.push(received - Number(m[1]));
}

setTimeout(finish, args.timeoutMs);
for (let i = 0; i < args.clients; i++) {
  // One socket per client, as each kiosk has its own.
  get(
    `${args.url}/api/events?token=${encodeURIComponent(args.token)}`,
    { agent: false, headers: { Accept: 'text/event-stream' } },
    (res) => {
      responses.push(res);
      if (res.statusCode !== 200) {
        console.error(`load-sse: stream ${i} answered ${res.statusCode}`);
        process.exit(1);
      }
      parse(res, onEvent);
    },
  ).on('error', (err) => {
    console.error(`load-sse: stream ${i}: ${err.message}`);
    process.exit(1);
  });
}
