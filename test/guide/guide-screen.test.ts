import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { misfit, overlaps, SCREENS, spill } from '../helpers/fit.ts';
import type { Json } from '../helpers/server.ts';
import { busyMall, type GuideMall } from './guide-fixture.ts';

/** Where the screenshots go (to look at them): GUIDE_SHOTS, or a temp folder. */
const SHOTS = process.env.GUIDE_SHOTS ?? join(tmpdir(), 'deskcast-guide-shots');

let mall: GuideMall;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  // Eight more shops on 2F with long names: the busiest directory page.
  mall = await busyMall({ crowd: 8 });
  browser = await launchChromium();
  await brandLogos();
}, 90_000);

/**
 * Logos for a dozen of the demo shops, drawn in Chromium from their brand names and uploaded
 * as PNGs the way the console does: the directory as a mall's would look.
 */
async function brandLogos() {
  const page = await browser.newPage({ viewport: { width: 240, height: 240 } });
  const shops = ((await mall.cast.desk.get('/api/merchants')).body.merchants as Json[]).filter(
    (m) => m.nameLatin && ['1F', '2F', '4F'].includes(m.floor as string),
  );
  const colours = ['#0f4c81', '#7a1f2b', '#1e6f5c', '#4a3b8f', '#b35c1e', '#222831'];
  for (const [i, m] of shops.slice(0, 14).entries()) {
    const word = String(m.nameLatin).split(' ')[0] ?? '';
    await page.setContent(
      `<div style="width:240px;height:240px;display:flex;flex-direction:column;align-items:center;justify-content:center;background:${colours[i % colours.length]};color:#fff;font:800 ${Math.min(46, Math.floor(290 / word.length))}px 'DejaVu Sans',sans-serif;letter-spacing:2px">${word}<div style="font:500 18px 'Noto Sans CJK SC',sans-serif;margin-top:10px;opacity:.85">${m.name}</div></div>`,
    );
    const png = await page.screenshot({ type: 'png' });
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'logo.png');
    const r = await mall.cast.announcer.post(`/api/merchants/${m.id}/logo`, form);
    if (r.status !== 201) throw new Error(`logo: ${r.text}`);
  }
  await page.close();
}

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await mall?.server.close();
});

/** /guide as the paired screen, at a screen's size; `prepare` runs before the page loads. */
async function openGuide(size: keyof typeof SCREENS, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: SCREENS[size] });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error on /guide:', e.message));
  // Headless Chromium's print() holds the page "being printed"; count the calls instead.
  await page.addInitScript(() => {
    const g = globalThis as unknown as { print(): void; __printed?: number };
    g.print = () => {
      g.__printed = (g.__printed ?? 0) + 1;
    };
  });
  await prepare?.(page);
  await page.goto(`${mall.server.url}/guide?token=${mall.guide}`);
  await page.locator('dc-guide-directory [data-testid=results]').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** Nothing to scroll to, nothing cut off or outside the window. */
async function fits(page: Page, what: string) {
  // Layout settles after fonts and the map's labels.
  await page.waitForTimeout(300);
  expect(await misfit(page), what).toEqual({ clipped: [] });
  // Nothing of the open view under the tab bar or the header.
  const view =
    (await page.locator('dc-guide-app main > :not([hidden])').getAttribute('data-view')) ?? '';
  expect(await spill(page, `main > [data-view=${view}]`), what).toEqual([]);
  // And no text drawn over other text: in the attract loop when it shows, else the open view.
  const attract = (await page.locator('[data-testid=attract]').count()) > 0;
  expect(
    await overlaps(page, attract ? 'dc-guide-attract' : `main > [data-view=${view}]`),
    what,
  ).toEqual([]);
}

/** The unit lit up on the open shop's map, and whether "you are here" is drawn on it. */
async function litUnit(page: Page) {
  const map = page.locator('dc-guide-directory [data-testid=detail-map]');
  await map.locator('.unit.hit').waitFor();
  return {
    unit: await map.locator('.unit.hit').getAttribute('id'),
    name: (await map.locator('[data-testid=hit-name]').allTextContents()).join(''),
    here: await map.locator('[data-testid=you-are-here]').count(),
  };
}

const tap = async (page: Page, letters: string) => {
  for (const k of letters) await page.locator(`dc-guide-keyboard button[data-key="${k}"]`).click();
};
/** What a person reads in an element: its text with the layout's line breaks as spaces. */
const read = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const firstResult = (page: Page) =>
  page.locator('dc-guide-directory [data-testid=results] [data-merchant]').first();

describe.each(['landscape', 'portrait'] as const)('/guide at %s', (size) => {
  it('finds a shop by its name in hanzi and lights up its unit beside "you are here"', async () => {
    const page = await openGuide(size);
    await page.locator('dc-guide-directory [data-testid=search]').fill('瓷韵');
    await expect.poll(() => firstResult(page).textContent()).toContain('瓷韵瓷砖');
    await firstResult(page).click();
    expect(await read(page, 'dc-guide-directory [data-testid=where]')).toBe('1F 一层 · C103');
    // Same floor as this screen (1F entrance): the shop and "you are here" on one map.
    expect(await litUnit(page)).toEqual({ unit: 'unit-C103', name: '瓷韵瓷砖', here: 1 });
    await fits(page, 'a shop on this floor');
    await shot(page, `${size}-found-hanzi`);
  });

  it('finds a shop by its pinyin initials typed on the on-screen keyboard', async () => {
    const page = await openGuide(size);
    await tap(page, 'lmds');
    await expect
      .poll(() => page.locator('dc-guide-directory [data-testid=search]').inputValue())
      .toBe('lmds');
    await expect.poll(() => firstResult(page).textContent()).toContain('鹿米灯饰');
    await firstResult(page).click();
    // Another floor: lit up on 4F's map, and the way from here said above it.
    expect(await litUnit(page)).toEqual({ unit: 'unit-D402', name: '鹿米灯饰', here: 0 });
    expect(await read(page, 'dc-guide-directory [data-testid=route]')).toBe(
      '您在这里: 1F 一层正门 → 乘电梯或扶梯前往 4F 四层',
    );
    await fits(page, 'a shop on another floor');
    await shot(page, `${size}-found-initials`);
  });

  it('finds a shop by its Latin brand spelt wrong', async () => {
    const page = await openGuide(size);
    await tap(page, 'photn');
    await expect.poll(() => firstResult(page).textContent()).toContain('光合照明');
    await firstResult(page).click();
    expect(await litUnit(page)).toEqual({ unit: 'unit-D401', name: '光合照明', here: 0 });
    // In English the card and the way there are English.
    await page.locator('[data-testid=lang]').click();
    expect(await read(page, 'dc-guide-directory [data-testid=where]')).toBe('4F Level 4 · D401');
    expect(await read(page, 'dc-guide-directory [data-testid=route]')).toBe(
      'You are here: 1F Main entrance, L1 → Take the lift to 4F Level 4',
    );
    await fits(page, 'a shop card in English');
    await shot(page, `${size}-found-typo-en`);
  });

  it('fits the busiest directory page, the offers and the desk, in both languages', async () => {
    const page = await openGuide(size);
    // 2F: its twelve shops and eight more with long names, with the floor's map.
    await page.locator('dc-guide-directory button[data-floor="2F"]').click();
    await expect
      .poll(() => page.locator('dc-guide-directory [data-testid=count]').textContent())
      .toContain('20');
    for (const lang of ['zh', 'en']) {
      await fits(page, `2F directory (${lang})`);
      await shot(page, `${size}-directory-${lang}`);
      await page.locator('dc-guide-directory [data-testid=next]').click();
      await fits(page, `2F directory, next page (${lang})`);
      await page.locator('dc-guide-directory button[data-mode=category]').click();
      await fits(page, `all shops by category (${lang})`);
      await page.locator('nav button[data-tab=promos]').click();
      await page.locator('dc-guide-promos [data-testid=slide]').waitFor();
      await fits(page, `offers (${lang})`);
      await shot(page, `${size}-offers-${lang}`);
      await page.locator('nav button[data-tab=directory]').click();
      await page.locator('dc-guide-directory button[data-mode=floor]').click();
      await page.locator('[data-testid=lang]').click();
    }
  });
});

describe('/guide service desk', () => {
  it('takes a ticket on the guide screen, and shows it called on its board', async () => {
    const page = await openGuide('landscape');
    await page.locator('nav button[data-tab=desk]').click();
    const take = page.locator('dc-guide-desk li[data-desk-service=enquiry] button[data-take]');
    await expect.poll(() => take.isEnabled()).toBe(true);
    await take.click();
    const code = (
      (await page.locator('dc-take-ticket [data-testid=ticket-code]').textContent()) ?? ''
    ).trim();
    expect(code).toMatch(/^A\d{3}$/);
    // Printed once, as soon as the ticket and its QR code were on the page.
    await expect
      .poll(() => page.evaluate(() => (globalThis as { __printed?: number }).__printed))
      .toBe(1);
    await shot(page, 'landscape-desk-ticket');
    await page.locator('dc-guide-desk [data-testid=ticket-done]').click();

    // A clerk calls it at counter 1.
    expect(
      (await mall.cast.desk.post('/api/queue/counters/1/open', { services: ['enquiry'] })).status,
    ).toBe(200);
    const called = await mall.cast.desk.post('/api/queue/counters/1/call-next');
    expect(called.body.ticket.code).toBe(code);
    const board = page.locator('dc-guide-board');
    await board.locator('[data-testid=flash-code]', { hasText: code }).waitFor();
    expect(await board.locator('dc-board-flash').getAttribute('blinking')).not.toBeNull();
    await expect
      .poll(() => board.locator('[data-counter="1"] .current').textContent())
      .toContain(code);
    expect(await board.locator('[data-testid=guide-recent] tr').first().textContent()).toContain(
      code,
    );
  }, 60_000);

  it('fits with six counters open and five recent calls, at both sizes and in both languages', async () => {
    for (let n = 1; n <= 6; n++) {
      await mall.cast.desk.post(`/api/queue/counters/${n}/open`, { services: ['complaint'] });
      await mall.cast.desk.post('/api/queue/tickets', { service: 'complaint' });
      await mall.cast.desk.post(`/api/queue/counters/${n}/call-next`);
    }
    for (const size of ['landscape', 'portrait'] as const) {
      const page = await openGuide(size);
      await page.locator('nav button[data-tab=desk]').click();
      await expect
        .poll(() => page.locator('dc-guide-board [data-testid=guide-recent] tr').count())
        .toBe(5);
      await expect.poll(() => page.locator('dc-guide-board [data-counter]').count()).toBe(6);
      await fits(page, `service desk, ${size} (zh)`);
      await shot(page, `${size}-desk`);
      await page.locator('[data-testid=lang]').click();
      await fits(page, `service desk, ${size} (en)`);
    }
  }, 60_000);
});

describe('/guide when nobody touches it', () => {
  it('goes back to the attract loop after 60 s without a touch, and a touch ends it', async () => {
    const page = await openGuide('landscape', (p) => p.clock.install());
    await tap(page, 'lant');
    await page.locator('nav button[data-tab=promos]').click();
    const attract = page.locator('[data-testid=attract]');
    await page.clock.fastForward(59_000);
    expect(await attract.count()).toBe(0);
    // A touch starts the minute again.
    await page.locator('nav button[data-tab=directory]').click();
    await page.clock.fastForward(59_000);
    expect(await attract.count()).toBe(0);
    await page.clock.fastForward(2_000);
    await attract.waitFor();
    expect(await attract.locator('[data-testid=touch-to-start]').textContent()).toContain(
      '触摸屏幕开始',
    );
    await fits(page, 'attract loop');
    await shot(page, 'landscape-attract');
    await page.mouse.click(500, 500);
    await attract.waitFor({ state: 'detached' });
    // Back at the start for the next shopper: no query left, the directory shown.
    expect(await page.locator('dc-guide-directory [data-testid=search]').inputValue()).toBe('');
    expect(await page.locator('nav button[data-tab=directory]').getAttribute('aria-current')).toBe(
      'page',
    );
  }, 60_000);

  it('shows the attract loop in portrait too, fitting the screen', async () => {
    const page = await openGuide('portrait', (p) => p.clock.install());
    await page.clock.fastForward(61_000);
    await page.locator('[data-testid=attract]').waitFor();
    await fits(page, 'attract loop, portrait');
    await shot(page, 'portrait-attract');
  }, 60_000);
});

describe('/guide without the server', () => {
  it('keeps showing the last data and logos after a reload, with a quiet offline mark', async () => {
    const page = await openGuide('landscape');
    const logo = page.locator('dc-guide-directory [data-testid=results] img.logo').first();
    await logo.waitFor();
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await page.locator('[data-testid=offline]').count()).toBe(0);
    // The service worker holds the page, the page holds its data and logos.
    await page.evaluate(async () => {
      const g = globalThis as unknown as {
        navigator: { serviceWorker: { ready: Promise<unknown>; controller: unknown } };
        caches: { open(n: string): Promise<{ match(u: string): Promise<unknown> }> };
      };
      await g.navigator.serviceWorker.ready;
      for (
        let i = 0;
        i < 100 && !(await (await g.caches.open('deskcast-guide-v1')).match('/api/guide'));
        i++
      )
        await new Promise((r) => setTimeout(r, 100));
    });
    await page.reload();
    await page.locator('dc-guide-directory [data-testid=results]').waitFor();
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('dc-guide-directory [data-testid=results] img.logo').first().waitFor();
    await page.locator('[data-testid=offline]').waitFor();
    expect(await read(page, '[data-testid=offline]')).toBe('离线 · 显示最近的信息');
    // Search still works on what was kept.
    await tap(page, 'ltsf');
    await expect.poll(() => firstResult(page).textContent()).toContain('兰亭沙发');
    await fits(page, 'offline');
    await shot(page, 'landscape-offline');
    await page.context().setOffline(false);
    await page.locator('[data-testid=offline]').waitFor({ state: 'detached', timeout: 30_000 });
  }, 90_000);
});
