/** `npm start`: boots the server on PORT and shuts it down cleanly on SIGTERM or SIGINT. */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { createContext } from './context.ts';
import { startDayRunner } from './runner/day-runner.ts';

const read = readConfig();
if ('errors' in read) {
  for (const e of read.errors) console.error(`config: ${e}`);
  process.exit(1);
}
const { config } = read;

const ctx = await createContext(config).catch((err: Error) => {
  console.error(`deskcast cannot start: ${err.message}`);
  process.exit(1);
});
const runner = startDayRunner(ctx);
ctx.onClose(() => runner.stop());
const app = createApp(ctx);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  ctx.log.info('listening', {
    url: `http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`,
    port: info.port,
  });
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  ctx.log.info('shutting down', { signal });
  // Event streams never end by themselves: end them, let requests in flight finish, then close
  // the database, so every acknowledged write is on disk.
  ctx.closeStreams();
  const exit = () => {
    ctx.destroy();
    process.exit(0);
  };
  server.close(exit);
  // Ended streams leave idle keep-alive sockets behind a moment later: sweep them until closed.
  const sweep = setInterval(
    () => 'closeIdleConnections' in server && server.closeIdleConnections(),
    50,
  );
  sweep.unref();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    exit();
  }, 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
