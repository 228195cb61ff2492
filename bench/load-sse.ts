/**
 * The event fan-out clients, run by bench/sse-fanout.ts in its own process: `clients` streams
 * on `/api/events` with a device token. Prints `{"ready":n}` once every stream has said hello,
 * then, when each has seen the end marker (or time is up), the latency from each event's
 * publish timestamp to its receipt here.
 */
import { openStreams } from './sse-clients.ts';
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
let ended = 0;

function finish(): void {
  console.log(JSON.stringify({ delivered: latencies.length, ended, ...summarise(latencies) }));
  hangUp();
  process.exit(0);
}

const hangUp = openStreams('load-sse', args, (event, data) => {
  const received = wallNow();
  if (event !== 'plan-changed') return;
  const reason = (JSON.parse(data) as { reason: string }).reason;
  if (reason === 'bench:end') {
    if (++ended === args.clients) finish();
    return;
  }
  const m = /^bench:\d+:([\d.]+)$/.exec(reason);
  if (m) latencies.push(received - Number(m[1]));
});
setTimeout(finish, args.timeoutMs);
