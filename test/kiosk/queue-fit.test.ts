import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { misfit, overlaps, SCREENS, spill, type ScreenName } from '../helpers/fit.ts';
import { busyQueue, type BusyQueue } from './queue-fixture.ts';

/** Where the screenshots go (to look at the pages): QUEUE_SHOTS, or a temp folder. */
const SHOTS = process.env.QUEUE_SHOTS ?? join(tmpdir(), 'deskcast-queue-shots');
const SIZES = Object.keys(SCREENS) as ScreenName[];

let q: BusyQueue;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  q = await busyQueue();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await q?.server.close();
});

async function open(path: string, size: ScreenName): Promise<Page> {
  const context = await browser.newContext({ viewport: SCREENS[size] });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error on ${path}:`, e.message));
  await page.goto(`${q.server.url}${path}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** Nothing to scroll to, nothing cut off or outside the window, no text over other text. */
async function fits(page: Page, region: string, what: string) {
  // Layout settles after the fonts.
  await page.evaluate(
    () =>
      (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts
        .ready,
  );
  await page.waitForTimeout(300);
  expect(await misfit(page), what).toEqual({ clipped: [] });
  expect(await spill(page, region), what).toEqual([]);
  expect(await overlaps(page, region), what).toEqual([]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(SIZES)('queue pages at %s, on the busiest hour', (size) => {
  it('/take fits: every service, its queue and hours, in both languages', async () => {
    const page = await open(`/take?token=${q.guide}`, size);
    await expect.poll(() => page.locator('dc-take-services button[data-service]').count()).toBe(6);
    await shot(page, `take-${size}`);
    await fits(page, 'dc-take-app', `/take at ${size}`);
  });

  it('/board fits: six counters, five recent calls, every queue', async () => {
    const page = await open(`/board?token=${q.guide}`, size);
    await expect.poll(() => page.locator('[data-counter]').count()).toBe(6);
    await expect.poll(() => page.locator('[data-testid=recent] tr').count()).toBe(5);
    await page.locator('[data-testid=waiting] tr[data-service]').first().waitFor();
    await shot(page, `board-${size}`);
    await fits(page, 'dc-board-app', `/board at ${size}`);
  });

  it('/board fits while three calls are spoken and a rating is asked, the prompt clear of the counters', async () => {
    const page = await open(`/board?token=${q.guide}`, size);
    await expect.poll(() => page.locator('[data-counter]').count()).toBe(6);
    await page.locator('[data-testid=reconnecting]').waitFor({ state: 'detached' });
    // Three counters finish (the first asks its customer to rate) and call at once.
    for (const n of [1, 2, 3])
      await q.cast.desk.post(`/api/queue/counters/${n}/finish`, {
        category: '商场导购',
        askRating: n === 1,
      });
    await Promise.all([1, 2, 3].map((n) => q.cast.desk.post(`/api/queue/counters/${n}/call-next`)));
    await page.locator('dc-board-rating').waitFor();
    await page.locator('[data-testid=next]').waitFor();
    await page.locator('dc-board-flash[blinking]').waitFor();
    await shot(page, `board-calling-${size}`);
    await fits(page, 'dc-board-app', `/board calling at ${size}`);
    const prompt = await page.locator('dc-board-rating').boundingBox();
    const cards = await page.locator('[data-counter]').evaluateAll((els) =>
      els.map((e) => {
        const r = (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(prompt).not.toBeNull();
    expect(cards).toHaveLength(6);
    for (const card of cards)
      expect(intersects(prompt as Box, card), JSON.stringify(card)).toBe(false);
    // Answered, so the next size's board starts without it.
    await page.locator('dc-board-rating button[data-rating=satisfied]').click();
    await page.locator('dc-board-rating').waitFor({ state: 'detached', timeout: 10_000 });
  }, 60_000);

  it('/ticket fits, waiting far down the queue and when called', async () => {
    for (const [state, token] of [
      ['waiting', q.waitingToken],
      ['called', q.calledToken],
    ] as const) {
      const page = await open(`/ticket/${token}`, size);
      await page.locator(`[data-status=${state}]`).waitFor();
      await shot(page, `ticket-${state}-${size}`);
      await fits(page, 'dc-ticket-app', `/ticket ${state} at ${size}`);
    }
  });
});
