import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { sha256, storedFiles, upload, wav } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > end) throw new Error('timed out waiting');
}

const eventsSince = (id: number) => {
  const got = server.ctx.bus.since(id);
  return got === 'resync' ? [] : got.map((e) => ({ type: e.type, payload: e.payload }));
};

describe('media upload', () => {
  it('stores a WAV under its content hash, reads its length and loudness, and announces it', async () => {
    const bytes = wav(2);
    const before = server.ctx.bus.latestId();
    const r = await upload(cast.announcer, bytes, 'Shop Jingle.wav', {
      tags: 'promos, jingles',
      title: '商场铃声',
    });
    expect(r.status, r.text).toBe(201);
    const file = `${sha256(bytes)}.wav`;
    expect(r.body).toMatchObject({
      id: 'promos/jingles/shop-jingle',
      file,
      url: `/media/${file}`,
      title: '商场铃声',
      tags: ['promos', 'jingles'],
      durationMs: 2000,
      size: bytes.length,
      mime: 'audio/wav',
      sha256: sha256(bytes),
      originalName: 'Shop Jingle.wav',
    });
    // A 440 Hz sine peaking at -12 dBFS: RMS -15 dBFS, -0.7 for LUFS, plus a little K-weighting.
    expect(r.body.loudnessLufs).toBeGreaterThan(-16.5);
    expect(r.body.loudnessLufs).toBeLessThan(-15);
    expect(readFileSync(join(server.dataDir, 'media', file)).equals(bytes)).toBe(true);
    expect((await cast.device.get('/api/media/promos/jingles/shop-jingle')).body.file).toBe(file);
    expect(server.ctx.media.catalogue().byId.get('promos/jingles/shop-jingle')?.file).toBe(file);
    const events = eventsSince(before);
    expect(events).toContainEqual({
      type: 'media-changed',
      payload: { ids: ['promos/jingles/shop-jingle'], change: 'added' },
    });
    expect(events.map((e) => e.type)).toContain('plan-changed');
  });

  it('takes repeated tag fields, and names the media after them and the file', async () => {
    const r = await upload(cast.admin, wav(1.5), '请 注意 Wet Floor!.WAV', {
      tags: ['speech', 'reminders'],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      id: 'speech/reminders/请-注意-wet-floor',
      title: '请 注意 Wet Floor!',
      tags: ['speech', 'reminders'],
      durationMs: 1500,
    });
  });

  it('uses an id given, its folders as tags, and the title inside a real MP3', async () => {
    const mp3 = readFileSync('media/promos/lanting-sofa.mp3');
    const r = await upload(cast.announcer, mp3, 'sofa.mp3', { id: 'promos/sofa-copy' });
    expect(r.status, r.text).toBe(201);
    const shipped = (await cast.admin.get('/api/media/promos/lanting-sofa')).body;
    expect(r.body).toMatchObject({
      id: 'promos/sofa-copy',
      tags: ['promos'],
      mime: 'audio/mpeg',
      title: shipped.title,
      // Same bytes as the imported file: one stored file serves both ids.
      file: shipped.file,
    });
    expect(r.body.file).toMatch(/^[0-9a-f]{64}\.mp3$/);
  });

  it('refuses an id that is taken, and keeps nothing of the upload', async () => {
    const files = storedFiles(server.dataDir);
    const r = await upload(cast.announcer, wav(1, 8000, 3000), 'x.wav', {
      id: 'background/light/01-quiet-garden',
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'exists', field: 'id' });
    expect(storedFiles(server.dataDir)).toEqual(files);
  });

  it('refuses an .mp3 that is not audio (415) and stores nothing', async () => {
    const files = storedFiles(server.dataDir);
    const count = (await cast.admin.get('/api/media')).body.items.length;
    const fakes: [string, Uint8Array][] = [
      ['fake.mp3', Buffer.from('this is not audio at all\n'.repeat(200))],
      // The right first bytes are not enough: the contents must give a duration.
      [
        'tagged.mp3',
        Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a'), Buffer.alloc(4000, 7)]),
      ],
      ['frames.mp3', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(4000)])],
      ['picture.wav', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(500)])],
    ];
    for (const [name, bytes] of fakes) {
      const r = await upload(cast.announcer, bytes, name, { tags: 'promos' });
      expect(r.status, name).toBe(415);
      expect(r.body.error, name).toBe('not-audio');
      expect(r.body.message, name).toContain(name);
    }
    expect(storedFiles(server.dataDir)).toEqual(files);
    expect((await cast.admin.get('/api/media')).body.items).toHaveLength(count);
  });

  it('writes an upload to disk as it arrives, and drops it when the client goes away', async () => {
    const before = storedFiles(server.dataDir);
    const fresh = () => storedFiles(server.dataDir).filter((f) => !before.includes(f));
    const req = request({
      hostname: '127.0.0.1',
      port: new URL(server.url).port,
      path: '/api/media',
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=XYZ',
        'Content-Length': '1000000',
        Cookie: cast.admin.cookie,
        'X-CSRF-Token': cast.admin.csrf,
      },
    });
    req.on('error', () => undefined);
    req.write('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\n');
    req.write(wav(1));
    await until(() => fresh().length > 0);
    expect(fresh()).toEqual([expect.stringMatching(/^\.incoming\//)]);
    req.destroy();
    await until(() => fresh().length === 0);
    expect(storedFiles(server.dataDir)).toEqual(before);
  });

  it('answers bad forms with the field at fault', async () => {
    const noFile = new FormData();
    noFile.append('title', 'no file here');
    let r = await cast.announcer.post('/api/media', noFile);
    expect([r.status, r.body.field]).toEqual([400, 'file']);
    r = await cast.announcer.post('/api/media', { file: 'not a form' });
    expect([r.status, r.body.error]).toEqual([415, 'invalid']);
    r = await upload(cast.announcer, wav(1), 'a.wav', { id: '../../etc/passwd' });
    expect([r.status, r.body.field]).toEqual([400, 'id']);
    r = await upload(cast.announcer, wav(1), 'a.wav', { id: 'promos/.hidden' });
    expect([r.status, r.body.field]).toEqual([400, 'id']);
    r = await upload(cast.announcer, wav(1), 'a.wav', { tags: 'two words' });
    expect(r.status).toBe(400);
    expect(r.body.field).toMatch(/^tags/);
    expect(existsSync(join(server.dataDir, 'media', `${sha256(wav(1))}.wav`))).toBe(false);
  });

  it('lets only admins and announcers upload', async () => {
    for (const who of [cast.desk, cast.device])
      expect((await upload(who, wav(1), 'a.wav', { tags: 'promos' })).status).toBe(403);
    expect((await upload(cast.anonymous, wav(1), 'a.wav', { tags: 'promos' })).status).toBe(401);
    const noCsrf = new Client(server.url);
    noCsrf.cookie = cast.announcer.cookie;
    const r = await upload(noCsrf, wav(1), 'a.wav', { tags: 'promos' });
    expect([r.status, r.body.error]).toEqual([403, 'csrf']);
  });
});

describe('media upload size limit', () => {
  let small: TestServer;
  let admin: Awaited<ReturnType<typeof withCast>>['admin'];
  beforeAll(async () => {
    small = await startServer({ MAX_UPLOAD_BYTES: '4096' });
    admin = (await withCast(small)).admin;
  });
  afterAll(() => small.close());

  it('refuses a file over MAX_UPLOAD_BYTES with 413 and leaves no partial file', async () => {
    const files = storedFiles(small.dataDir);
    const r = await upload(admin, wav(2), 'oversized.wav', { tags: 'promos' });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ error: 'too-large', limit: 4096 });
    expect(storedFiles(small.dataDir)).toEqual(files);
    expect((await admin.get('/api/media?q=oversized')).body.items).toEqual([]);
  });

  it('accepts a file just under the limit', async () => {
    const bytes = wav(0.2);
    expect(bytes.length).toBeLessThan(4096);
    const r = await upload(admin, bytes, 'short.wav', { tags: 'promos' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.size).toBe(bytes.length);
  });
});
