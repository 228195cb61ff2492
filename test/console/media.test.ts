import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FFMPEG } from '../../server/media/ffmpeg.ts';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { wav } from '../media/fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const work = mkdtempSync(join(tmpdir(), 'deskcast-media-ui-'));

function mp3(seconds: number): Buffer {
  const out = join(work, `tone-${seconds}.mp3`);
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=660:duration=${seconds}`, '-ac', '1', '-ar', '44100', out],
  ]);
  return readFileSync(out);
}

/** Drops files on an element as a person drags them from the desktop (a DataTransfer). */
async function drop(page: Page, selector: string, files: { name: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }));
  // A string: the test tsconfig has no DOM types, the page has.
  const transfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(payload)}) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  })()`);
  await page.locator(selector).dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator(selector).dispatchEvent('drop', { dataTransfer: transfer });
}

const toastSays = (page: Page, text: string) =>
  expect
    .poll(() => toasts(page), { timeout: 20_000 })
    .toEqual(expect.arrayContaining([expect.stringContaining(text)]));

const row = (page: Page, id: string) => page.locator(`dc-page-media tr[data-media="${id}"]`);
const uploadRow = (page: Page, name: string) =>
  page.locator(`dc-media-uploads li[data-upload="${name}"]`);

describe('the media library page', () => {
  it('announcer1 drops two files, sees each upload and its length, tags one for the background music, normalises and plays it', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'media');
    await expect.poll(() => row(page, 'promos/lanting-sofa').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.locator('[data-testid=loudness-target]').innerText())
      .toContain('-16 LUFS');

    // Two files at once: a quiet chime (WAV) and a jingle (MP3).
    await drop(page, 'dc-media-uploads [data-testid=drop-zone]', [
      { name: 'Quiet Chime.wav', bytes: wav(4, 8000, 1200) },
      { name: 'Evening Jingle.mp3', bytes: mp3(3.3) },
    ]);
    // A progress bar for each file, on screen, full once its bytes are sent.
    const bars = page.locator('dc-media-uploads [data-testid=upload-progress]');
    await expect.poll(() => bars.filter({ visible: true }).count()).toBe(2);
    for (const name of ['Quiet Chime.wav', 'Evening Jingle.mp3']) {
      await expect
        .poll(() => uploadRow(page, name).innerText(), { timeout: 20_000 })
        .toContain('已加入音频库');
      const bar = uploadRow(page, name).locator('[data-testid=upload-progress]');
      expect(await bar.isVisible()).toBe(true);
      expect(await bar.getAttribute('value')).toBe('100');
    }
    expect(await uploadRow(page, 'Quiet Chime.wav').innerText()).toContain('0:04.0');
    expect(await uploadRow(page, 'Evening Jingle.mp3').innerText()).toContain('0:03.3');
    await toastSays(page, '已加入「Quiet Chime」');
    await expect.poll(() => row(page, 'quiet-chime').count()).toBe(1);
    expect(await row(page, 'quiet-chime').locator('[data-testid=duration]').innerText()).toBe(
      '0:04.0',
    );
    expect(await row(page, 'evening-jingle').locator('[data-testid=duration]').innerText()).toBe(
      '0:03.3',
    );
    expect(await row(page, 'quiet-chime').innerText()).toContain('未使用');

    // Tagged `background`, the background music slot's playlist picks it.
    await row(page, 'quiet-chime').click();
    const detail = page.locator('dc-media-detail');
    await detail.locator('sl-input[name=tags] input').fill('background');
    await detail.locator('[data-testid=save-media]').click();
    await toastSays(page, '已保存「Quiet Chime」');
    await expect
      .poll(() => detail.locator('[data-testid=used-by]').innerText())
      .toContain('背景音乐（歌单 background）');
    const background = (await cast.device.get('/api/media?tag=background')).body.items as Json[];
    expect(background.map((m) => m.id)).toContain('quiet-chime');
    expect(server.ctx.media.catalogue().byId.get('quiet-chime')?.tags).toEqual(['background']);

    // Its waveform plays.
    await expect
      .poll(() => detail.locator('[data-testid=waveform] svg path').count(), { timeout: 20_000 })
      .toBe(2);
    await detail.locator('dc-media-waveform [data-testid=play]').click();
    await expect
      .poll(() => detail.locator('[data-testid=position]').innerText(), { timeout: 10_000 })
      .not.toMatch(/^0:00\.0/);

    // One click to the mall's loudness: the same item, now at about -16 LUFS.
    const quiet = (await cast.admin.get('/api/media/quiet-chime')).body as Json;
    expect(quiet.loudnessLufs).toBeLessThan(-25);
    await detail.locator('[data-testid=normalise]').click();
    await toastSays(page, '已标准化「Quiet Chime」');
    const loud = (await cast.admin.get('/api/media/quiet-chime')).body as Json;
    expect(Math.abs(loud.loudnessLufs + 16)).toBeLessThan(1);
    expect(loud.tags).toEqual(['background']);
    await expect
      .poll(() => detail.locator('[data-testid=detail-lufs]').innerText())
      .toMatch(/^-1[56]\.\d LUFS$/);
    expect(await detail.locator('[data-testid=restore-original]').count()).toBe(1);
    expect(await overflowsSideways(page)).toBe(false);
    await page.close();
  }, 120_000);

  it('shows why a file that lies is refused, on its row and in a toast', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'media');
    const before = (await cast.admin.get('/api/media')).body.items.length;
    await page
      .locator('dc-media-uploads [data-testid=file-input]')
      .setInputFiles([
        { name: 'cut-off.mp3', mimeType: 'audio/mpeg', buffer: mp3(17).subarray(0, 1024) },
      ]);
    const why = uploadRow(page, 'cut-off.mp3').locator('[data-testid=upload-why]');
    await expect.poll(() => why.innerText(), { timeout: 20_000 }).toContain('文件不完整');
    expect(await why.innerText()).toContain('cut short');
    expect(await uploadRow(page, 'cut-off.mp3').innerText()).toContain('未接受');
    await toastSays(page, '未接受「cut-off.mp3」');
    expect((await cast.admin.get('/api/media')).body.items.length).toBe(before);
    await page.close();
  }, 60_000);

  it('refuses to delete an item a promo plays, and says which', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'media');
    await page.locator('dc-page-media sl-input[name=search] input').fill('lanting');
    await expect.poll(() => page.locator('dc-page-media tbody tr').count()).toBe(1);
    await row(page, 'promos/lanting-sofa').click();
    const detail = page.locator('dc-media-detail');
    await expect
      .poll(() => detail.locator('[data-testid=used-by]').innerText())
      .toContain('促销「全场沙发八折」兰亭沙发');
    await detail.locator('[data-testid=delete-media]').click();
    await detail.locator('[data-testid=delete-media]').click();
    const refusal = detail.locator('[data-testid=delete-refusal]');
    await expect.poll(() => refusal.innerText(), { timeout: 10_000 }).toContain('不能删除');
    expect(await refusal.innerText()).toContain('promo lanting-sofa (兰亭沙发)');
    await toastSays(page, '不能删除「兰亭沙发：全场沙发八折」');
    expect((await cast.admin.get('/api/media/promos/lanting-sofa')).status).toBe(200);
    await page.close();
  }, 60_000);
});
