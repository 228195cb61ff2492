/**
 * The calling boards, run by bench/queue-board.ts in its own process: `clients` streams on
 * `/api/events` with a device token. Prints `{"ready":n}` once every stream has said hello;
 * then, when each has seen the end marker (or time is up), when each board received each call.
 */
import { get, type IncomingMessage } from 'node:http';
import { wallNow } from './stats.ts';

interface Args {
  url: string;
  token: string;
  clients: number;
  timeoutMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const responses: IncomingMessage[] = [];
/** Receipt times (wall clock, ms) of each call, by ticket code. */
const receipts: Record<string, number[]> = {};
let hellos = 0;
let ended = 0;

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
  for (const r of responses) r.destroy();
  // A large line to a pipe is written asynchronously: exit once it is out, not before.
  process.stdout.write(`${JSON.stringify({ ended, receipts })}\n`, () => process.exit(0));
}

function onEvent(event: string, data: string): void {
  const received = wallNow();
  if (event === 'hello') {
    hellos += 1;
    if (hellos === args.clients) console.log(JSON.stringify({ ready: hellos }));
  } else if (event === 'queue-called') {
    const { code } = JSON.parse(data) as { code: string };
    (receipts[code] ??= []).push(received);
  } else if (
    event === 'queue-changed' &&
    (JSON.parse(data) as { reason: string }).reason === 'bench:end'
  ) {
    ended += 1;
    if (ended === args.clients) finish();
  }
}

setTimeout(finish, args.timeoutMs);
for (let i = 0; i < args.clients; i++) {
  get(
    `${args.url}/api/events?token=${encodeURIComponent(args.token)}`,
    { agent: false, headers: { Accept: 'text/event-stream' } },
    (res) => {
      responses.push(res);
      if (res.statusCode !== 200) {
        console.error(`queue-load-boards: stream ${i} answered ${res.statusCode}`);
        process.exit(1);
      }
      parse(res, onEvent);
    },
  ).on('error', (err) => {
    console.error(`queue-load-boards: stream ${i}: ${err.message}`);
    process.exit(1);
  });
}
