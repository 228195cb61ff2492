import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { misfit, overlaps, SCREENS, spill, type ScreenName } from '../helpers/fit.ts';
import { steppableClock } from '../helpers/clock.ts';
import { edit } from '../helpers/schedules-copy.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';
import { busyQueue, queueSchedules, type BusyQueue } from './queue-fixture.ts';

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

async function open(path: string, size: ScreenName, base = q.server.url): Promise<Page> {
  const context = await browser.newContext({ viewport: SCREENS[size] });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error on ${path}:`, e.message));
  await page.goto(`${base}${path}`);
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
  // Every customer screen carries the mall's name, and it is part of what must fit.
  await expect
    .poll(() => page.locator('[data-testid=mall-name]').first().innerText(), { message: what })
    .toMatch(/红星国际家居\s*Red Star International Home/);
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

  it('/take fits with the ticket just taken on screen', async () => {
    const page = await open(`/take?token=${q.guide}`, size);
    // Headless Chromium's print() holds the page "being printed": not needed to see the ticket.
    await page.addInitScript(() => {
      (globalThis as unknown as { print(): void }).print = () => undefined;
    });
    await page.reload();
    await page.locator('dc-take-services button[data-service=complaint]').click();
    await page.locator('[data-testid=ticket-code]').waitFor();
    await page.locator('dc-take-ticket img.qr').waitFor();
    await shot(page, `take-ticket-${size}`);
    await fits(page, 'dc-take-app', `/take ticket at ${size}`);
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

describe('queue pages after hours', () => {
  let closed: TestServer;
  let token: string;
  beforeAll(async () => {
    // Noon at the mall on a Monday: every service took numbers 09:00–10:00, and enquiries
    // take them again at 14:00.
    const dir = await queueSchedules({ from: '09:00', until: '10:00' });
    await edit(
      dir,
      'queue.yaml',
      "hours: { from: '09:00', until: '10:00' }",
      "hours: { from: '14:00', until: '15:00' }",
    );
    const clock = steppableClock(new Date('2026-12-07T12:00:00+08:00'));
    closed = await startServer({ SCHEDULES_DIR: dir }, undefined, { now: clock.now });
    const cast = await withCast(closed);
    token = (await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' })).body
      .token as string;
  }, 60_000);
  afterAll(() => closed?.close());

  it('/take and /board say the same, and /take says when numbers start again', async () => {
    const take = await open(`/take?token=${token}`, 'landscape', closed.url);
    const all = take.locator('[data-testid=after-hours]');
    await all.waitFor();
    expect(await read(take, '[data-testid=after-hours]')).toBe(
      '暂停取号 · 今天 14:00 起取号 Not taking numbers now · Numbers from 14:00 today',
    );
    // Each service says when it opens again: enquiries this afternoon, the rest tomorrow.
    const reopen = (id: string) => read(take, `button[data-service=${id}] [data-testid=reopen]`);
    expect(await reopen('enquiry')).toBe('今天 14:00 起取号 Numbers from 14:00 today');
    expect(await reopen('complaint')).toBe('明天 09:00 起取号 Numbers from 09:00 tomorrow');
    expect(await read(take, 'button[data-service=complaint] [data-testid=closed]')).toContain(
      '暂停取号',
    );
    await shot(take, 'take-after-hours');
    await fits(take, 'dc-take-app', '/take after hours');

    const board = await open(`/board?token=${token}`, 'landscape', closed.url);
    const row = board.locator('[data-testid=waiting] tr[data-service=complaint] td.num.muted');
    await row.waitFor();
    expect(((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(
      '暂停取号 Not taking numbers now',
    );
    await shot(board, 'board-after-hours');
  });
});

/** What a person reads in an element: its text with the layout's line breaks as spaces. */
async function read(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
