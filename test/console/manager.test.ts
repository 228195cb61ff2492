import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole } from '../helpers/console.ts';
import { ADMIN_PASSWORD, startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  await withCast(server);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const navLinks = (page: Page) =>
  page.locator('dc-console-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('data-page')));

describe('the department manager in the console', () => {
  it('is a role an admin can give, and sees the desk’s pages', async () => {
    const admin = await openConsole(browser, server.url, 'admin', ADMIN_PASSWORD);
    await navigate(admin, 'people');
    await admin.locator('dc-people-users sl-button', { hasText: '添加人员' }).click();
    const form = admin.locator('dc-people-user-new');
    await form.locator('sl-input[name=username] input').fill('liujingli');
    await form.locator('sl-select[name=role]').click();
    await form.locator('sl-option[value=manager]').click();
    await form.locator('sl-button[type=submit]').click();
    await form.locator('[data-testid=secret]').waitFor();
    const created = server.ctx.auth.users().find((u) => u.username === 'liujingli');
    expect(created?.role).toBe('manager');
    await admin.close();

    const manager = await openConsole(browser, server.url, 'manager1', 'manager1-password');
    expect(await navLinks(manager)).toEqual([
      'announcements',
      'queue',
      'complaints',
      'returns',
      'compensations',
      'merchant-fees',
      'prizes',
    ]);
    expect(await manager.locator('sl-menu-label').first().textContent()).toContain('部门经理');
    await manager.close();
  }, 90_000);
});
