import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, startServer, type TestServer } from '../helpers/server.ts';

const running: TestServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A file as an upload killed before its row would have left it, written ten minutes ago. */
function leftover(path: string, bytes: string, agoMs = 10 * 60_000): void {
  writeFileSync(path, bytes);
  const then = new Date(Date.now() - agoMs);
  utimesSync(path, then, then);
}

describe('files no row refers to', () => {
  it('are cleared at start from the media and image stores; referenced and fresh files stay', async () => {
    const first = await startServer();
    running.push(first);
    const { dataDir, ctx } = first;
    const mediaDir = join(dataDir, 'media');
    const imagesDir = join(dataDir, 'images');
    // The shipped media, imported on first start: each file is a row's.
    const shipped = readdirSync(mediaDir).filter((n) => !n.startsWith('.'));
    expect(shipped.length).toBeGreaterThan(0);
    // A merchant's logo, stored and recorded.
    const logo = `${sha('logo')}.png`;
    leftover(join(imagesDir, logo), 'logo');
    const merchant = ctx.db.prepare('SELECT id FROM merchants LIMIT 1').pluck().get() as number;
    ctx.merchants.setLogo(merchant, logo, 'test', ctx.now());

    // A SIGKILL between storing each upload and writing its row.
    const strayAudio = `${sha('audio')}.mp3`;
    const strayImage = `${sha('image')}.webp`;
    leftover(join(mediaDir, strayAudio), 'audio');
    leftover(join(imagesDir, strayImage), 'image');
    // Another process's upload this very moment, and a file that is not the store's.
    const fresh = `${sha('fresh')}.wav`;
    writeFileSync(join(mediaDir, fresh), 'fresh');
    leftover(join(mediaDir, 'notes.txt'), 'mine');
    await first.close();
    running.length = 0;

    // Set aside a week long since: a leftover of an earlier start.
    const older = `${sha('older')}.ogg`;
    mkdirSync(join(mediaDir, '.orphans'), { recursive: true });
    leftover(join(mediaDir, '.orphans', older), 'older', 8 * 86_400_000);
    const second = await startServer({}, dataDir);
    running.push(second);
    const admin = await new Client(second.url).login('admin', ADMIN_PASSWORD);
    // Out of the store (never served); kept aside a week in case an older backup was restored.
    expect(existsSync(join(mediaDir, strayAudio))).toBe(false);
    expect(existsSync(join(imagesDir, strayImage))).toBe(false);
    expect(existsSync(join(mediaDir, '.orphans', strayAudio))).toBe(true);
    expect(existsSync(join(imagesDir, '.orphans', strayImage))).toBe(true);
    expect(existsSync(join(mediaDir, '.orphans', older))).toBe(false);
    expect((await admin.get(`/media/${strayAudio}`)).status).toBe(404);
    expect((await admin.get(`/media/${shipped[0]}`)).status).toBe(200);
    for (const name of shipped) expect(existsSync(join(mediaDir, name)), name).toBe(true);
    expect(existsSync(join(imagesDir, logo))).toBe(true);
    expect(existsSync(join(mediaDir, fresh))).toBe(true);
    expect(existsSync(join(mediaDir, 'notes.txt'))).toBe(true);
  }, 60_000);
});
