import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let url: string;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  url = (await server.ctx.speech.render('欢迎光临')).url;
});
afterAll(() => server.close());

describe('GET /tts/<sha256>.wav', () => {
  it('serves rendered speech as audio/wav, cached for good', async () => {
    const r = await cast.device.get(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('audio/wav');
    expect(r.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(r.text.startsWith('RIFF')).toBe(true);
    expect((await cast.desk.get(url)).status).toBe(200);
  });

  it('serves a byte range, as audio elements ask for', async () => {
    const r = await fetch(server.url + url, {
      headers: { Authorization: `Bearer ${cast.device.bearer}`, Range: 'bytes=0-11' },
    });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toMatch(/^bytes 0-11\/\d+$/);
    expect(Buffer.from(await r.arrayBuffer()).toString('latin1')).toMatch(/^RIFF....WAVE$/s);
  });

  it('answers 404 for anything but a rendered file name', async () => {
    const names = [
      `/tts/${'0'.repeat(64)}.wav`,
      '/tts/deskcast.sqlite',
      '/tts/..%2fdeskcast.sqlite',
      '/tts/%2e%2e/deskcast.sqlite',
      `/tts/.${url.slice(5, 69)}.0000.tmp`,
      `${url.toUpperCase().replace('/TTS/', '/tts/')}`,
    ];
    for (const name of names) {
      const r = await cast.admin.get(name);
      expect(r.status, name).toBe(404);
      expect(r.text, name).not.toMatch(/^RIFF|SQLite/);
    }
  });

  it('is for signed-in people and devices only', async () => {
    expect((await cast.anonymous.get(url)).status).toBe(401);
  });
});
