import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let cast: Awaited<ReturnType<typeof withCast>>;
const clock = steppableClock(new Date('2026-12-07T09:12:00+08:00'));

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const counter3 = async () =>
  ((await cast.admin.get('/api/queue/counters')).body.counters as Record<string, unknown>[]).find(
    (c) => c.number === 3,
  );

/** Where the screenshots go (to look at the page): QUEUE_SHOTS, or a temp folder. */
const SHOTS = process.env.QUEUE_SHOTS ?? join(tmpdir(), 'deskcast-queue-shots');
/** The page as a desk PC shows it: the small screen it is tested on, and a 1366×768 one. */
async function shots(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-800x600.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(SHOTS, `${name}-1366x768.png`) });
  await page.setViewportSize({ width: 800, height: 600 });
}

/** The counter page signed in as desk1 on a desk PC's small screen. */
async function deskPage() {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/counter`);
  await page.locator('#u').fill('desk1');
  await page.locator('#p').fill('desk1-password');
  await page.getByRole('button', { name: /登录/ }).click();
  return { context, page };
}

describe('counter page /counter', () => {
  it('asks before taking over a counter another desk PC has open', async () => {
    // desk2 opened counter 3 on its PC at 09:12.
    const u = await cast.admin.post('/api/users', {
      username: 'desk2',
      password: 'desk2-password',
      role: 'desk',
    });
    server.ctx.auth.updateUser(u.body.user.id as number, { mustChangePassword: false });
    const desk2 = await new Client(server.url).login('desk2', 'desk2-password');
    expect((await desk2.post('/api/queue/counters/3/open', {})).status).toBe(200);

    const { context, page } = await deskPage();
    await page.locator('dc-counter-open button[data-counter="3"]').click();

    const asked = page.locator('[data-testid=counter-in-use]');
    await asked.waitFor();
    expect(await asked.innerText()).toContain('3号窗口 正由 desk2 使用（09:12 起），接管？');
    await shots(page, 'counter-takeover');
    // Not at work on it yet, and still desk2's.
    expect(await page.locator('button[data-action=call-next]').count()).toBe(0);
    expect(await page.locator('[data-testid=open-counter]').count()).toBe(0);
    expect(await counter3()).toMatchObject({ openedBy: 'desk2' });

    await page.locator('[data-testid=takeover-counter]').click();
    await page.locator('button[data-action=call-next]').waitFor();
    expect(await counter3()).toMatchObject({ openedBy: 'desk1', status: 'open' });
    await context.close();
  }, 60_000);

  it('transfers only to the service staff chose, none chosen beforehand', async () => {
    clock.set(new Date('2026-12-07T10:00:00+08:00'));
    const { context, page } = await deskPage();
    await page.locator('dc-counter-open button[data-counter="1"]').click();
    await page.locator('[data-testid=open-counter]').click();
    const taken = await cast.desk.post('/api/queue/tickets', { service: 'enquiry' });
    expect(taken.status).toBe(201);
    await page.locator('button[data-action=call-next]').click();
    await expect.poll(() => page.locator('[data-testid=current-code]').textContent()).toBe('A001');
    const transfer = page.locator('button[data-action=transfer]');
    // Nothing picked for staff: the button waits for a choice.
    expect(await page.locator('select#to').inputValue()).toBe('');
    expect(await transfer.isDisabled()).toBe(true);
    await page.locator('select#to').selectOption('return');
    await expect.poll(() => transfer.isDisabled()).toBe(false);
    await shots(page, 'counter-transfer');
    await transfer.click();
    await expect
      .poll(
        async () =>
          (await cast.admin.get(`/api/queue/tickets/${taken.body.ticket.id}`)).body.ticket,
      )
      .toMatchObject({ service: 'return', status: 'waiting', callCount: 0 });
    await context.close();
  }, 60_000);
});
