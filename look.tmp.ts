import { launchChromium } from '/work/wt-guide/test/helpers/browser.ts';

import { busyMall } from '/work/wt-guide/test/guide/guide-fixture.ts';
const mall = await busyMall({ crowd: 8 });
const browser = await launchChromium();
for (const [name, vp] of [['landscape', { width: 1920, height: 1080 }], ['portrait', { width: 1080, height: 1920 }]] as const) {
  const ctx = await browser.newContext({ viewport: vp });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await page.goto(`${mall.server.url}/guide?token=${mall.guide}`);
  await page.locator('dc-guide-directory [data-testid=results]').waitFor({ timeout: 10000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/g-${name}-dir.png` });

  await page.locator('dc-guide-keyboard button[data-key=l]').click();
  await page.locator('dc-guide-keyboard button[data-key=u]').click();
  await page.locator('dc-guide-keyboard button[data-key=m]').click();
  await page.locator('dc-guide-keyboard button[data-key=y]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/g-${name}-search.png` });
  await page.locator('dc-guide-directory [data-merchant]').first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/g-${name}-detail.png` });

  await page.locator('nav button[data-tab=desk]').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/g-${name}-desk.png` });

  await page.locator('nav button[data-tab=promos]').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/g-${name}-promos.png` });

  await ctx.close();
}
await browser.close();
await mall.server.close();
