import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

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

const DATE = '2026-12-02';
const until = async (page: Page, text: string) =>
  expect
    .poll(() => toasts(page), { timeout: 20_000 })
    .toEqual(expect.arrayContaining([expect.stringContaining(text)]));

describe('merchants and promos in the console', () => {
  it('announcer1 adds a merchant and a promo, previews its plays for a day, saves, and the plan has them', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');

    // A merchant, as the desk types it: a floor without "F", a unit in lower case.
    await navigate(page, 'merchants');
    await page.locator('[data-testid=new-merchant]').click();
    const m = page.locator('dc-merchant-dialog');
    await m.locator('sl-input[name=name] input').fill('晨曦窗帘');
    await m.locator('sl-input[name=pinyin] input').fill('chen xi chuang lian');
    await m.locator('sl-input[name=floor] input').fill('3');
    await m.locator('sl-input[name=unit] input').fill('b302');
    await m.locator('[data-testid=save-merchant]').click();
    await until(page, '已保存商户「晨曦窗帘」');
    const row = page.locator('dc-page-merchants tr[data-merchant="晨曦窗帘"]');
    await expect.poll(() => row.innerText()).toContain('3F');
    expect(await row.innerText()).toContain('B302');
    // Found by its initials.
    await page.locator('dc-page-merchants sl-input[name=search] input').fill('cxcl');
    await expect.poll(() => page.locator('dc-page-merchants tbody tr').count()).toBe(1);

    // Its promo: spoken text, six plays an hour.
    await navigate(page, 'promos');
    await page.locator('[data-testid=new-promo]').click();
    const p = page.locator('dc-promo-dialog');
    await p.locator('sl-select[name=merchantId]').click();
    await p.locator('sl-option', { hasText: '晨曦窗帘' }).click();
    await p.locator('sl-input[name=title] input').fill('窗帘换季八折');
    await p
      .locator('sl-textarea[name=text] textarea')
      .fill('晨曦窗帘三楼B三零二，换季窗帘全场八折，欢迎选购。');
    await p.locator('sl-radio-button[value=hour]').click();
    await p.locator('sl-input[name=playsPerHour] input').fill('6');

    // The preview: the day's loop compiled with the promo, before anything is saved.
    await p.locator('sl-input[name=preview-date] input').fill(DATE);
    await p.locator('[data-testid=preview]').click();
    const count = p.locator('[data-testid=preview-count]');
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toContain('播放 18 次');
    const previewTimes = (
      await p.locator('[data-testid=preview-times] sl-tag').allInnerTexts()
    ).map((t) => t.trim());
    expect(previewTimes[0]).toBe('10:05');
    expect(previewTimes).toHaveLength(18);
    expect((await cast.announcer.get('/api/promos')).body.promos).toHaveLength(5);
    expect(await overflowsSideways(page)).toBe(false);

    await p.locator('[data-testid=save-promo]').click();
    await until(page, '已保存促销「窗帘换季八折」');
    await expect
      .poll(() => page.locator('dc-page-promos table[data-testid=promos]').innerText())
      .toContain('窗帘换季八折');
    expect(await page.locator('dc-page-promos table[data-testid=promos]').innerText()).toContain(
      '每小时 6 次',
    );

    // What the player is given for that day now has it, at the times the preview showed.
    const plan = (await cast.device.get(`/api/plan?date=${DATE}`)).body;
    const plays = (plan.items as Json[]).filter((i) => i.promo?.merchant === '晨曦窗帘');
    expect(plays.map((i) => i.start.slice(11, 16))).toEqual(previewTimes);
    expect(plays[0]).toMatchObject({
      title: '晨曦窗帘：窗帘换季八折',
      text: '晨曦窗帘三楼B三零二，换季窗帘全场八折，欢迎选购。',
      promo: { floor: '3F', unit: 'B302' },
    });
    await page.close();
  }, 180_000);

  it('shows the server’s refusal at the fields it names, and saves nothing', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'merchants');
    await page.locator('[data-testid=new-merchant]').click();
    const m = page.locator('dc-merchant-dialog');
    await m.locator('sl-input[name=name] input').fill('MUJI');
    await m.locator('sl-input[name=floor] input').fill('十二楼');
    await m.locator('[data-testid=save-merchant]').click();
    await until(page, '商户未保存');
    await expect
      .poll(() => m.locator('.error[data-field=floor]').innerText())
      .toContain('楼层写作 1F、2F… 或 B1');
    expect(await m.locator('.error[data-field=name]').innerText()).toContain('汉字');
    const names = ((await cast.announcer.get('/api/merchants')).body.merchants as Json[]).map(
      (x) => x.name,
    );
    expect(names).not.toContain('MUJI');
    await page.close();
  }, 120_000);
});
