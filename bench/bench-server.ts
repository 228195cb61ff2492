import { serve, type ServerType } from '@hono/node-server';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { createLogger } from '../server/log.ts';

export interface BenchServer {
  url: string;
  ctx: AppContext;
  /** A registered player's bearer token. */
  token: string;
  close(): Promise<void>;
}

/**
 * The real server in this process, on a random loopback port, with a fresh database in a temp
 * dir and one registered player; removed again by `close()`.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-bench-'));
  const read = readConfig({
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: 'bench-admin-password',
    LOG_LEVEL: 'silent',
  });
  if ('errors' in read) throw new Error(read.errors.join('; '));
  const ctx = await createContext(read.config, createLogger('silent'));
  const { token } = ctx.auth.createDevice('bench-player', 'player', ctx.now());
  // A first start measures the shipped media's loudness in the background (ffmpeg): let it
  // finish, or it takes CPU from the server being measured.
  for (let waited = 0; ctx.media.unmeasured().length > 0 && waited < 60_000; waited += 100)
    await sleep(100);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    token,
    async close() {
      ctx.closeStreams();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      ctx.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
