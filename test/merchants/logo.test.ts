import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';
import { fileForm, makePng } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

const stored = async () =>
  (await readdir(join(server.dataDir, 'images'))).filter((f) => !f.startsWith('.')).sort();
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { Cookie: cast.desk.cookie, ...headers } });

describe('merchant logos', () => {
  it('stores a real PNG under its hash and serves it with an ETag, cached forever', async () => {
    const png = makePng(64, 48, [200, 40, 40]);
    const r = await cast.announcer.post(
      '/api/merchants/1/logo',
      fileForm(png, '兰亭.png', 'image/png'),
    );
    expect(r.status).toBe(201);
    expect(r.body.image).toEqual({ ext: 'png', width: 64, height: 48 });
    expect(r.body.logo).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(r.body.logoUrl).toBe(`/images/${r.body.logo}`);
    expect(await stored()).toEqual([r.body.logo]);

    const res = await get(r.body.logoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag');
    expect(etag).toBe(`"${r.body.logo.slice(0, 64)}"`);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect((await get(r.body.logoUrl, { 'If-None-Match': etag! })).status).toBe(304);
    // The guide screen may fetch it; nobody unsigned may.
    const guide = (await cast.admin.post('/api/devices', { name: 'guide', kind: 'guide' })).body
      .token as string;
    const device = await fetch(server.url + r.body.logoUrl, {
      headers: { Authorization: `Bearer ${guide}` },
    });
    expect(device.status).toBe(200);
    expect((await fetch(server.url + r.body.logoUrl)).status).toBe(401);
  });

  it('refuses a file called .png that is not one, and keeps the old logo', async () => {
    const before = (await cast.desk.get('/api/merchants/1')).body.logo;
    const fakes: [Uint8Array, string][] = [
      [Buffer.from('this is not a picture at all, just text'), 'logo.png'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'logo.webp',
      ],
      // The PNG signature, and nothing a PNG must have after it.
      [Buffer.concat([makePng(4, 4, [0, 0, 0]).subarray(0, 8), Buffer.alloc(40)]), 'half.png'],
      [Buffer.from('GIF89a\x01\x00\x01\x00'), 'anim.gif'],
    ];
    for (const [bytes, name] of fakes) {
      const r = await cast.announcer.post(
        '/api/merchants/1/logo',
        fileForm(bytes, name, 'image/png'),
      );
      expect(r.status, name).toBe(415);
      expect(r.body).toMatchObject({ error: 'not-an-image', field: 'file' });
      expect(r.body.message).toContain(name);
    }
    expect((await cast.desk.get('/api/merchants/1')).body.logo).toBe(before);
    expect(await stored()).toEqual([before]);
  });

  it('refuses an image over 2 MB and a form without a file', async () => {
    const big = Buffer.concat([makePng(8, 8, [1, 2, 3]), Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const r = await cast.announcer.post('/api/merchants/1/logo', fileForm(big, 'big.png'));
    expect(r.status).toBe(413);
    const none = await cast.announcer.post('/api/merchants/1/logo', new FormData());
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('file');
    expect(await stored()).toHaveLength(1);
  });

  it('replaces a logo, deleting the old file unless another merchant shows it', async () => {
    const old = (await cast.desk.get('/api/merchants/1')).body.logo;
    const shared = makePng(64, 48, [200, 40, 40]);
    expect(
      (await cast.announcer.post('/api/merchants/2/logo', fileForm(shared, 'same.png'))).body.logo,
    ).toBe(old);
    const blue = makePng(32, 32, [20, 60, 200]);
    const r = await cast.announcer.post('/api/merchants/1/logo', fileForm(blue, 'blue.png'));
    expect(r.status).toBe(201);
    expect((await stored()).sort()).toEqual([old, r.body.logo].sort());
    expect((await cast.announcer.delete('/api/merchants/2/logo')).body.logo).toBeNull();
    expect(await stored()).toEqual([r.body.logo]);
    expect((await get(`/images/${old}`)).status).toBe(404);
    expect((await get('/images/..%2Fdeskcast.sqlite')).status).toBe(404);
  });

  it('only admins and announcers change logos', async () => {
    const png = makePng(8, 8, [0, 200, 0]);
    expect((await cast.desk.post('/api/merchants/1/logo', fileForm(png, 'x.png'))).status).toBe(
      403,
    );
    expect((await cast.desk.delete('/api/merchants/1/logo')).status).toBe(403);
    expect(
      (await cast.announcer.post('/api/merchants/999/logo', fileForm(png, 'x.png'))).status,
    ).toBe(404);
  });
});
