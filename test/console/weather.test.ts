import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockSynced, launchChromium } from '../helpers/browser.ts';
import {
  WEATHER_TEMPLATE,
  setCompressedProgram,
  uploadTestTones,
} from '../helpers/compressed-program.ts';
import { navigate, openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

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

describe('console: weather', () => {
  it('speaks on the player the forecast an announcer typed in on the page', async () => {
    // The mall's zone first (the compressed program's), so the page's today is the player's.
    await setCompressedProgram(cast.admin, soon(30), [
      { slot: 'background', from: 0, until: 60 },
      { slot: 'weather', from: 20, until: 40 },
    ]);
    const player = await browser.newPage();
    const fetched: string[] = [];
    player.on('request', (r) => fetched.push(decodeURIComponent(r.url())));
    player.on('pageerror', (e) => console.error('player page error:', e.message));
    await player.goto(`${server.url}/player?token=${cast.device.bearer}`);
    await clockSynced(player);

    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'weather');
    const today = page.locator('dc-weather-day').first();
    // Shadow roots: read what is on screen through locators that reach into them.
    await expect
      .poll(() => today.locator('[data-testid=fallback]').innerText())
      .toContain('还没有天气预报');
    expect(await page.locator('[data-testid=provider]').innerText()).toContain('未配置');

    await today.locator('sl-select[name=condition]').click();
    await today.locator('sl-option[value=小雨]').click();
    await today.locator('sl-input[name=low] input').fill('3');
    await today.locator('sl-input[name=high] input').fill('9');
    const sentence = WEATHER_TEMPLATE.replace('{condition}', '小雨')
      .replace('{low}', '3')
      .replace('{high}', '9');
    // The server renders the sentence from the template as one types.
    await expect.poll(() => today.locator('[data-testid=preview]').innerText()).toBe(sentence);
    await today.locator('sl-button[data-action=save]').click();
    await expect
      .poll(() => toasts(page))
      .toEqual(expect.arrayContaining([expect.stringContaining('已保存')]));
    await expect.poll(() => today.locator('[data-testid=spoken]').innerText()).toBe(sentence);
    expect(await today.locator('[data-testid=source]').innerText()).toContain('announcer1');
    expect(await today.locator('[data-testid=fallback]').count()).toBe(0);
    expect(await overflowsSideways(page)).toBe(false);

    // The weather item now comes due a few seconds from now, over music.
    const t0 = soon(8);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', from: 0, until: 20 },
      { slot: 'weather', from: 4, until: 18 },
    ]);
    const plan = (await cast.device.get('/api/plan')).body;
    const item = (plan.items as Json[]).find((i) => i.kind === 'weather');
    expect(item, 'the plan has the typed-in forecast').toMatchObject({ text: sentence });
    expect(Date.parse(item!.start as string)).toBe(t0 + 4000);

    // The player fetched that sentence's speech and reported playing the weather item.
    await expect
      .poll(() => fetched.filter((u) => u.includes(`/api/speech?text=${sentence}`)).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const played = async () =>
      (
        (await cast.desk.get(`/api/plays?date=${plan.date}&status=started`)).body.plays as Json[]
      ).filter((p) => p.kind === 'weather');
    await expect
      .poll(async () => (await played()).length, { timeout: 30_000, interval: 500 })
      .toBe(1);
    const [log] = await played();
    expect(log).toMatchObject({ itemId: item!.id, title: '天气预报：小雨' });
    expect(Date.parse(log!.plannedAt as string)).toBe(t0 + 4000);
    // It began when planned (the log's own instant; no tight bound: the machine is shared).
    expect(Math.abs(Date.parse(log!.actualAt as string) - (t0 + 4000))).toBeLessThan(2000);
    await page.close();
    await player.close();
  }, 90_000);
});
