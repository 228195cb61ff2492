import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole } from '../helpers/console.ts';
import { ADMIN_PASSWORD, Client } from '../helpers/server.ts';
import { busyMall, type GuideMall } from './guide-fixture.ts';

let mall: GuideMall;
let browser: Browser;
beforeAll(async () => {
  mall = await busyMall();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await mall?.server.close();
});

describe("a guide screen's place in the console", () => {
  it("is chosen from the floor maps' places on the devices page, and the screen moves there", async () => {
    const guide = await (
      await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    ).newPage();
    await guide.goto(`${mall.server.url}/guide?token=${mall.guide}`);
    await guide.locator('dc-guide-directory button[data-floor="1F"][aria-pressed=true]').waitFor();

    const admin = await openConsole(browser, mall.server.url, 'admin', ADMIN_PASSWORD);
    await navigate(admin, 'people');
    await admin.locator('sl-tab[panel=devices]').click();
    const place = admin.locator('tr[data-device="guide-1"] sl-select[data-testid=guide-place]');
    await place.waitFor();
    expect(await place.getAttribute('value')).toBe('1f-entrance');
    // A player has no place to stand on a floor map.
    expect(await admin.locator('tr[data-device="player-1"] dc-guide-place').count()).toBe(0);
    await place.click();
    await admin.locator('sl-option[value="3f-atrium"]').click();
    await expect
      .poll(
        async () => (await new Client(mall.server.url, mall.guide).get('/api/guide')).body.here?.id,
      )
      .toBe('3f-atrium');
    // The screen is told at once: it now starts on 3F, with "you are here" on its map.
    await guide
      .locator('dc-guide-directory button[data-floor="3F"][aria-pressed=true]')
      .waitFor({ timeout: 10_000 });
    await guide.locator('dc-guide-directory dc-guide-map [data-testid=you-are-here]').waitFor();
  }, 60_000);
});
