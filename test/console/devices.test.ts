import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import {
  ADMIN_PASSWORD,
  Client,
  startServer,
  withCast,
  type TestServer,
} from '../helpers/server.ts';

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

/** A device page opened on a fresh kiosk: its own browser profile, no token kept. */
async function freshDevicePage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${path} page error:`, e.message));
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The code as the device's screen shows it (`ABC DEF`), without the space. */
async function shownCode(page: Page): Promise<string> {
  const code = page.locator('[data-testid=pairing-code]');
  await code.waitFor({ timeout: 15_000 });
  return (await code.innerText()).replace(/\s/g, '');
}

async function pairInDialog(admin: Page, name: string, code?: string) {
  const dialog = admin.locator('dc-people-pair');
  await dialog.waitFor();
  if (code !== undefined) await dialog.locator('sl-input[name=code] input').fill(code);
  await dialog.locator('sl-input[name=name] input').fill(name);
  await dialog.locator('sl-button[type=submit]').click();
}

const row = (page: Page, table: string, key: string, value: string) =>
  page.locator(`table[data-testid=${table}] tr[data-${key}="${value}"]`);

describe('People & devices', () => {
  it('pairs a real player page by the code on its screen; the player then starts', async () => {
    const player = await freshDevicePage('/player');
    const code = await shownCode(player);
    expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{6}$/);
    // The player is not playing anything, and the server does not know it yet.
    expect(await player.locator('[data-testid=now-playing]').count()).toBe(0);

    const admin = await openConsole(browser, server.url, 'admin', ADMIN_PASSWORD);
    await navigate(admin, 'people');
    await admin.locator('sl-tab[panel=devices]').click();
    await admin.locator('dc-people-devices sl-button', { hasText: '配对设备' }).click();

    // A wrong code says so at its field, and pairs nothing.
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await pairInDialog(admin, 'PA-大厅', wrong.toLowerCase());
    await expect
      .poll(() => admin.locator('dc-people-pair .field-error').innerText())
      .toContain('没有设备显示这个配对码');

    await pairInDialog(admin, 'PA-大厅', `${code.slice(0, 3)} ${code.slice(3)}`);
    await expect
      .poll(() => toasts(admin))
      .toContainEqual(expect.stringContaining('已配对「PA-大厅」'));

    // The player page collects its token, reloads as that device and shows its status screen.
    await player.locator('[data-testid=connection]').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => player.locator('[data-testid=connection]').innerText(), { timeout: 20_000 })
      .toBe('已连接服务器');
    expect(await player.locator('dc-pairing').count()).toBe(0);
    const reloaded = await player.evaluate('localStorage.getItem("deskcast.token")');
    expect(reloaded).toBeTruthy();

    // It is on the devices list, and online on Players & screens.
    await expect
      .poll(() => row(admin, 'device-list', 'device', 'PA-大厅').innerText(), { timeout: 15_000 })
      .toContain('在线');
    await navigate(admin, 'players');
    const onPlayers = row(admin, 'devices', 'device', 'PA-大厅');
    await expect
      .poll(() => onPlayers.locator('[data-testid=online]').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await onPlayers.innerText()).toContain('广播播放器');
    expect(await overflowsSideways(admin)).toBe(false);

    // Revoked from the console, it is gone from both lists.
    await navigate(admin, 'people');
    await admin.locator('sl-tab[panel=devices]').click();
    await row(admin, 'device-list', 'device', 'PA-大厅')
      .locator('sl-button', { hasText: '撤销' })
      .click();
    await admin.locator('dc-people-devices sl-dialog sl-button[variant=danger]').click();
    await expect
      .poll(() => toasts(admin))
      .toContainEqual(expect.stringContaining('已撤销「PA-大厅」'));
    await expect.poll(() => row(admin, 'device-list', 'device', 'PA-大厅').count()).toBe(0);
    await player.context().close();
    await admin.close();
  }, 120_000);

  it("opens the pairing form from the QR code's address, the code filled in", async () => {
    const board = await freshDevicePage('/board');
    const code = await shownCode(board);
    const qr = board.locator('dc-pairing .qr img');
    await qr.waitFor();
    const target = (await qr.getAttribute('alt'))?.replace(/^QR: /, '') ?? '';
    expect(target).toBe(`${server.url}/console/people?pair=${code}`);

    // The admin's phone opens that address: sign-in first, then the form with the code.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(target);
    await phone.locator('sl-input[name=username] input').fill('admin');
    await phone.locator('sl-input[name=password] input').fill(ADMIN_PASSWORD);
    await phone.locator('dc-console-signin sl-button[type=submit]').click();
    await expect
      .poll(() => phone.locator('dc-people-pair sl-input[name=code] input').inputValue(), {
        timeout: 15_000,
      })
      .toBe(code);
    expect(new URL(phone.url()).search).toBe(''); // a reload does not pair again
    await pairInDialog(phone, '导视屏-1');
    await expect.poll(() => toasts(phone)).toContainEqual(expect.stringContaining('已配对'));

    // The board starts as a guide screen: its calling board, not the pairing code.
    await board.locator('dc-board-counters').waitFor({ timeout: 20_000 });
    expect(await board.locator('dc-pairing').count()).toBe(0);
    const device = server.ctx.auth.devices().find((d) => d.name === '导视屏-1');
    expect(device?.kind).toBe('guide');
    await board.context().close();
    await phone.close();
  }, 120_000);

  it('resets a password: that person must choose a new one at their next sign-in', async () => {
    const admin = await openConsole(browser, server.url, 'admin', ADMIN_PASSWORD);
    await navigate(admin, 'people');
    await row(admin, 'users', 'user', 'desk1')
      .locator('sl-button', { hasText: '重置密码' })
      .click();
    const reset = admin.locator('dc-people-reset');
    await reset.locator('sl-button[type=submit]').click();
    const temporary = (await reset.locator('[data-testid=secret]').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await expect.poll(() => toasts(admin)).toContainEqual(expect.stringContaining('已重置 desk1'));
    await expect
      .poll(() => row(admin, 'users', 'user', 'desk1').innerText())
      .toContain('待设新密码');
    await admin.close();

    // The old password no longer opens anything; the temporary one opens only the form.
    expect(
      (
        await new Client(server.url).post('/api/auth/login', {
          username: 'desk1',
          password: 'desk1-password',
        })
      ).status,
    ).toBe(401);
    const desk = await browser.newPage();
    await desk.goto(`${server.url}/console`);
    await desk.locator('sl-input[name=username] input').fill('desk1');
    await desk.locator('sl-input[name=password] input').fill(temporary);
    await desk.locator('dc-console-signin sl-button[type=submit]').click();
    await desk.locator('dc-console-password').waitFor();
    expect(await desk.locator('dc-console-nav').count()).toBe(0);
    expect(await desk.locator('dc-console-password p').innerText()).toContain(
      '请先设置您自己的密码',
    );
    await desk.close();
  }, 90_000);

  it('adds a person, and disables them: signed out at once and refused at sign-in', async () => {
    const admin = await openConsole(browser, server.url, 'admin', ADMIN_PASSWORD);
    await navigate(admin, 'people');
    await admin.locator('dc-people-users sl-button', { hasText: '添加人员' }).click();
    const form = admin.locator('dc-people-user-new');
    await form.locator('sl-input[name=username] input').fill('xiaowang');
    await form.locator('sl-input[name=displayName] input').fill('小王');
    await form.locator('sl-button[type=submit]').click();
    const first = (await form.locator('[data-testid=secret]').innerText()).trim();
    await form.locator('sl-button', { hasText: '完成' }).click();
    await expect.poll(() => row(admin, 'users', 'user', 'xiaowang').count()).toBe(1);
    expect(await row(admin, 'users', 'user', 'xiaowang').innerText()).toContain('小王');

    // They sign in and choose their own password.
    const person = await browser.newPage();
    await person.goto(`${server.url}/console`);
    await person.locator('sl-input[name=username] input').fill('xiaowang');
    await person.locator('sl-input[name=password] input').fill(first);
    await person.locator('dc-console-signin sl-button[type=submit]').click();
    await person.locator('sl-input[name=current] input').fill(first);
    await person.locator('sl-input[name=next] input').fill('xiaowang-own-pw');
    await person.locator('sl-input[name=again] input').fill('xiaowang-own-pw');
    await person.locator('dc-console-password sl-button[type=submit]').click();
    await person.locator('dc-console-nav').waitFor();

    await admin.reload();
    await admin.locator('dc-page-people').waitFor();
    await row(admin, 'users', 'user', 'xiaowang').locator('sl-button', { hasText: '停用' }).click();
    await expect
      .poll(() => toasts(admin))
      .toContainEqual(expect.stringContaining('已停用 xiaowang'));
    await expect
      .poll(() => row(admin, 'users', 'user', 'xiaowang').innerText())
      .toContain('已停用');

    // Their open console is signed out at once: the server ends its event stream, and the
    // page, finding the session gone, asks for a sign-in, which is refused.
    await expect
      .poll(() => person.locator('dc-console-signin sl-alert').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await person.locator('dc-console-signin sl-alert').innerText()).toContain(
      'sign in again',
    );
    await person.locator('sl-input[name=password] input').fill('xiaowang-own-pw');
    await person.locator('dc-console-signin sl-button[type=submit]').click();
    await expect
      .poll(() => person.locator('dc-console-signin div.error').innerText())
      .toContain('用户名或密码不对');
    await person.close();

    // Enabled again, they may sign in.
    await row(admin, 'users', 'user', 'xiaowang').locator('sl-button', { hasText: '启用' }).click();
    await expect
      .poll(() => toasts(admin))
      .toContainEqual(expect.stringContaining('已启用 xiaowang'));
    expect(
      (
        await new Client(server.url).post('/api/auth/login', {
          username: 'xiaowang',
          password: 'xiaowang-own-pw',
        })
      ).status,
    ).toBe(200);
    expect(await overflowsSideways(admin)).toBe(false);
    await admin.close();
  }, 120_000);

  it('is for admins only', async () => {
    const announcer = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await announcer.goto(`${server.url}/console/people`);
    await announcer.locator('[data-testid=not-allowed]').waitFor();
    expect(await announcer.locator('dc-people-users').count()).toBe(0);
    expect((await cast.announcer.get('/api/users')).status).toBe(403);
    await announcer.close();
  }, 60_000);
});
