import { get, type IncomingMessage } from 'node:http';

/** Calls `onEvent` for each complete SSE message on the stream. */
function parse(res: IncomingMessage, onEvent: (event: string, data: string) => void): void {
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

/**
 * `clients` streams on `/api/events` with a device token, one socket each as each kiosk has
 * its own (for the benches' second process). Prints `{"ready":n}` once every stream has said
 * hello; any stream that fails ends the process. Returns a function that hangs them all up.
 */
export function openStreams(
  name: string,
  o: { url: string; token: string; clients: number },
  onEvent: (event: string, data: string) => void,
): () => void {
  const responses: IncomingMessage[] = [];
  let hellos = 0;
  const handle = (event: string, data: string) => {
    if (event === 'hello' && ++hellos === o.clients) console.log(JSON.stringify({ ready: hellos }));
    onEvent(event, data);
  };
  for (let i = 0; i < o.clients; i++) {
    get(
      `${o.url}/api/events?token=${encodeURIComponent(o.token)}`,
      { agent: false, headers: { Accept: 'text/event-stream' } },
      (res) => {
        responses.push(res);
        if (res.statusCode !== 200) {
          console.error(`${name}: stream ${i} answered ${res.statusCode}`);
          process.exit(1);
        }
        parse(res, handle);
      },
    ).on('error', (err) => {
      console.error(`${name}: stream ${i}: ${err.message}`);
      process.exit(1);
    });
  }
  return () => {
    for (const r of responses) r.destroy();
  };
}
