import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant, offsetMinutesAt, wallTimeToInstant } from '../../core/zoned-time.ts';
import { AUDIBLE } from '../helpers/audio-tap.ts';
import { clockSynced, launchChromium, listeningPage } from '../helpers/browser.ts';
import {
  setCompressedProgram,
  TEST_PITCHES,
  uploadTestTones,
} from '../helpers/compressed-program.ts';
import { openConsole, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
let zone: string;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  // The program's music starts ten minutes from now: until then the player is silent, so
  // whatever it sends to its speakers is the announcement.
  ({ zone } = await setCompressedProgram(cast.admin, Date.now(), [
    { slot: 'background', id: 'later', from: 600, until: 610 },
  ]));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the test reads of the preview's audio element (the tests are type-checked without DOM). */
interface MediaLike {
  currentSrc: string;
  currentTime: number;
}

/** Sending renders new words to speech first: on a busy machine that takes seconds. */
const SPEECH = { timeout: 30_000 };

const desk = (b: Browser) =>
  openConsole(b, server.url, 'desk1', 'desk1-password', '/console/announcements');

/** `HH:MM:SS` on the mall's clocks. */
const mallClock = (iso: string) => {
  const ms = Math.floor(Date.parse(iso) / 1000) * 1000;
  return formatInstant(ms, offsetMinutesAt(zone, ms)).slice(11, 19);
};

async function announcements(): Promise<Json[]> {
  return (await cast.desk.get('/api/announcements')).body.announcements as Json[];
}

async function writeText(page: Page, text: string): Promise<void> {
  await page.locator('sl-textarea[name=text] textarea').fill(text);
}

describe('announcements page', () => {
  it('writes, previews and sends an announcement, and shows where and when it played', async () => {
    const { page: player, tap } = await listeningPage(browser, TEST_PITCHES);
    await player.goto(`${server.url}/player?token=${cast.device.bearer}`);
    await clockSynced(player);

    const page = await desk(browser);
    const text = '请A012号顾客到2号窗口办理业务';
    await writeText(page, text);

    // The preview is the server's rendering of these words, played in the page.
    const speech = page.waitForResponse((r) => r.url().includes('/api/speech?'));
    const wav = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/tts/'));
    await page.locator('[data-testid=listen]').click();
    const rendered = (await (await speech).json()) as { url: string; durationMs: number };
    expect(new URL((await speech).url()).searchParams.get('text')).toBe(text);
    const audio = await wav;
    expect(new URL(audio.url()).pathname).toBe(rendered.url);
    expect(audio.status()).toBeLessThan(300);
    expect(audio.headers()['content-type']).toBe('audio/wav');
    expect((await audio.body()).subarray(0, 4).toString()).toBe('RIFF');
    const element = page.locator('audio[data-testid=preview-audio]');
    expect(
      await element.evaluate((a) => new URL((a as unknown as MediaLike).currentSrc).pathname),
    ).toBe(rendered.url);
    await expect
      .poll(() => element.evaluate((a) => (a as unknown as MediaLike).currentTime), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);

    await page.locator('[data-testid=send]').click();
    await expect.poll(() => toasts(page), SPEECH).toContainEqual(expect.stringContaining('已发送'));
    const sent = (await announcements()).find((a) => a.text === text);
    expect(sent).toMatchObject({ priority: 'normal', repeat: 1, at: null, createdBy: 'desk1' });
    // The same audio as the preview goes to the players.
    expect(sent!.audioUrl).toBe(rendered.url);

    // The player plays it: the server's as-played log holds its start and end on player-1...
    const id = sent!.id as number;
    const logged = async () =>
      (
        (await cast.desk.get(`/api/plays?kind=announcement&limit=1000`)).body.plays as Json[]
      ).filter((p) => p.announcementId === id);
    await expect
      .poll(async () => (await logged()).map((p) => p.status), { timeout: 30_000 })
      .toEqual(['started', 'ended']);
    const [started, ended] = await logged();
    expect(started).toMatchObject({ device: 'player-1', kind: 'announcement' });
    // ...and the player's speakers had sound from that start to that end, and not before.
    const from = Date.parse(started!.actualAt);
    const to = Date.parse(ended!.actualAt);
    expect(to - from).toBeGreaterThan(rendered.durationMs - 300);
    await tap.heardUntil(to + 500);
    const loud = (a: number, b: number) =>
      tap.heard(a, b).filter((h) => h.rms >= AUDIBLE).length / Math.max(1, tap.heard(a, b).length);
    expect(loud(from + 200, to - 200), 'silence while the log says it played').toBeGreaterThan(0.5);
    expect(loud(from - 3000, from - 500), 'sound before it was sent').toBe(0);

    // The console's list says where and when it played, as the log has it.
    const plays = page.locator(`dc-announce-item[data-id="${id}"] [data-testid=plays]`);
    await expect.poll(() => plays.innerText(), { timeout: 15_000 }).toContain('player-1');
    const shown = await plays.innerText();
    expect(shown).toContain(mallClock(started!.actualAt));
    expect(shown).toContain(mallClock(ended!.actualAt));
    expect(shown).toContain('播完');
    await page.close();
    await player.context().close();
  }, 90_000);

  it('asks before an emergency announcement, and sends nothing when told no', async () => {
    const page = await desk(browser);
    const before = (await announcements()).length;
    await writeText(page, '紧急疏散演练，请听从工作人员指挥');
    await page.locator('sl-radio-group[name=priority] sl-radio-button[value=emergency]').click();
    await page.locator('[data-testid=send]').click();
    const dialog = page.locator('dc-announce-composer sl-dialog.confirm');
    await expect.poll(() => dialog.getAttribute('open')).not.toBeNull();
    expect(await dialog.innerText()).toContain('紧急疏散演练');
    await page.locator('[data-testid=confirm-cancel]').click();
    await expect.poll(() => dialog.getAttribute('open')).toBeNull();
    await page.waitForTimeout(1000);
    expect(await announcements()).toHaveLength(before);
    expect(await toasts(page)).not.toContainEqual(expect.stringContaining('已发送'));

    // Confirmed, it goes out as an emergency.
    await page.locator('[data-testid=send]').click();
    await page.locator('[data-testid=confirm-send]').click();
    await expect.poll(() => toasts(page), SPEECH).toContainEqual(expect.stringContaining('已发送'));
    const sent = (await announcements()).at(-1)!;
    expect(sent).toMatchObject({ priority: 'emergency', text: '紧急疏散演练，请听从工作人员指挥' });
    await cast.desk.post(`/api/announcements/${sent.id}/cancel`);
    await page.close();
  }, 60_000);

  it('schedules one at a time on the mall’s clock, and cancels it', async () => {
    const page = await desk(browser);
    await writeText(page, '顾客朋友们，商场将于稍后在中庭举行抽奖活动');
    await page.locator('sl-radio-group[name=when] sl-radio-button[value=at]').click();
    // Half an hour from now on the mall's clocks (the browser is in another zone).
    const target = Math.floor((Date.now() + 30 * 60_000) / 60_000) * 60_000;
    const wall = formatInstant(target, offsetMinutesAt(zone, target));
    const [date, time] = [wall.slice(0, 10), wall.slice(11, 16)];
    await page.locator('sl-input[name=date] input').fill(date);
    await page.locator('sl-input[name=time] input').fill(time);
    await page.locator('[data-testid=send]').click();
    await expect.poll(() => toasts(page), SPEECH).toContainEqual(expect.stringContaining('已定时'));
    const sent = (await announcements()).find((a) => a.text?.includes('抽奖活动'))!;
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    expect(Date.parse(sent.at as string)).toBe(
      wallTimeToInstant(zone, date, (hh * 60 + mm) * 60_000),
    );

    const item = page.locator(`[data-testid=pending] dc-announce-item[data-id="${sent.id}"]`);
    await expect.poll(() => item.locator('.meta').innerText()).toContain(`${time}:00`);
    await item.locator('[data-testid=cancel]').click();
    await item.locator('[data-testid=cancel-confirm]').click();
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('已取消'));
    expect(server.ctx.announcements.get(sent.id as number)?.status).toBe('cancelled');
    const after = page.locator(`[data-testid=recent] dc-announce-item[data-id="${sent.id}"]`);
    await expect.poll(() => after.locator('[data-testid=state]').innerText()).toContain('已取消');
    expect(await item.count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lets an announcer add the mall’s own template, filled in and heard like a built-in', async () => {
    const page = await openConsole(
      browser,
      server.url,
      'announcer1',
      'announcer1-password',
      '/console/announcements',
    );
    await page.locator('sl-radio-group[name=source] sl-radio-button[value=template]').click();
    await page.locator('[data-testid=manage-templates]').click();
    await page.locator('[data-testid=template-new]').click();
    await page.locator('sl-input[name=template-name] input').fill('失物招领');
    await page.locator('sl-input[name=template-title] input').fill('失物招领：{物品}');
    await page
      .locator('sl-textarea[name=template-text] textarea')
      .fill('顾客朋友请注意，服务台收到一件{物品}，请失主到{地点}认领。');
    // Each blank in the text became a field of the form.
    await expect
      .poll(() => page.locator('dc-announce-template-editor [data-blank]').count())
      .toBe(2);
    await page.locator('[data-blank=地点] sl-input input').first().fill('认领地点');
    await page.locator('[data-testid=template-save]').click();
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('模板已保存'));
    const made = (
      (await cast.desk.get('/api/announcements/templates')).body.templates as Json[]
    ).find((t) => t.name === '失物招领')!;
    expect(made.fields.map((f: Json) => [f.name, f.label])).toEqual([
      ['物品', '物品'],
      ['地点', '认领地点'],
    ]);
    await expect.poll(() => page.locator(`tr[data-template="${made.id}"]`).count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.locator('sl-select[name=template]').click();
    await page.locator(`sl-option[value="${made.id}"]`).click();
    await page.locator('sl-input[name="field-物品"] input').fill('蓝色雨伞');
    await page.locator('sl-input[name="field-地点"] input').fill('二楼服务台');
    await page.locator('[data-testid=listen]').click();
    await expect
      .poll(() => page.locator('dc-announce-composer .said').innerText(), SPEECH)
      .toContain('服务台收到一件蓝色雨伞，请失主到二楼服务台认领。');
    await page.close();
  }, 60_000);
});
