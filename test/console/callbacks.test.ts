import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

/** An instant on the mall's clock (Asia/Shanghai, UTC+8); the tests run in another zone. */
const mall = (local: string) => new Date(`${local}:00+08:00`);
const clock = steppableClock(mall('2026-11-02T10:00'));
const SHOTS = '/tmp/shots-cbui';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  const cast = await withCast(server);
  const desk = (await cast.admin.get('/api/users')).body.users.find(
    (u: Json) => u.username === 'desk1',
  );
  // The script says who is calling: 我是李丽.
  server.ctx.auth.updateUser(desk.id as number, { displayName: '李丽' });
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in as the desk and opens the callbacks page, at the server's clock as it is now. */
const open = (viewport: { width: number; height: number } = SIZES[0]) =>
  openConsole(browser, server.url, 'desk1', 'desk1-password', '/console/callbacks', viewport);

const tab = async (page: Page, name: 'due' | 'sales' | 'completion') => {
  await page.locator(`dc-page-callbacks sl-tab[data-tab=${name}]`).click();
};
const field = (page: Page, name: string) =>
  page.locator(`dc-sale-dialog sl-input[name=${name}] input`);
const completion = (page: Page, period: string, col: 'due' | 'done' | 'rate') =>
  page
    .locator(`dc-callbacks-completion tr[data-period="${period}"] td[data-col=${col}]`)
    .textContent()
    .then((t) => t?.trim());
const dueIn = (page: Page, section: 'overdue' | 'today' | 'upcoming') =>
  page
    .locator(`dc-callbacks-due section[data-section=${section}] li`)
    .allInnerTexts()
    .then((l) => l.join('\n'));

async function shoot(page: Page, name: string): Promise<void> {
  // The toasts said their piece; the picture is of the page beneath.
  await page.locator('sl-alert[data-testid=toast]').evaluateAll((els) => {
    for (const e of els) e.remove();
  });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // The chart follows its box on the next frame.
    await page.waitForTimeout(300);
    expect(await overflowsSideways(page), `${name} at ${size.width}`).toBe(false);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

describe('callbacks page', () => {
  it('files a sale, shows its callback due 30 days later, and records the call', async () => {
    let page = await open();
    await tab(page, 'sales');
    await page.locator('dc-callbacks-sales [data-testid=no-sales]').waitFor();
    await page.locator('dc-callbacks-sales [data-testid=new-sale]').click();
    await field(page, 'customerName').fill('王女士');
    await field(page, 'customerPhone').fill('138 0013 8000 转');
    await page.locator('dc-sale-dialog sl-select[name=merchant]').click();
    await page.locator('dc-sale-dialog sl-option', { hasText: '兰亭沙发' }).click();
    await field(page, 'product').fill('三人位布艺沙发');
    await field(page, 'orderNo').fill('HX-20261102-01');
    // The sale date is today on the server's clock unless changed.
    expect(await field(page, 'soldOn').inputValue()).toBe('2026-11-02');
    await page.locator('dc-sale-dialog [data-testid=save-sale]').click();
    // The server's refusal shows at the field it names, and nothing is filed.
    await expect
      .poll(() => page.locator('dc-sale-dialog .error[data-field=customerPhone]').textContent())
      .toContain('digits');
    await shoot(page, 'sale-error');
    await field(page, 'customerPhone').fill('138 0013 8000');
    await page.locator('dc-sale-dialog [data-testid=save-sale]').click();
    await expect
      .poll(() => page.locator('dc-sale-dialog [data-testid=made-callbacks]').textContent())
      .toContain('2026-12-02');
    await shoot(page, 'sale-saved');
    await page.locator('dc-sale-dialog sl-button[variant=primary]').click();
    await expect
      .poll(() => page.locator('dc-callbacks-sales tr[data-order="HX-20261102-01"]').textContent())
      .toContain('138****8000');
    await shoot(page, 'sales');
    await page.close();

    // Thirty days on: a new day, a new sign-in.
    clock.set(mall('2026-12-02T09:30'));
    page = await open();
    await expect.poll(() => dueIn(page, 'today'), { timeout: 15_000 }).toContain('王女士');
    expect(await dueIn(page, 'overdue')).not.toContain('王女士');
    await tab(page, 'completion');
    await expect.poll(() => completion(page, '2026-12', 'due')).toBe('1');
    expect(await completion(page, '2026-12', 'done')).toBe('0');
    expect(await completion(page, '2026-12', 'rate')).toBe('0%');
    await shoot(page, 'completion-before');

    await tab(page, 'due');
    await page.locator('dc-callbacks-due section[data-section=today] li button').first().click();
    const panel = page.locator('dc-callback-call [data-testid=call-panel]');
    // The desk's own view: the whole number, and the script with the customer's name in it.
    await expect
      .poll(() => panel.locator('[data-testid=call-phone]').textContent())
      .toContain('138 0013 8000');
    expect(await panel.locator('[data-testid=script]').textContent()).toContain(
      '我是李丽，请问您是王女士吗',
    );
    expect(await panel.locator('[data-testid=call-source]').textContent()).toContain(
      'HX-20261102-01',
    );
    await shoot(page, 'call');

    await panel.locator('sl-textarea[name=note] textarea').fill('很满意，送货及时');
    await panel.locator('sl-button[data-outcome=satisfied]').click();
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('已记录回访'));
    await expect.poll(() => dueIn(page, 'today')).not.toContain('王女士');
    await tab(page, 'completion');
    await expect.poll(() => completion(page, '2026-12', 'done')).toBe('1');
    expect(await completion(page, '2026-12', 'rate')).toBe('100%');
    await shoot(page, 'completion-after');
    await page.close();
  }, 120_000);

  it('keeps an unreachable call on the list with one more try', async () => {
    clock.set(mall('2026-12-03T10:00'));
    const page = await open();
    await tab(page, 'sales');
    await page.locator('dc-callbacks-sales [data-testid=new-sale]').click();
    await field(page, 'customerName').fill('李先生');
    await field(page, 'customerPhone').fill('139 0000 1111');
    await page.locator('dc-sale-dialog sl-select[name=merchant]').click();
    await page.locator('dc-sale-dialog sl-option', { hasText: '其他' }).click();
    await page.locator('dc-sale-dialog sl-input[name=merchantName] input').fill('米兰之家');
    await field(page, 'product').fill('餐桌');
    await field(page, 'orderNo').fill('HX-20261203-07');
    await field(page, 'soldOn').fill('2026-11-01');
    await page.locator('dc-sale-dialog [data-testid=save-sale]').click();
    await page.locator('dc-sale-dialog [data-testid=made-callbacks]').waitFor();
    await page.locator('dc-sale-dialog sl-button[variant=primary]').click();
    await tab(page, 'due');
    // Due on 1 December: two days late, in red with its days.
    await expect.poll(() => dueIn(page, 'overdue')).toContain('逾期 2 天');
    await page.locator('dc-callbacks-due section[data-section=overdue] li button').first().click();
    const panel = page.locator('dc-callback-call [data-testid=call-panel]');
    await panel.locator('sl-button[data-outcome=unreachable]').click();
    await expect
      .poll(() => panel.locator('[data-testid=call-tries]').textContent())
      .toContain('1 次');
    await expect.poll(() => dueIn(page, 'overdue')).toContain('已拨 1 次');
    await shoot(page, 'unreachable');
    await page.close();
  }, 90_000);
});

describe('customer visits on the completion tab', () => {
  it('plans a visit and counts it against the five once made', async () => {
    clock.set(mall('2026-12-04T10:00'));
    const page = await open();
    await tab(page, 'completion');
    const count = () => page.locator('dc-callbacks-visits [data-testid=visit-count]').innerText();
    await expect.poll(count).toContain('还差 5 次');
    await page.locator('dc-callbacks-visits [data-testid=plan-visit]').click();
    const input = (name: string) =>
      page.locator(`dc-callbacks-visits sl-dialog sl-input[name=${name}] input`);
    await input('customerName').fill('赵女士');
    await input('customerPhone').fill('137 2222 3333');
    await page.locator('dc-callbacks-visits [data-testid=save-visit]').click();
    // No purpose: refused at its field, the dialog still open with what was typed.
    await expect
      .poll(() => page.locator('dc-callbacks-visits .error[data-field=purpose]').textContent())
      .toContain('required');
    await input('purpose').fill('沙发保养回访');
    await input('address').fill('滨江区江南大道 88 号');
    await page.locator('dc-callbacks-visits [data-testid=save-visit]').click();
    await expect.poll(count).toContain('计划 1');
    expect(await count()).toContain('还差 5 次');
    await page.locator('dc-callbacks-visits tr[data-visit] [data-testid=record-visit]').click();
    await page.locator('dc-callbacks-visits sl-menu-item[value=satisfied]').click();
    await expect.poll(count).toContain('还差 4 次');
    expect(await count()).toMatch(/^1\s*\/ 5/);
    await shoot(page, 'visits');
    await page.locator('dc-callbacks-completion sl-radio-button[value=week]').click();
    await expect.poll(() => completion(page, '2026-W49', 'due')).toBe('2');
    await shoot(page, 'completion-weekly');
    await page.close();
  }, 90_000);
});
