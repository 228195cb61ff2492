import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { encoded, rawGet, sha256, upload, wav } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let sofa: Json;
const bytes = readFileSync('media/promos/lanting-sofa.mp3');
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  sofa = (await cast.admin.get('/api/media/promos/lanting-sofa')).body;
});
afterAll(() => server.close());

/** A player fetching a file with its device token. */
const fetchFile = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(server.url + path, {
    ...init,
    headers: { Authorization: `Bearer ${cast.device.bearer}`, ...init.headers },
  });

describe('media files', () => {
  it('serves a stored file whole, typed, tagged with its hash and cached forever', async () => {
    const res = await fetchFile(sofa.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('answers byte ranges with 206 and exactly those bytes', async () => {
    const cases: [string, number, number][] = [
      ['bytes=100-199', 100, 199],
      ['bytes=1000-', 1000, bytes.length - 1],
      ['bytes=-50', bytes.length - 50, bytes.length - 1],
      ['bytes=0-0', 0, 0],
      [`bytes=10-${bytes.length + 5000}`, 10, bytes.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetchFile(sofa.url, { headers: { Range: range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(res.headers.get('content-length'), range).toBe(String(end - start + 1));
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers a range past the end with 416, and ignores ranges it cannot honour', async () => {
    for (const range of [
      `bytes=${bytes.length}-`,
      `bytes=${bytes.length + 10}-${bytes.length + 20}`,
      'bytes=-0',
    ]) {
      const res = await fetchFile(sofa.url, { headers: { Range: range } });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range'), range).toBe(`bytes */${bytes.length}`);
    }
    for (const range of ['bytes=5-2', 'items=0-10', 'bytes=0-1,5-6']) {
      const res = await fetchFile(sofa.url, { headers: { Range: range } });
      expect(res.status, range).toBe(200);
      expect((await res.arrayBuffer()).byteLength, range).toBe(bytes.length);
    }
    // If-Range with another version's tag: the whole (current) file.
    const stale = await fetchFile(sofa.url, {
      headers: { Range: 'bytes=0-9', 'If-Range': '"old"' },
    });
    expect(stale.status).toBe(200);
  });

  it('answers 304 when the client already has the file', async () => {
    const etag = `"${sofa.sha256}"`;
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await fetchFile(sofa.url, { headers: { 'If-None-Match': tag } });
      expect(res.status, tag).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    const changed = await fetchFile(sofa.url, { headers: { 'If-None-Match': '"other"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetchFile(sofa.url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    const part = await fetchFile(sofa.url, { method: 'HEAD', headers: { Range: 'bytes=0-9' } });
    expect([part.status, part.headers.get('content-length')]).toEqual([206, '10']);
  });

  it('lets staff and devices fetch files, and nobody else', async () => {
    expect((await cast.desk.get(sofa.url)).status).toBe(200);
    expect((await cast.announcer.get(sofa.url)).status).toBe(200);
    expect((await cast.device.get(sofa.url)).status).toBe(200);
    expect((await cast.anonymous.get(sofa.url)).status).toBe(401);
  });

  it('serves only stored names: no path leads out of the store', async () => {
    // A file planted in the store folder that the library does not list is not served either.
    const planted = `${'0'.repeat(64)}.mp3`;
    writeFileSync(join(server.dataDir, 'media', planted), wav(1));
    const auth = { Authorization: `Bearer ${cast.device.bearer}` };
    const paths = [
      '/media/../deskcast.sqlite',
      '/media/..%2fdeskcast.sqlite',
      '/media/%2e%2e/deskcast.sqlite',
      '/media/%2e%2e%2fdeskcast.sqlite',
      '/media/..%5cdeskcast.sqlite',
      '/media/%2fetc%2fpasswd',
      '/media//etc/passwd',
      '/media/.incoming',
      `/media/${sofa.file}/..`,
      `/media/${sofa.file}%00.txt`,
      `/media/${(sofa.file as string).toUpperCase()}`,
      `/media/${sofa.sha256}.exe`,
      `/media/${sofa.sha256}`,
      `/media/${planted}`,
      `/media/${'f'.repeat(64)}.mp3`,
    ];
    for (const path of paths) {
      const res = await rawGet(server.url, path, auth);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('SQLite format');
      expect(res.body, path).not.toContain('RIFF');
    }
  });

  it('serves every item of the compiled plan from its stored, content-hashed name', async () => {
    const plan = await cast.device.get('/api/plan');
    expect(plan.status).toBe(200);
    const files = [
      ...new Set(
        (plan.body.items as Json[]).filter((i) => i.media).map((i) => i.media.file as string),
      ),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{64}\.mp3$/);
      const res = await fetchFile(`/media/${file}`, { method: 'HEAD' });
      expect(res.status, file).toBe(200);
    }
  });
});

describe('media file types', () => {
  it('stores and serves each audio format under its own MIME type', async () => {
    const expected: [string, string, string][] = [
      ['wav', 'wav', 'audio/wav'],
      ['ogg', 'ogg', 'audio/ogg'],
      ['opus', 'ogg', 'audio/ogg'],
      ['flac', 'flac', 'audio/flac'],
      ['m4a', 'm4a', 'audio/mp4'],
      ['weba', 'weba', 'audio/webm'],
    ];
    for (const [ext, stored, mime] of expected) {
      const data = ext === 'wav' ? wav(1, 8000, 2500) : encoded(ext);
      const r = await upload(cast.announcer, data, `tone-${ext}.${ext}`, { tags: 'tones' });
      expect(r.status, `${ext}: ${r.text}`).toBe(201);
      expect(r.body.file, ext).toBe(`${sha256(data)}.${stored}`);
      expect(r.body.mime, ext).toBe(mime);
      expect(Math.abs(r.body.durationMs - 1000), ext).toBeLessThan(100);
      const res = await fetchFile(r.body.url);
      expect(res.headers.get('content-type'), ext).toBe(mime);
      expect(Buffer.from(await res.arrayBuffer()).equals(data), ext).toBe(true);
    }
  });
});
