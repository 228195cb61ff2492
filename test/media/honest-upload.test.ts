import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FFMPEG } from '../../server/media/ffmpeg.ts';
import { loudnessMeter } from '../../server/media/loudness.ts';
import { createLogger } from '../../server/log.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { storedFiles, upload, wav } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

const work = mkdtempSync(join(tmpdir(), 'deskcast-honest-'));

/** A real MP3 made by the npm ffmpeg: a 440 Hz tone, stereo 44.1 kHz, 128 kbps. */
function mp3(seconds: number): Buffer {
  const out = join(work, `tone-${seconds}.mp3`);
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=440:duration=${seconds}`, '-ac', '2', '-ar', '44100'],
    ...['-b:a', '128k', out],
  ]);
  return readFileSync(out);
}

/** The length of a file's audio as ffmpeg decodes it: its samples counted, in ms. */
function decodedMs(bytes: Buffer): number {
  const path = join(work, `decode-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, bytes);
  const pcm = execFileSync(
    FFMPEG,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      path,
      '-ac',
      '1',
      '-ar',
      '48000',
      '-f',
      's16le',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return (pcm.length / 2 / 48000) * 1000;
}

/** A copy of a file with some header field overwritten: a header that lies. */
function patched(bytes: Buffer, write: (b: Buffer) => void): Buffer {
  const b = Buffer.from(bytes);
  write(b);
  return b;
}

const count = async () => (await cast.admin.get('/api/media')).body.items.length as number;

describe('honest uploads', () => {
  it('refuses a truncated MP3 that claims its full length, and stores nothing', async () => {
    const whole = mp3(17);
    const files = storedFiles(server.dataDir);
    const before = await count();
    const r = await upload(cast.announcer, whole.subarray(0, 1024), 'cut.mp3', { tags: 'promos' });
    expect(r.status, r.text).toBe(422);
    expect(r.body.error).toBe('cut-short');
    expect(r.body.message).toContain('cut.mp3');
    expect(r.body.message).toContain('文件不完整');
    expect(r.body.message).toMatch(/header says 17\.\d s but only 0\.\d\d s of audio decodes/);
    expect(storedFiles(server.dataDir)).toEqual(files);
    expect(await count()).toBe(before);
  });

  it('refuses a WAV whose header claims 1 Hz, no channels or 12 channels', async () => {
    const real = wav(1);
    const liars: [string, Buffer, RegExp][] = [
      [
        'one-hertz.wav',
        patched(real, (b) => (b.writeUInt32LE(1, 24), b.writeUInt32LE(2, 28))),
        /sample rate of 1 Hz is not real audio/,
      ],
      ['no-channels.wav', patched(real, (b) => b.writeUInt16LE(0, 22)), /no audio channels/],
      ['twelve.wav', patched(real, (b) => b.writeUInt16LE(12, 22)), /12 channels is more than/],
    ];
    const files = storedFiles(server.dataDir);
    const before = await count();
    for (const [name, bytes, why] of liars) {
      const r = await upload(cast.announcer, bytes, name, { tags: 'promos' });
      expect(r.status, name).toBe(422);
      expect(r.body.error, name).toBe('bad-format');
      expect(r.body.message, name).toMatch(why);
      expect(r.body.message, name).toContain(name);
    }
    expect(storedFiles(server.dataDir)).toEqual(files);
    expect(await count()).toBe(before);
  });

  it('stores a real file with the length that decodes, not the length its header claims', async () => {
    const real = mp3(3.3);
    let r = await upload(cast.announcer, real, 'real.mp3', { tags: 'promos' });
    expect(r.status, r.text).toBe(201);
    expect(Math.abs(r.body.durationMs - decodedMs(real))).toBeLessThan(50);
    expect([r.body.sampleRate, r.body.channels]).toEqual([44100, 2]);

    // An MP3 whose VBR header counts 4% more frames than it has (an edit that did not
    // rewrite it): the header says 17.7 s, 17.0 s plays, and 17.0 s is stored.
    const whole = mp3(17);
    const info = Math.max(whole.indexOf('Xing'), whole.indexOf('Info'));
    expect(info).toBeGreaterThan(0);
    const overstated = patched(whole, (b) =>
      b.writeUInt32BE(Math.round(b.readUInt32BE(info + 8) * 1.04), info + 8),
    );
    r = await upload(cast.announcer, overstated, 'overstated.mp3', { tags: 'promos' });
    expect(r.status, r.text).toBe(201);
    expect(Math.abs(r.body.durationMs - decodedMs(overstated))).toBeLessThan(50);
    expect(Math.abs(r.body.durationMs - 17_000)).toBeLessThan(50);
  });
});

describe('normalise', () => {
  it('renders a copy at the mall target as a new file of the same item, keeping the original', async () => {
    // Quiet: about -34 LUFS, a tone at 1/30 of full scale, 8 kHz so a 192 kHz copy would show.
    const quiet = wav(5, 8000, 1100);
    const up = await upload(cast.announcer, quiet, 'Quiet Tone.wav', { tags: 'background' });
    expect(up.status, up.text).toBe(201);
    const id = up.body.id as string;
    expect(up.body.loudnessLufs).toBeLessThan(-30);
    expect(up.body.usedBy).toContainEqual(
      expect.objectContaining({ kind: 'slot', slot: 'background', playlist: 'background' }),
    );
    const target = (await cast.admin.get('/api/media')).body.loudnessTarget;
    expect(target).toMatchObject({ lufs: -16, truePeakDbtp: -1.5 });

    const r = await cast.announcer.post(`/api/media/${id}/normalise`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      id,
      title: up.body.title,
      tags: up.body.tags,
      usedBy: up.body.usedBy,
      mime: 'audio/wav',
      sampleRate: 8000,
      channels: 1,
      original: { file: up.body.file, loudnessLufs: up.body.loudnessLufs },
    });
    expect(r.body.file).not.toBe(up.body.file);
    expect(Math.abs(r.body.durationMs - 5000)).toBeLessThan(50);
    // Measured again here, from the stored bytes: within 1 LU of the target.
    const meter = loudnessMeter(createLogger('silent'));
    const stored = join(server.dataDir, 'media', r.body.file);
    expect(Math.abs((await meter(stored))! - target.lufs)).toBeLessThan(1);
    expect(Math.abs(r.body.loudnessLufs - target.lufs)).toBeLessThan(1);
    expect(readFileSync(stored).readUInt32LE(24)).toBe(8000);

    // The library, the catalogue the plans use, and both files served.
    const got = (await cast.device.get(`/api/media/${id}`)).body as Json;
    expect(got.file).toBe(r.body.file);
    expect(server.ctx.media.catalogue().byId.get(id)?.file).toBe(r.body.file);
    expect((await cast.device.get(`/media/${r.body.file}`)).status).toBe(200);
    expect((await cast.device.get(`/media/${up.body.file}`)).status).toBe(200);

    // Again is refused: it is at the target already.
    const again = await cast.announcer.post(`/api/media/${id}/normalise`);
    expect([again.status, again.body.error]).toEqual([409, 'already-normalised']);

    // The original can come back.
    const back = await cast.announcer.post(`/api/media/${id}/restore-original`);
    expect(back.status, back.text).toBe(200);
    expect(back.body.file).toBe(up.body.file);
    expect(back.body.original).toBeUndefined();
  });
});

describe('import of the shipped media folder', () => {
  it('stores what decodes and leaves out files that lie', async () => {
    const media = mkdtempSync(join(tmpdir(), 'deskcast-media-'));
    cpSync('media', media, { recursive: true });
    const whole = wav(4);
    writeFileSync(join(media, 'background/light/09-cut-copy.wav'), whole.subarray(0, 44 + 24000));
    writeFileSync(join(media, 'promos/cut.mp3'), mp3(17).subarray(0, 1024));
    const other = await startServer({ MEDIA_DIR: media });
    try {
      const admin = (await withCast(other)).admin;
      const items = (await admin.get('/api/media')).body.items as Json[];
      const cut = items.find((m) => m.id === 'background/light/09-cut-copy');
      expect(cut?.durationMs).toBe(1500);
      expect(items.find((m) => m.id === 'promos/cut')).toBeUndefined();
      // Each shipped file has the length ffmpeg decodes.
      const garden = items.find((m) => m.id === 'background/light/01-quiet-garden') as Json;
      const bytes = readFileSync('media/background/light/01-quiet-garden.mp3');
      expect(Math.abs(garden.durationMs - decodedMs(bytes))).toBeLessThan(50);
    } finally {
      await other.close();
    }
  }, 60_000);
});
