import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, playerState } from '../helpers/browser.ts';
import { setCompressedProgram, uploadTestTones } from '../helpers/compressed-program.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A whole second, a few seconds from now: program times have one-second resolution. */
const soon = (seconds: number) => Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000;

async function openPlayer(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}/player?token=${cast.device.bearer}`);
  await page.waitForFunction(
    () =>
      (globalThis as { __deskcast?: { clock: { syncedAt: number } } }).__deskcast?.clock.syncedAt,
  );
  return page;
}

/** Waits until the server's clock (as the page sees it) passes `t`. */
async function until(page: Page, t: number): Promise<void> {
  await page.waitForFunction(
    (t) =>
      (globalThis as { __deskcast?: { clock: { now(): number } } }).__deskcast!.clock.now() >= t,
    t,
    {
      timeout: Math.max(5000, t - Date.now() + 5000),
      polling: 50,
    },
  );
}

const plansOf = async (date?: string) =>
  (await cast.device.get(`/api/plan${date ? `?date=${date}` : ''}`)).body;

describe('kiosk player', () => {
  it('starts each item at its instant, in order, and ducks the music under speech', async () => {
    const t0 = soon(8);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed-1', from: 0, until: 10 },
      { slot: 'welcome-speech', id: 'speech-1', from: 3 },
      { slot: 'background', id: 'bed-2', from: 10, until: 14 },
      { slot: 'farewell-music', from: 14, until: 17 },
    ]);
    const plan = await plansOf();
    const page = await openPlayer();
    await until(page, t0 + 1000);
    expect((await playerState(page))?.bedGain).toBeGreaterThan(0.9);
    await until(page, t0 + 3800);
    const ducked = await playerState(page);
    expect(ducked?.status.voice?.item.id).toBe('speech-1#1');
    expect(ducked?.bedGain).toBeLessThan(0.3); // −12 dB ≈ 0.25
    await until(page, t0 + 6000);
    expect((await playerState(page))?.bedGain).toBeGreaterThan(0.9); // back up after the speech
    await until(page, t0 + 17_500);

    const starts = (await playerState(page))!.starts;
    const planned = (plan.items as { id: string; start: string }[]).map((i) => ({
      key: `${plan.date}/${i.id}`,
      ms: Date.parse(i.start),
    }));
    expect(starts.map((s) => s.key)).toEqual(planned.map((p) => p.key));
    for (const s of starts) expect(Math.abs(s.actualMs - s.plannedMs), s.key).toBeLessThan(150);
    expect(starts.at(-1)?.slot).toBe('farewell-music');

    // The same starts reach the as-played log, with their planned and actual times.
    await page.waitForTimeout(11_000); // the log is uploaded every 10 s
    const log = (await cast.desk.get(`/api/plays?date=${plan.date}&status=started`)).body.plays as {
      itemId: string;
      plannedAt: string;
      actualAt: string;
    }[];
    expect(log.map((p) => p.itemId).sort()).toEqual(
      (plan.items as { id: string }[]).map((i) => i.id).sort(),
    );
    for (const p of log)
      expect(Math.abs(Date.parse(p.actualAt) - Date.parse(p.plannedAt)), p.itemId).toBeLessThan(
        150,
      );
    await page.close();
  }, 60_000);

  it('rejoins the item in progress at the right offset after a reload', async () => {
    const t0 = soon(6);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed-1', from: 0, until: 12 },
    ]);
    const page = await openPlayer();
    await until(page, t0 + 5000);
    await page.reload();
    await page.waitForFunction(
      () =>
        ((globalThis as { __deskcast?: { player: { starts: unknown[] } } }).__deskcast?.player
          .starts.length ?? 0) > 0,
      undefined,
      { timeout: 10_000 },
    );
    const state = (await playerState(page))!;
    const [first] = state.starts;
    // The second 4 s tone (4–8 s) was playing: it comes back part-way through, not from its start.
    expect(first?.key).toMatch(/bed-1#2$/);
    const expectedOffset = (first!.actualMs - first!.plannedMs) / 1000;
    expect(first!.offsetS).toBeGreaterThan(0.5);
    expect(Math.abs(first!.offsetS - expectedOffset)).toBeLessThan(0.1);
    await page.close();
  }, 40_000);

  it('lets an emergency announcement stop everything, then resumes the program where it should be', async () => {
    const t0 = soon(6);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed-1', from: 0, until: 16 },
    ]);
    const page = await openPlayer();
    await until(page, t0 + 1500);
    const r = await cast.desk.post('/api/announcements', {
      mediaId: 'test/speech-880',
      priority: 'emergency',
      repeat: 2,
    });
    expect(r.status).toBe(201);
    await page.waitForFunction(
      () =>
        (
          globalThis as { __deskcast?: { player: { status(): { announcement?: unknown } } } }
        ).__deskcast?.player.status().announcement,
      undefined,
      { timeout: 5000 },
    );
    const during = (await playerState(page))!;
    expect(during.status.bed).toBeUndefined(); // the music stops for an emergency
    const announcedAt = during.serverNow;
    // Two 2 s plays with a 1 s gap.
    await until(page, announcedAt + 6500);
    const after = (await playerState(page))!;
    expect(after.status.announcement).toBeUndefined();
    const rejoin = after.starts.find((s) => s.layer === 'bed' && s.actualMs > announcedAt)!;
    expect(rejoin.actualMs).toBeGreaterThan(announcedAt + 4000);
    // Resumed at the point the plan has reached by now, not where it stopped.
    expect(rejoin.offsetS).toBeGreaterThan(0.3);
    expect(Math.abs(rejoin.offsetS - (rejoin.actualMs - rejoin.plannedMs) / 1000)).toBeLessThan(
      0.1,
    );
    await page.close();
  }, 40_000);

  it('skips a missing file and keeps the music going', async () => {
    const t0 = soon(6);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed-1', from: 0, until: 5 },
      { slot: 'farewell-music', id: 'farewell', from: 5, until: 10 },
    ]);
    // The farewell file vanishes from the server's disk (a failed disk, a bad restore).
    const { file } = (await cast.admin.get('/api/media/test/farewell/330')).body;
    const { rename } = await import('node:fs/promises');
    const stored = `${server.dataDir}/media/${file}`;
    await rename(stored, `${stored}.away`);
    try {
      const page = await openPlayer();
      await until(page, t0 + 6000);
      const state = (await playerState(page))!;
      expect(state.status.bed).toBeDefined(); // music still playing in the farewell's slot
      await until(page, t0 + 10_500);
      await page.evaluate(() =>
        (
          globalThis as unknown as { __deskcast: { log: { flush(): Promise<void> } } }
        ).__deskcast.log.flush(),
      );
      const plan = await plansOf();
      const failed = (await cast.desk.get(`/api/plays?date=${plan.date}&status=failed`)).body
        .plays as { itemId: string }[];
      expect(failed.map((p) => p.itemId)).toContain('farewell#1');
      await page.close();
    } finally {
      await rename(`${stored}.away`, stored);
    }
  }, 40_000);
});
