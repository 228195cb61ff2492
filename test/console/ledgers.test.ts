import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { openConsole, overflowsSideways } from '../helpers/console.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

/** The mall's clock (Asia/Shanghai) as the server sees it: Monday 7 December 2026. */
const clock = steppableClock(new Date('2026-12-07T10:00:00+08:00'));
let server: TestServer;
let browser: Browser;
let cast: Awaited<ReturnType<typeof withCast>>;

const SHOTS = process.env.CONSOLE_SHOTS ?? '/tmp/shots-ledgui';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** The page at both console sizes, each checked for running off the side. */
async function shots(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page
    .locator('sl-alert[data-testid=toast]')
    .evaluateAll((as) => as.forEach((a) => (a as unknown as { hide(): void }).hide()));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    expect(await overflowsSideways(page), `${name} at ${size.width}`).toBe(false);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SIZES[0] as { width: number; height: number });
}

const as = (who: 'desk1' | 'manager1', path: string) =>
  openConsole(browser, server.url, who, `${who}-password`, `/console/${path}`);
const row = (page: Page, id: number) => page.locator(`tr[data-compensation="${id}"]`);

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('advance compensation page', () => {
  it('the desk asks, only the manager approves, the desk pays and recovers in parts', async () => {
    const desk = await as('desk1', 'compensations');
    await desk.locator('[data-testid=compensations-empty]').waitFor();
    await desk.locator('[data-testid=new-compensation]').click();
    const form = desk.locator('dc-compensation-request');
    await form.locator('sl-input[name=customerName] input').fill('王女士');
    await form.locator('sl-input[name=customerPhone] input').fill('138 0013 8000');
    await form.locator('sl-input[name=merchantName] input').fill('兰亭沙发');
    await form.locator('sl-input[name=amount] input').fill('300.5');
    expect(await form.locator('.hint').innerText()).toBe('¥300.50');
    await form
      .locator('sl-textarea[name=reason] textarea')
      .fill('沙发扶手开裂，商户拖延，商场先行赔付。');
    await shots(desk, 'compensation-request');
    await form.locator('[data-testid=save-compensation]').click();

    await desk.locator('tr[data-compensation]').first().waitFor();
    const id = Number(
      await desk.locator('tr[data-compensation]').first().getAttribute('data-compensation'),
    );
    const mine = row(desk, id);
    expect(await mine.innerText()).toContain('待审批');
    expect(await mine.innerText()).toContain('¥300.50');
    expect(await mine.locator('[data-testid=waiting-manager]').innerText()).toContain(
      '等待部门经理审批',
    );
    expect(await mine.locator('[data-step=approve]').count()).toBe(0);
    // Nor may the desk approve it by asking the server directly.
    const tried = await cast.desk.post(`/api/compensations/${id}/decision`, { action: 'approve' });
    expect(tried.status).toBe(403);
    expect(tried.body.message).toContain('部门经理');

    const manager = await as('manager1', 'compensations');
    await row(manager, id).locator('[data-step=approve]').click();
    const step = manager.locator('dc-compensation-step');
    expect(await step.locator('sl-input[name=amount] input').inputValue()).toBe('300.50');
    await step.locator('[data-testid=save-step]').click();
    await expect.poll(() => row(manager, id).innerText()).toContain('已批准');
    expect((await cast.desk.get(`/api/compensations/${id}`)).body.compensation).toMatchObject({
      status: 'approved',
      approvedFen: 30050,
      decision: { by: 'manager1' },
    });
    await manager.close();

    await desk.reload();
    await row(desk, id).locator('[data-step=pay]').click();
    const pay = desk.locator('dc-compensation-step');
    await pay.locator('[data-testid=save-step]').click();
    await expect
      .poll(() => row(desk, id).locator('[data-testid=owed]').innerText())
      .toContain('¥300.50');
    await row(desk, id).locator('[data-step=recover]').click();
    expect(await pay.locator('[data-testid=step-owed]').innerText()).toBe('¥300.50');
    await pay.locator('sl-input[name=amount] input').fill('100');
    await pay.locator('[data-testid=save-step]').click();
    await expect
      .poll(() => row(desk, id).locator('[data-testid=owed]').innerText())
      .toContain('¥200.50');
    expect(await row(desk, id).innerText()).toContain('已追回 ¥100.00');
    expect(await desk.locator('[data-testid=owed-by-merchant]').innerText()).toContain('¥200.50');
    // More than is owed: refused at the amount, nothing recorded.
    await row(desk, id).locator('[data-step=recover]').click();
    expect(await pay.locator('[data-testid=step-owed]').innerText()).toBe('¥200.50');
    await pay.locator('sl-input[name=amount] input').fill('250');
    await pay.locator('[data-testid=save-step]').click();
    await expect
      .poll(() => pay.locator('.error[data-field=amountFen]').innerText())
      .toContain('¥200.50 outstanding');
    await pay.locator('sl-button', { hasText: '取消' }).click();
    expect((await cast.desk.get(`/api/compensations/${id}`)).body.compensation).toMatchObject({
      status: 'paid',
      recoveredFen: 10000,
      outstandingFen: 20050,
    });
    await shots(desk, 'compensations');
    await desk.close();
  }, 120_000);
});

describe('30-day returns page', () => {
  const fill = async (page: Page) => {
    await page.locator('[data-testid=new-return]').click();
    const form = page.locator('dc-return-intake');
    await form.locator('sl-input[name=customerName] input').fill('李先生');
    await form.locator('sl-input[name=customerPhone] input').fill('139 1234 5678');
    await form.locator('sl-input[name=orderNo] input').fill('XS-20261001-007');
    await form.locator('sl-input[name=merchantName] input').fill('木白实木家具');
    await form.locator('sl-input[name=product] input').fill('橡木餐椅');
    await form.locator('sl-input[name=purchaseDate] input').fill('2026-10-01');
    await form.locator('sl-textarea[name=reason] textarea').fill('无理由');
    await form.locator('[data-testid=save-return]').click();
    return form;
  };

  it('refuses a return past 30 days with both dates; the manager may override it', async () => {
    const desk = await as('desk1', 'returns');
    await desk.locator('[data-testid=returns-empty]').waitFor();
    const form = await fill(desk);
    const refusal = form.locator('[data-testid=late-refusal]');
    await refusal.waitFor();
    const said = await refusal.innerText();
    expect(said).toContain('购买日期 2026-10-01');
    expect(said).toContain('退货日期 2026-12-07');
    expect(said).toContain('超过 30 天');
    expect(await form.locator('[data-testid=ask-manager]').innerText()).toContain('部门经理');
    expect(await form.locator('[data-testid=override-return]').count()).toBe(0);
    await shots(desk, 'return-late');
    const none = await cast.desk.get('/api/returns?from=2026-12-01&to=2026-12-31');
    expect(none.body.returns).toEqual([]);
    await desk.close();

    const manager = await as('manager1', 'returns');
    const mform = await fill(manager);
    await mform.locator('[data-testid=late-refusal]').waitFor();
    await mform.locator('sl-textarea[name=override] textarea').fill('商品未拆封，商户同意。');
    await mform.locator('[data-testid=override-return]').click();
    const r = manager.locator('tr[data-return]').first();
    await r.waitFor();
    expect(await r.innerText()).toContain('经理批准');
    expect(await r.innerText()).toContain('67 天');

    await r.locator('[data-testid=record-outcome]').click();
    const outcome = manager.locator('dc-return-outcome');
    await outcome.locator('sl-input[name=amount] input').fill('12.5');
    await outcome.locator('[data-testid=save-outcome]').click();
    await expect.poll(() => r.innerText()).toContain('已退款');
    expect(await r.innerText()).toContain('¥12.50');
    expect(await manager.locator('[data-testid=return-figures]').innerText()).toContain('¥12.50');
    expect(await manager.locator('[data-testid=returns-by-merchant]').innerText()).toContain(
      '木白实木家具',
    );
    const stored = await cast.desk.get('/api/returns?from=2026-12-01&to=2026-12-31');
    expect(stored.body.returns[0]).toMatchObject({
      status: 'refunded',
      outcome: { amountFen: 1250 },
      override: { by: 'manager1' },
    });
    await shots(manager, 'returns');
    await manager.close();
  }, 120_000);
});

describe("merchants' fees page", () => {
  it('defaults the fee from the server, totals it, and collects a fee left for later', async () => {
    const desk = await as('desk1', 'merchant-fees');
    await desk.locator('[data-testid=fees-empty]').waitFor();
    const entry = desk.locator('dc-fee-entry');
    await entry.locator('sl-radio-button[value=offer-sign]').click();
    expect(await entry.locator('sl-input[name=unitFee] input').inputValue()).toBe('5.00');
    await entry.locator('sl-input[name=merchantName] input').fill('兰亭沙发');
    await entry.locator('sl-input[name=quantity] input').fill('3');
    expect(await entry.locator('[data-testid=fee-total]').innerText()).toBe('¥15.00');
    await entry.locator('sl-switch[name=paid]').click();
    await entry.locator('[data-testid=save-fee]').click();
    const byMerchant = desk.locator('[data-testid=fees-by-merchant] tr[data-merchant="兰亭沙发"]');
    await expect.poll(() => byMerchant.innerText()).toMatch(/¥15\.00\s+¥15\.00/);
    await shots(desk, 'merchant-fees');

    await desk.locator('[data-testid=collect]').click();
    await desk.locator('sl-menu-item[value=wechat]').click();
    await expect.poll(() => byMerchant.innerText()).toMatch(/¥15\.00\s+¥0\.00/);
    expect(await desk.locator('tr[data-fee]').innerText()).toContain('已收费');
    const stored = await cast.desk.get('/api/merchant-services?from=2026-12-01&to=2026-12-31');
    expect(stored.body.services[0]).toMatchObject({
      kind: 'offer-sign',
      quantity: 3,
      unitFeeFen: 500,
      totalFen: 1500,
      paidFen: 1500,
      status: 'paid',
    });
    await desk.close();
  }, 90_000);
});

describe('prizes page', () => {
  it('records handouts and totals them per campaign', async () => {
    const desk = await as('desk1', 'prizes');
    await desk.locator('[data-testid=prizes-empty]').waitFor();
    const entry = desk.locator('dc-prize-entry');
    const handout = async (customer: string, quantity: string) => {
      await entry.locator('sl-input[name=campaign] input').fill('双十二满额赠');
      await entry.locator('sl-input[name=prize] input').fill('保温杯');
      await entry.locator('sl-input[name=customerName] input').fill(customer);
      await entry.locator('sl-input[name=customerPhone] input').fill('137 0000 1111');
      await entry.locator('sl-input[name=quantity] input').fill(quantity);
      await entry.locator('[data-testid=save-prize]').click();
    };
    await handout('赵女士', '2');
    await expect.poll(() => desk.locator('tr[data-prize]').count()).toBe(1);
    await handout('钱先生', '1');
    await expect.poll(() => desk.locator('tr[data-prize]').count()).toBe(2);
    expect(
      await desk.locator('[data-testid=prizes-by-campaign] tr[data-campaign]').innerText(),
    ).toMatch(/双十二满额赠\s+2\s+3/);
    await shots(desk, 'prizes');
    await desk.close();
  }, 90_000);
});
