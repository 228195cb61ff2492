import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, {
    now: steppableClock(new Date('2026-12-07T09:12:00+08:00')).now,
  });
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

    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/counter`);
    await page.locator('#u').fill('desk1');
    await page.locator('#p').fill('desk1-password');
    await page.getByRole('button', { name: /登录/ }).click();
    await page.locator('dc-counter-open button[data-counter="3"]').click();

    const asked = page.locator('[data-testid=counter-in-use]');
    await asked.waitFor();
    expect(await asked.innerText()).toContain('3号窗口 正由 desk2 使用（09:12 起），接管？');
    // Not at work on it yet, and still desk2's.
    expect(await page.locator('button[data-action=call-next]').count()).toBe(0);
    expect(await page.locator('[data-testid=open-counter]').count()).toBe(0);
    expect(await counter3()).toMatchObject({ openedBy: 'desk2' });

    await page.locator('[data-testid=takeover-counter]').click();
    await page.locator('button[data-action=call-next]').waitFor();
    expect(await counter3()).toMatchObject({ openedBy: 'desk1', status: 'open' });
    await context.close();
  }, 60_000);
});
