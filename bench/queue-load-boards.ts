/**
 * The calling boards, run by bench/queue-board.ts in its own process: `clients` streams on
 * `/api/events` with a device token. Prints `{"ready":n}` once every stream has said hello;
 * then, when each has seen the end marker (or time is up), when each board received each call.
 */
import { openStreams } from './sse-clients.ts';
import { wallNow } from './stats.ts';

interface Args {
  url: string;
  token: string;
  clients: number;
  timeoutMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
/** Receipt times (wall clock, ms) of each call, by ticket code. */
const receipts: Record<string, number[]> = {};
let ended = 0;

function finish(): void {
  hangUp();
  // A large line to a pipe is written asynchronously: exit once it is out, not before.
  process.stdout.write(`${JSON.stringify({ ended, receipts })}\n`, () => process.exit(0));
}

const hangUp = openStreams('queue-load-boards', args, (event, data) => {
  const received = wallNow();
  if (event === 'queue-called') {
    const { code } = JSON.parse(data) as { code: string };
    (receipts[code] ??= []).push(received);
  } else if (
    event === 'queue-changed' &&
    (JSON.parse(data) as { reason: string }).reason === 'bench:end'
  ) {
    if (++ended === args.clients) finish();
  }
});
setTimeout(finish, args.timeoutMs);
