import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { openConsole, overflowsSideways } from '../helpers/console.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const navLinks = (page: Page) =>
  page.locator('dc-console-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('data-page')));

describe('console shell', () => {
  it('shows each role only its pages, and says so when a page is not theirs', async () => {
    const desk = await openConsole(browser, server.url, 'desk1', 'desk1-password');
    expect(await navLinks(desk)).toEqual([
      'announcements',
      'queue',
      'complaints',
      'callbacks',
      'returns',
      'compensations',
      'merchant-fees',
      'prizes',
      'reports',
    ]);
    // /console opens the first page the role may use.
    await desk.waitForURL('**/console/announcements');
    await desk.goto(`${server.url}/console/today`);
    await expect
      .poll(() => desk.locator('[data-testid=not-allowed]').textContent())
      .toContain('Your role may not use Today');
    expect(await desk.locator('dc-page-today').count()).toBe(0);
    // The API refuses it all the same.
    expect((await cast.desk.get('/api/playback-state')).status).toBe(403);
    await desk.close();

    const announcer = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    expect(await navLinks(announcer)).toEqual([
      'today',
      'program',
      'calendar',
      'players',
      'announcements',
      'weather',
      'merchants',
      'promos',
      'media',
      'plays',
    ]);
    await announcer.close();

    const admin = await openConsole(browser, server.url, 'admin', 'admin-test-password');
    expect(await navLinks(admin)).toContain('people');
    expect(await navLinks(admin)).toContain('queue');
    expect(await overflowsSideways(admin)).toBe(false);
    await admin.close();
  }, 60_000);

  it('makes a new user choose their own password before anything else', async () => {
    await cast.admin.post('/api/users', {
      username: 'newdesk',
      password: 'given-password-1',
      role: 'desk',
    });
    const p = await browser.newPage();
    await p.goto(`${server.url}/console`);
    await p.locator('sl-input[name=username] input').fill('newdesk');
    await p.locator('sl-input[name=password] input').fill('given-password-1');
    await p.locator('dc-console-signin sl-button[type=submit]').click();
    // The shell does not open: the password form does.
    await p.locator('dc-console-password').waitFor();
    expect(await p.locator('dc-console-nav').count()).toBe(0);
    await p.locator('sl-input[name=current] input').fill('given-password-1');
    await p.locator('sl-input[name=next] input').fill('my-own-password');
    await p.locator('sl-input[name=again] input').fill('my-own-password');
    await p.locator('dc-console-password sl-button[type=submit]').click();
    await p.locator('dc-console-nav').waitFor();
    await expect
      .poll(() => p.locator('sl-alert[data-testid=toast]').allInnerTexts())
      .toContainEqual(expect.stringContaining('密码已更改'));
    await p.close();
  }, 60_000);

  it('brings the sign-in back when the session ends, and a banner when the server is gone', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    // An admin ends the announcer's sessions: the open page finds out by itself.
    const me = (await cast.admin.get('/api/users')).body.users.find(
      (u: { username: string }) => u.username === 'announcer1',
    );
    await cast.admin.delete(`/api/users/${me.id}/sessions`);
    await expect
      .poll(() => page.locator('dc-console-signin sl-alert').textContent(), { timeout: 15_000 })
      .toContain('sign in again');
    expect(await page.locator('sl-input[name=username] input').inputValue()).toBe('announcer1');
    await page.locator('sl-input[name=password] input').fill('announcer1-password');
    await page.locator('dc-console-signin sl-button[type=submit]').click();
    await page.locator('dc-console-nav').waitFor();

    // The network goes: the page says so instead of failing silently, and recovers by itself.
    await page.context().setOffline(true);
    await expect
      .poll(() => page.locator('[data-testid=offline]').count(), { timeout: 20_000 })
      .toBe(1);
    await page.context().setOffline(false);
    await expect
      .poll(() => page.locator('[data-testid=offline]').count(), { timeout: 20_000 })
      .toBe(0);
    await page.close();
  }, 90_000);

  it('warns every role of a silent player, linking only those who may act on it', async () => {
    await cast.device.post('/api/playback-state', { state: 'blocked', audioBlocked: true });
    const alertOf = (page: Page) =>
      page.locator('[data-testid=device-alert]').filter({ hasText: 'player-1' });

    const desk = await openConsole(browser, server.url, 'desk1', 'desk1-password');
    await alertOf(desk).waitFor();
    // The desk may not open the players page: told, not sent to a refusal.
    expect(await alertOf(desk).locator('a').count()).toBe(0);
    await desk.close();

    const announcer = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await alertOf(announcer).locator('a[href="/console/players"]').click();
    await announcer.locator('dc-page-players').waitFor();
    await announcer.close();
  }, 60_000);

  it('keeps the navigation in view down a long page, all of it within reach at 1366×768', async () => {
    const admin = await openConsole(browser, server.url, 'admin', 'admin-test-password');
    await admin.goto(`${server.url}/console/media`);
    await admin.locator('dc-page-media').waitFor();
    // The test tsconfig has no DOM types: the page's globals, as far as this reads them.
    type Win = {
      document: { documentElement: { scrollHeight: number } };
      scrollTo(x: number, y: number): void;
    };
    await expect
      .poll(() =>
        admin.evaluate(() => (globalThis as unknown as Win).document.documentElement.scrollHeight),
      )
      .toBeGreaterThan(768 * 1.5);
    await admin.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 100_000));
    const links = admin.locator('dc-console-nav a');
    const inView = async (i: number) => {
      const box = await links.nth(i).boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= 768;
    };
    expect(await inView(0), 'the first entry, with the page scrolled to its end').toBe(true);
    await links.last().scrollIntoViewIfNeeded();
    expect(await inView((await links.count()) - 1), 'the last entry').toBe(true);
    await admin.close();
  });
});
