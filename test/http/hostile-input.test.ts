import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let program: string;

beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  program = await readFile('schedules/program.yaml', 'utf8');
}, 60_000);
afterAll(() => server?.close());

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n');
/** "Billion laughs": nine times nine times … of one string, a few hundred bytes of YAML. */
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '',
].join('\n');

const revision = async (file: string) => (await cast.announcer.get(`/api/${file}`)).body.revision;

describe('schedule files a hostile or careless hand sends', () => {
  it('refuses a file of 100,000 keys at once, in a short answer, and keeps the running program', async () => {
    const before = await revision('program');
    const r = await cast.announcer.put('/api/program', { yaml: `${program}\n${keys(100_000)}\n` });
    expect(r.status).toBe(422);
    expect(r.text.length).toBeLessThan(4000);
    expect(r.body.issues[0].message).toMatch(
      /too large to check: more than 2,000 lines and list items/,
    );
    expect(await revision('program')).toBe(before);
    // The same keys on one line, in a flow map: counted by their commas.
    const flow = `${program}\nextra: {${keys(80_000).split('\n').join(', ')}}\n`;
    const one = await cast.announcer.put('/api/program', { yaml: flow });
    expect(one.status).toBe(422);
    expect(one.body.issues[0].message).toMatch(/too large to check/);
  });

  it('lists the first 200 of 1,500 unknown keys, each at its line, and counts the rest', async () => {
    const r = await cast.announcer.put('/api/program', { yaml: `${program}\n${keys(1500)}\n` });
    expect(r.status).toBe(422);
    const issues = r.body.issues as Json[];
    expect(issues).toHaveLength(201);
    const lines = program.split('\n').length;
    expect(issues[0]).toMatchObject({ line: lines + 1, message: 'unknown field "k0"' });
    expect(issues[199]).toMatchObject({ line: lines + 200, message: 'unknown field "k199"' });
    expect(issues[200]?.message).toMatch(/and 1,300 more problem\(s\) not listed/);
  });

  it('still finds a key given twice, at its line', async () => {
    const r = await cast.announcer.put('/api/volume', {
      yaml: `${(await cast.announcer.get('/api/volume')).body.yaml}\nscale: {}\n`,
    });
    expect(r.status).toBe(422);
    expect(r.body.issues[0].message).toBe('duplicate key "scale"');
  });

  it('answers an alias bomb on every YAML route with a 4xx that says what it is', async () => {
    for (const file of ['program', 'calendar', 'volume']) {
      const put = await cast.announcer.put(`/api/${file}`, { yaml: ALIAS_BOMB });
      expect(put.status, `PUT /api/${file}`).toBe(422);
      expect(put.body.issues[0].message).toMatch(/aliases/);
      const imported = await cast.announcer.post(`/api/${file}/import`, ALIAS_BOMB, {
        'Content-Type': 'text/yaml',
      });
      expect(imported.status, `POST /api/${file}/import`).toBeGreaterThanOrEqual(400);
      expect(imported.status).toBeLessThan(500);
    }
    // A preview answers what a save would say: the same refusal, as its errors.
    const preview = await cast.announcer.post('/api/program/preview', { program: ALIAS_BOMB });
    expect(preview.status).toBe(200);
    expect(preview.body.errors[0].message).toMatch(/aliases/);
    const queue = await cast.admin.put('/api/queue/config', { yaml: ALIAS_BOMB });
    expect(queue.status).toBeGreaterThanOrEqual(400);
    expect(queue.status).toBeLessThan(500);
  });

  it('answers a file of 100,000 syntax errors with a 4xx, not a crash', async () => {
    const yaml = Array.from({ length: 100_000 }, () => '- : : ]').join('\n');
    const r = await cast.announcer.put('/api/calendar', { yaml });
    expect(r.status).toBe(422);
    expect(r.text.length).toBeLessThan(4000);
    const q = await cast.admin.put('/api/queue/config', {
      yaml: Array.from({ length: 20_000 }, () => '- : ]').join('\n'),
    });
    expect(q.status).toBe(422);
  });
});

/** A request with a body that says it is `length` bytes long, of which only the start is sent. */
function declaredLength(
  path: string,
  length: number,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const url = new URL(server.url + path);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: { 'Content-Type': 'application/json', 'Content-Length': length, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    // A few bytes, then nothing: the answer must come without the rest being read.
    req.write('{"username":"admin","password":"');
  });
}

describe('request bodies', () => {
  it('refuses a 50 MB sign-in from its length, before reading it', async () => {
    const r = await declaredLength('/api/auth/login', 50 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'too-large', limit: 65536 });
  });

  it('refuses a body sent in chunks once it passes the limit', async () => {
    const big = 'x'.repeat(200 * 1024);
    const body = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('gives staff routes a limit fit for them: a forecast is small, a schedule file is not', async () => {
    const signedIn = { Cookie: cast.announcer.cookie, 'X-CSRF-Token': cast.announcer.csrf };
    const weather = await declaredLength('/api/weather', 100 * 1024, signedIn, 'PUT');
    expect(weather.status).toBe(413);
    const padding = 'x'.repeat(100 * 1024);
    // The same size is an ordinary schedule file: checked, not refused for its size.
    const saved = await cast.announcer.put('/api/program', { yaml: `${program}\n# ${padding}\n` });
    expect(saved.status).toBe(200);
    const huge = await declaredLength('/api/program/import', 3 * 1024 * 1024, signedIn);
    expect(huge.status).toBe(413);
  });
});

describe('text that cannot be stored or spoken as sent', () => {
  it('refuses a NUL in an announcement and half a surrogate pair in a promo title, naming the field', async () => {
    const nul = await cast.desk.post('/api/announcements', { text: '请注意\u0000安全' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ field: 'text' });
    expect(nul.body.message).toMatch(/control character \(U\+0000\)/);

    const merchantId = ((await cast.desk.get('/api/merchants')).body.merchants as Json[])[0]?.id;
    const before = (await cast.announcer.get('/api/promos')).body.promos.length as number;
    // Sent as JSON text, so the lone surrogate reaches the server as it would from any client.
    const lone = await cast.announcer.request(
      'POST',
      '/api/promos',
      `{"merchantId":${merchantId},"title":"冬季\\ud83d特卖","text":"全场八折"}`,
      { 'Content-Type': 'application/json' },
    );
    expect(lone.status).toBe(400);
    expect(lone.body).toMatchObject({ field: 'title' });
    expect(lone.body.message).toMatch(/surrogate/);
    expect((await cast.announcer.get('/api/promos')).body.promos).toHaveLength(before);

    // An emoji's two halves together are one character, and pass.
    const whole = await cast.announcer.post('/api/promos', {
      merchantId,
      title: '冬季\ud83c\udf84特卖',
      text: '全场八折',
    });
    expect(whole.status).toBe(201);
  });
});
