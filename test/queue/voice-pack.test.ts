import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAnnouncement } from '../../server/queue/voice-clips.ts';
import { buildVoicePack } from '../../server/queue/voice-pack.ts';
import { espeakWasm } from '../../server/tts/synthesiser.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

/** Format, rate, channels and length of a WAV file, from its header. */
function wavInfo(buf: Buffer) {
  const rate = buf.readUInt32LE(24);
  const channels = buf.readUInt16LE(22);
  const bits = buf.readUInt16LE(34);
  const dataAt = buf.indexOf('data', 12);
  const bytes = buf.readUInt32LE(dataAt + 4);
  return {
    riff: buf.toString('ascii', 0, 4),
    rate,
    channels,
    bits,
    seconds: bytes / (rate * channels * (bits / 8)),
    dataAt,
  };
}

/** Peak of the first `ms` milliseconds, 0–1: near zero means the clip starts with silence. */
function leadingPeak(buf: Buffer, ms: number): number {
  const { rate, dataAt } = wavInfo(buf);
  let peak = 0;
  for (let i = 0; i < (rate * ms) / 1000; i++)
    peak = Math.max(peak, Math.abs(buf.readInt16LE(dataAt + 8 + i * 2)));
  return peak / 32768;
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'deskcast-voice-'));
  const synth = espeakWasm();
  try {
    await buildVoicePack(join(out, 'voice'), synth);
  } finally {
    synth.close();
  }
}, 120_000);

describe('the voice pack (npm run voice-pack)', () => {
  it('has every clip a call can ask for: A–Z, digits, 幺, counters 1–99, both languages', async () => {
    const needed = new Set<string>();
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
      for (let counter = 1; counter <= 99; counter++)
        for (const digitOne of ['yi', 'yao'] as const)
          for (const clip of callAnnouncement({
            code: `${letter}0123456789`,
            counter,
            english: true,
            digitOne,
          }).clips)
            needed.add(clip);
    const missing = [];
    for (const clip of needed) {
      const found = await stat(join(out, 'voice', `${clip}.wav`)).then(
        () => true,
        () => false,
      );
      if (!found) missing.push(clip);
    }
    expect(missing).toEqual([]);
    expect(needed.size).toBeGreaterThan(80);
  });

  it('is small 16 kHz mono WAV clips, trimmed so they join without gaps', async () => {
    let total = 0;
    for (const dir of ['zh', 'en']) {
      for (const name of await readdir(join(out, 'voice', dir))) {
        const buf = await readFile(join(out, 'voice', dir, name));
        total += buf.length;
        const info = wavInfo(buf);
        expect({
          name,
          riff: info.riff,
          rate: info.rate,
          channels: info.channels,
          bits: info.bits,
        }).toEqual({
          name,
          riff: 'RIFF',
          rate: 16000,
          channels: 1,
          bits: 16,
        });
        expect(info.seconds, name).toBeLessThan(1.4);
        // Speech starts within the first 20 ms: the leading silence is gone.
        expect(leadingPeak(buf, 20), name).toBeGreaterThan(0.005);
      }
    }
    expect(total).toBeLessThan(1.1 * 1024 * 1024);
  });
});

describe('GET /voice/<name>.wav', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof withCast>>;
  beforeAll(async () => {
    server = await startServer();
    cast = await withCast(server);
    // The generated pack stands in for the shipped one: a mall may replace it the same way.
    server.ctx.config.mediaDir = out;
  });
  afterAll(() => server?.close());

  it('serves the clips a board plays, to guide screens and staff', async () => {
    const guide = (await cast.admin.post('/api/devices', { name: 'board', kind: 'guide' })).body
      .token as string;
    const r = await fetch(`${server.url}/voice/zh/qing.wav`, {
      headers: { Authorization: `Bearer ${guide}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('audio/wav');
    expect(r.headers.get('cache-control')).toBe('private, max-age=86400');
    const body = Buffer.from(await r.arrayBuffer());
    expect(body.equals(await readFile(join(out, 'voice', 'zh', 'qing.wav')))).toBe(true);
    expect((await cast.desk.get('/voice/chime.wav')).status).toBe(200);
    expect((await cast.desk.get('/voice/en/please-go-to.wav')).status).toBe(200);
  });

  it('refuses the signed-out, and anything outside the pack', async () => {
    expect((await cast.anonymous.get('/voice/chime.wav')).status).toBe(401);
    for (const path of [
      '/voice/zh/nothing.wav',
      '/voice/..%2F..%2Fpackage.json',
      '/voice/zh/..%2F..%2F..%2Fpackage.json',
      '/voice/zh/qing.mp3',
      '/voice/fr/A.wav',
      '/voice/zh/a/b.wav',
    ]) {
      const r = await cast.desk.get(path);
      expect(r.status, path).toBe(404);
    }
  });
});
