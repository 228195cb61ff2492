import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { openConsole, overflowsSideways } from '../helpers/console.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openCounter, take } from '../queue/helpers.ts';

/** 10:00 on Monday 7 December 2026 in Shanghai (the server's clock): the desk is open. */
const MONDAY_10 = '2026-12-07T10:00:00+08:00';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(MONDAY_10));
  server = await startServer();
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  vi.useRealTimers();
});

const waitingCount = (page: Page, service: string) =>
  page
    .locator(`dc-page-queue [data-service="${service}"] [data-testid=waiting-count]`)
    .textContent();
const waitingCodes = (page: Page) =>
  page
    .locator('dc-queue-waiting tr[data-code]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

describe('queue page', () => {
  it('lists the tickets as they are taken and called, without reloading', async () => {
    const page = await openConsole(
      browser,
      server.url,
      'desk1',
      'desk1-password',
      '/console/queue',
    );
    await expect
      .poll(() => page.locator('dc-queue-waiting [data-testid=waiting-empty]').textContent())
      .toContain('Nobody is waiting');
    expect(await waitingCount(page, 'enquiry')).toBe('0');

    // Taken at the ticket machine (the API), not on this page.
    await take(cast.desk, 'enquiry');
    vi.setSystemTime(new Date(Date.now() + 4 * 60_000));
    await take(cast.desk, 'enquiry', 'elderly');
    await take(cast.desk, 'complaint');
    await expect
      .poll(() => waitingCodes(page), { timeout: 15_000 })
      .toEqual(['A001', 'A002', 'B001']);
    expect(await waitingCount(page, 'enquiry')).toBe('2');
    expect(await waitingCount(page, 'complaint')).toBe('1');
    const a002 = page.locator('dc-queue-waiting tr[data-code=A002]');
    expect(await a002.textContent()).toContain('Senior');
    expect(await a002.textContent()).toContain('10:04');
    // A001 has waited four minutes by the server's clock.
    expect(await page.locator('dc-queue-waiting tr[data-code=A001]').textContent()).toContain(
      '4 min',
    );

    await openCounter(cast.desk, 1, ['enquiry']);
    const called = await cast.desk.post('/api/queue/counters/1/call-next');
    expect(called.status).toBe(200);
    const code = called.body.ticket.code as string;
    await expect.poll(() => waitingCodes(page)).not.toContain(code);
    expect(await waitingCount(page, 'enquiry')).toBe('1');
    const counter = page.locator('dc-queue-counters tr[data-counter="1"]');
    await expect.poll(() => counter.textContent()).toContain(code);
    expect(await counter.textContent()).toContain('desk1');
    expect(await counter.textContent()).toContain('Open');
    expect(await page.locator('[data-testid=day-totals]').textContent()).toContain('Taken 3');
    expect(await overflowsSideways(page)).toBe(false);
    await page.close();
  }, 90_000);
});
