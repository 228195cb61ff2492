import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { openConsole, overflowsSideways } from '../helpers/console.ts';
import { Client, startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

/** The mall's clock (Asia/Shanghai) as the server sees it; the browser keeps its own. */
const at = (local: string) => new Date(`${local}+08:00`);
const clock = steppableClock(at('2026-12-04T09:00:00'));
let server: TestServer;
let browser: Browser;
/** Each seeded complaint's id, by its customer's name. */
const seeded: Record<string, number> = {};

/** Where the screenshots go, to look at the page: CONSOLE_SHOTS, or a temp folder. */
const SHOTS = process.env.CONSOLE_SHOTS ?? join(tmpdir(), 'deskcast-complaint-shots');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** The page at both console sizes, each checked for running off the side. */
async function shots(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // The toasts of the steps just taken close by themselves; not over what is looked at.
  await page
    .locator('sl-alert[data-testid=toast]')
    .evaluateAll((as) => as.forEach((a) => (a as unknown as { hide(): void }).hide()));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    expect(await overflowsSideways(page), `${name} at ${size.width}`).toBe(false);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0] as { width: number; height: number });
}

/** desk1 signed in at the mall's `local` time (sessions lapse over the days between). */
async function deskAt(local: string): Promise<Client> {
  clock.set(at(local));
  return new Client(server.url).login('desk1', 'desk1-password');
}

const complaint = (customerName: string, over: Json = {}) => ({
  source: 'phone',
  customerName,
  customerPhone: '138 0013 8000',
  merchantName: '兰亭沙发',
  floor: '2F',
  product: '三人位真皮沙发',
  category: '商品质量',
  what: '沙发送货两周后扶手开裂。',
  wants: '换货',
  ...over,
});

async function record(desk: Client, body: Json): Promise<number> {
  const r = await desk.post('/api/complaints', body);
  if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
  seeded[body.customerName as string] = r.body.complaint.id as number;
  return r.body.complaint.id as number;
}

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  await withCast(server);
  // By Monday 10:30: 王女士's plan is 1.5 h overdue (and her answer long since), 李先生's
  // answer 1.5 h overdue, 赵女士's answer due within 2 h, 陈先生's waiting on the merchant.
  await record(await deskAt('2026-12-04T09:00:00'), complaint('王女士'));
  const sunday = await deskAt('2026-12-06T09:00:00');
  await record(sunday, complaint('李先生', { category: '送货安装', merchantName: '木白实木家具' }));
  clock.set(at('2026-12-06T12:00:00'));
  await record(sunday, complaint('赵女士', { category: '服务态度', source: 'desk' }));
  clock.set(at('2026-12-06T14:00:00'));
  const chen = await record(sunday, complaint('陈先生', { category: '售后维修' }));
  clock.set(at('2026-12-06T16:00:00'));
  await sunday.post(`/api/complaints/${chen}/actions`, { action: 'pause', reason: 'merchant' });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const boardIds = (page: Page, column: 'overdue' | 'dueSoon' | 'paused') =>
  page
    .locator(`dc-complaint-due-board [data-testid=due-${column}] button[data-complaint]`)
    .evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-complaint'))));
const navBadge = (page: Page) =>
  page.locator('dc-console-nav a[data-page=complaints] [data-testid=nav-badge]').allTextContents();

describe('complaints page', () => {
  it('records a complaint from a queue ticket finished at the counter', async () => {
    const desk = await deskAt('2026-12-07T10:00:00');
    const taken = await desk.post('/api/queue/tickets', { service: 'complaint' });
    expect(taken.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await context.newPage();
    await counter.goto(`${server.url}/counter`);
    await counter.locator('#u').fill('desk1');
    await counter.locator('#p').fill('desk1-password');
    await counter.getByRole('button', { name: /登录/ }).click();
    await counter.locator('dc-counter-open button[data-counter="1"]').click();
    await counter.locator('[data-testid=open-counter]').click();
    await counter.locator('button[data-action=call-next]').click();
    await counter.locator('button[data-action=start]').click();
    await counter.locator('#note').fill('顾客称沙发扶手开裂，商户不肯换货。');
    await shots(counter, 'counter-finish-complaint');

    const [form] = await Promise.all([
      context.waitForEvent('page'),
      counter.locator('button[data-action=finish-complaint]').click(),
    ]);
    // The counter page stays at the counter, its ticket done as a complaint.
    await expect
      .poll(async () => (await desk.get(`/api/queue/tickets/${taken.body.ticket.id}`)).body.ticket)
      .toMatchObject({ status: 'done', category: '投诉登记' });

    const intake = form.locator('dc-complaint-intake');
    const strip = intake.locator('[data-testid=intake-ticket]');
    await strip.waitFor();
    expect(await strip.innerText()).toContain('B001');
    expect(await strip.innerText()).toContain('1号窗口');
    expect(await strip.innerText()).toContain('取号 10:00');
    expect(await intake.locator('sl-textarea[name=what] textarea').inputValue()).toBe(
      '顾客称沙发扶手开裂，商户不肯换货。',
    );
    await intake.locator('sl-input[name=customerName] input').fill('周女士');
    await intake.locator('sl-input[name=customerPhone] input').fill('139 1234 5678');
    await intake.locator('sl-input[name=merchantName] input').fill('兰亭');
    await shots(form, 'complaint-merchant-matches');
    await intake.locator('[data-testid=merchant-matches] [role=option]').first().click();
    expect(await intake.locator('[data-testid=merchant-picked]').innerText()).toContain('2F A201');
    await intake.locator('sl-select[name=category]').click();
    await intake.locator('sl-option[value="商品质量"]').click();
    await intake.locator('sl-textarea[name=wants] textarea').fill('换一套新的');
    await shots(form, 'complaint-intake-ticket');
    await intake.locator('[data-testid=save-complaint]').click();

    const detail = form.locator('dc-complaint-detail');
    await expect
      .poll(() => detail.locator('[data-testid=detail-ticket]').textContent())
      .toContain('B001');
    const id = Number(
      (await detail.locator('sl-drawer').getAttribute('label'))?.match(/#(\d+)/)?.[1],
    );
    const stored = (await desk.get(`/api/complaints/${id}`)).body.complaint;
    expect(stored).toMatchObject({
      source: 'queue',
      ticketId: taken.body.ticket.id,
      counter: 1,
      customerName: '周女士',
      customerPhone: '139 1234 5678',
      merchantName: '兰亭沙发',
      floor: '2F',
      category: '商品质量',
    });
    expect(stored.merchantId).toEqual(expect.any(Number));
    expect(await detail.locator('[data-testid=detail-phone]').textContent()).toBe('139 1234 5678');
    await context.close();
  }, 90_000);

  it('reminds of overdue complaints, and one leaves the list once answered and given a plan', async () => {
    clock.set(at('2026-12-07T10:30:00'));
    const page = await openConsole(
      browser,
      server.url,
      'desk1',
      'desk1-password',
      '/console/queue',
    );
    // On another page: the reminder, and the count on the nav item (2 overdue + 1 due soon).
    const reminder = page.locator('dc-console-alerts [data-testid=reminder]');
    await expect.poll(() => reminder.textContent()).toContain('2 件已超时，1 件 4 小时内到期');
    expect(await navBadge(page)).toEqual(['3']);
    await reminder.locator('a').click();
    await page.locator('dc-page-complaints').waitFor();

    const wang = seeded['王女士'] as number;
    await expect.poll(() => boardIds(page, 'overdue')).toEqual([wang, seeded['李先生']]);
    expect(await boardIds(page, 'dueSoon')).toEqual([seeded['赵女士']]);
    expect(await boardIds(page, 'paused')).toEqual([seeded['陈先生']]);
    const item = (id: number) =>
      page.locator(`dc-complaint-due-board button[data-complaint="${id}"]`);
    expect(await item(wang).innerText()).toContain('答复已超时 2 天');
    expect(await item(seeded['赵女士'] as number).innerText()).toContain('答复剩 1 小时 29 分');
    expect(await item(seeded['陈先生'] as number).innerText()).toContain('等待商户');
    // Not on the page the reminder is for: the page shows it itself.
    expect(await reminder.count()).toBe(0);
    await shots(page, 'complaints-board');

    await item(wang).click();
    const detail = page.locator('dc-complaint-detail');
    await detail.locator('[data-deadline=answer]').waitFor();
    expect(await detail.locator('[data-deadline=plan]').innerText()).toContain(
      '已超时 1 小时 30 分',
    );
    await detail.locator('sl-button[data-action=answer]').click();
    await detail.locator('sl-textarea[name=text] textarea').fill('已联系商户，明天上门查看。');
    await detail.locator('[data-testid=send-action]').click();
    await expect
      .poll(() => detail.locator('[data-testid=detail-status]').textContent())
      .toContain('已答复');
    // Answered late, but the plan is still overdue: still on the list.
    expect(await detail.locator('[data-deadline=answer]').innerText()).toContain('迟');
    expect(await boardIds(page, 'overdue')).toContain(wang);

    await detail.locator('sl-button[data-action=plan]').click();
    await detail
      .locator('sl-textarea[name=text] textarea')
      .fill('商户同意免费更换扶手，周三送达。');
    await detail.locator('[data-testid=send-action]').click();
    await expect.poll(() => boardIds(page, 'overdue')).toEqual([seeded['李先生']]);
    await expect.poll(() => navBadge(page)).toEqual(['2']);
    expect(await detail.locator('[data-testid=history]').innerText()).toMatch(
      /受理登记[\s\S]*desk1[\s\S]*答复顾客[\s\S]*已联系商户[\s\S]*给出方案[\s\S]*周三送达/,
    );
    expect(await detail.locator('[data-testid=complaint-actions]').innerText()).toContain('办结');
    await shots(page, 'complaints-detail');
    await detail.locator('sl-drawer').evaluate((d) => (d as unknown as { hide(): void }).hide());

    const row = page.locator(`dc-complaint-register tr[data-complaint="${wang}"]`);
    expect(await row.innerText()).toContain('已给方案');
    await page.locator('dc-complaint-register sl-input[name=search] input').fill('李先生');
    await expect
      .poll(() =>
        page
          .locator('dc-complaint-register tbody tr')
          .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-complaint')))),
      )
      .toEqual([seeded['李先生']]);
    await page.close();
  }, 90_000);

  it('shows the server’s refusal of a phone number at the field, nothing recorded', async () => {
    const page = await openConsole(
      browser,
      server.url,
      'desk1',
      'desk1-password',
      '/console/complaints',
    );
    const desk = await new Client(server.url).login('desk1', 'desk1-password');
    const before = (await desk.get('/api/complaints/due')).body;
    await page.locator('[data-testid=new-complaint]').click();
    const intake = page.locator('dc-complaint-intake');
    await intake.locator('sl-input[name=customerName] input').fill('吴先生');
    await intake.locator('sl-input[name=customerPhone] input').fill('call me');
    await intake.locator('sl-input[name=merchantName] input').fill('不在名单的店');
    await intake.locator('sl-select[name=category]').click();
    await intake.locator('sl-option[value="价格"]').click();
    await intake.locator('sl-textarea[name=what] textarea').fill('标价与结账价不一致。');
    await intake.locator('[data-testid=save-complaint]').click();
    const error = intake.locator('.error[data-field=customerPhone]');
    await error.waitFor();
    expect(await error.innerText()).toContain('电话号码格式不对');
    expect(await intake.locator('sl-dialog').getAttribute('open')).not.toBeNull();
    await shots(page, 'complaint-intake-error');
    const after = (await desk.get('/api/complaints/due')).body;
    expect(after.dueSoon.length + after.overdue.length).toBe(
      before.dueSoon.length + before.overdue.length,
    );

    // Corrected, it is recorded under the name as typed (not on the merchants' list).
    await intake.locator('sl-input[name=customerPhone] input').fill('0571-8888 8888');
    expect(await error.count()).toBe(0);
    await intake.locator('[data-testid=save-complaint]').click();
    await page.locator('dc-complaint-detail [data-testid=detail-facts]').waitFor();
    const list = (
      await desk.get(
        `/api/complaints?from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-31T00:00:00+08:00')}`,
      )
    ).body.complaints as Json[];
    expect(list.find((c) => c.customerName === '吴先生')).toMatchObject({
      merchantName: '不在名单的店',
      source: 'desk',
    });
    expect(list.find((c) => c.customerName === '吴先生')?.merchantId).toBeUndefined();
    await page.close();
  }, 90_000);
});
