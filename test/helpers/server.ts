import { serve, type ServerType } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { readConfig, type Config } from '../../server/config.ts';
import { createContext, type AppContext, type ContextOptions } from '../../server/context.ts';
import { createLogger } from '../../server/log.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestServer {
  url: string;
  ctx: AppContext;
  dataDir: string;
  close(): Promise<void>;
}

/** A real server on a random loopback port, with a fresh SQLite file in a temp dir. */
export async function startServer(
  env: Record<string, string> = {},
  dataDir?: string,
  options: ContextOptions = {},
): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'deskcast-data-')));
  const read = readConfig({ DATA_DIR: dir, ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...env });
  if ('errors' in read) throw new Error(read.errors.join('; '));
  const config: Config = read.config;
  const ctx = await createContext(config, createLogger('silent'), options);
  const app = createApp(ctx);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    dataDir: dir,
    async close() {
      ctx.closeStreams();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      ctx.destroy();
    },
  };
}

/** The server as `npm start` runs it, in a child process: for kill and restart tests. */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /"msg":"listening","url":"[^"]*","port":(\d+)/.exec(err);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { url, child };
}

/** Resolves with the exit code, or the signal that ended the process. Call before killing it. */
export function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
}

// Response bodies are read loosely in tests; each assertion says what it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A person in a browser: keeps the session cookie and sends the CSRF token, like the console. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    readonly base: string,
    readonly bearer?: string,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h['Cookie'] = this.cookie;
    if (this.csrf && method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    if (this.bearer) h['Authorization'] = `Bearer ${this.bearer}`;
    let payload: RequestInit['body'] | undefined;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array)
      payload = body as RequestInit['body'];
    else if (body !== undefined) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload ?? null });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      /* not JSON (a file, CSV, YAML) */
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  get = (path: string, headers?: Record<string, string>) =>
    this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body, headers);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);

  async login(username: string, password: string): Promise<this> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login as ${username} failed: ${r.status} ${r.text}`);
    this.csrf = r.body.csrfToken as string;
    return this;
  }
}

/** Signed-in clients of every role and a registered player, on a fresh server. */
export async function withCast(server: TestServer) {
  const admin = await new Client(server.url).login('admin', ADMIN_PASSWORD);
  const make = async (username: string, role: string) => {
    const r = await admin.post('/api/users', { username, password: `${username}-password`, role });
    if (r.status !== 201) throw new Error(r.text);
    // As if they had chosen their own password at the first sign-in (test/auth covers that).
    server.ctx.auth.updateUser(r.body.user.id as number, { mustChangePassword: false });
    return new Client(server.url).login(username, `${username}-password`);
  };
  const announcer = await make('announcer1', 'announcer');
  const desk = await make('desk1', 'desk');
  const manager = await make('manager1', 'manager');
  const d = await admin.post('/api/devices', { name: 'player-1', kind: 'player' });
  const device = new Client(server.url, d.body.token as string);
  return { admin, announcer, desk, manager, device, anonymous: new Client(server.url) };
}
