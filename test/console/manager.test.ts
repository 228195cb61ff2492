import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole } from '../helpers/console.ts';
import { ADMIN_PASSWORD, startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let cast: Awaited<ReturnType<typeof withCast>>;
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
      'callbacks',
      'returns',
      'compensations',
      'merchant-fees',
      'prizes',
      'reports',
    ]);
    expect(await manager.locator('sl-menu-label').first().textContent()).toContain('部门经理');
    await manager.close();
  }, 90_000);

  it('sees the complaints escalated to them on the complaints page; the desk does not', async () => {
    const made = await cast.desk.post('/api/complaints', {
      source: 'desk',
      customerName: '赵先生',
      customerPhone: '139 0000 1111',
      category: '送货安装',
      what: '衣柜安装后门板不齐，商户两次上门未解决。',
      wants: '更换门板',
    });
    const id = made.body.complaint.id as number;
    await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'escalate',
      note: '商户拒绝再次上门，请经理协调。',
    });

    const manager = await openConsole(browser, server.url, 'manager1', 'manager1-password');
    await navigate(manager, 'complaints');
    const escalated = manager.locator('[data-testid=escalated]');
    await expect.poll(() => escalated.locator(`tr[data-complaint="${id}"]`).count()).toBe(1);
    expect(await escalated.locator(`tr[data-complaint="${id}"]`).innerText()).toContain('赵先生');
    await manager.close();

    const desk = await openConsole(browser, server.url, 'desk1', 'desk1-password');
    await navigate(desk, 'complaints');
    await desk.locator('dc-complaint-register tr[data-complaint]').first().waitFor();
    expect(await desk.locator('[data-testid=escalated]').count()).toBe(0);
    await desk.close();
  }, 90_000);
});
