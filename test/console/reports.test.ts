import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { steppableClock } from '../helpers/clock.ts';
import { navigate, openConsole, overflowsSideways } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { complaintWeek, LAST, mall, type ComplaintWeek } from '../records/report-fixture.ts';

const clock = steppableClock(LAST);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let c: ComplaintWeek;
let browser: Browser;
let page: Page;

/** Where the screenshots go, to look at the page: CONSOLE_SHOTS, or /tmp/shots-repui. */
const SHOTS = process.env.CONSOLE_SHOTS ?? '/tmp/shots-repui';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** A row of a sheet whose cell in column `col` is `value`. */
function rowWith(sheet: ExcelJS.Worksheet, col: number, value: unknown): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(col).value === value) found = row;
  });
  if (!found) throw new Error(`no row with ${String(value)} in column ${col} of ${sheet.name}`);
  return found;
}

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path()) as string);
  return book;
}

const text = (selector: string) => page.locator(selector).innerText();

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
  c = await complaintWeek(cast.desk, clock);
  // Two sales called back 30 days on, in W50; one of them reached on the Tuesday after.
  clock.set(mall(1, 10));
  const sold: number[] = [];
  for (const [i, soldOn] of ['2026-11-09', '2026-11-10'].entries()) {
    const r = await cast.desk.post('/api/sales', {
      customerName: `回访顾客${i + 1}`,
      customerPhone: '138 0013 8000',
      merchantName: '兰亭沙发',
      product: '三人位真皮沙发',
      orderNo: `HX-R${i}`,
      soldOn,
    });
    if (r.status !== 201) throw new Error(r.text);
    sold.push((r.body.callbacks as Json[]).find((x) => x.kind === 'after-sale')!.id as number);
  }
  clock.set(mall(15, 9));
  const called = await cast.desk.post(`/api/callbacks/${sold[0]}/calls`, { outcome: 'satisfied' });
  if (called.status !== 200) throw new Error(called.text);
  // The Monday workbooks of W49 and W50, and Monday night's digest.
  await server.ctx.reports.runDue(mall(14, 6, 59));
  await server.ctx.reports.runDue(mall(14, 7, 5));
  await server.ctx.reports.runDue(mall(14, 20, 35));
  // Tuesday of W51: "last week" is W50.
  clock.set(mall(15, 12));
  browser = await launchChromium();
  page = await openConsole(browser, server.url, 'desk1', 'desk1-password');
  await navigate(page, 'reports');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reports page', () => {
  it('shows last week’s complaint figures as recorded', async () => {
    await page.locator('dc-report-week [data-tile=received]').waitFor();
    expect(await text('[data-testid=week-label]')).toContain('2026-W50');
    expect(await text('dc-report-week [data-tile=received] .value')).toBe('6');
    expect(await text('dc-report-week [data-tile=answered] .value')).toBe('75%');
    expect(await text('dc-report-week [data-tile=answered] .sub')).toContain('3 / 4');
    expect(await text('dc-report-week [data-tile=planned] .value')).toBe('33.3%');
    expect(await text('dc-report-week [data-tile=overdue] .value')).toBe('1');
    expect(await page.locator('dc-report-week dc-chart').count()).toBe(4);

    const overdue = page.locator('dc-report-week [data-testid=overdue-list] tbody tr');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.first().getAttribute('data-complaint')).toBe(String(c.ignored));
    expect(await overdue.first().innerText()).toMatch(
      /周先生[\s\S]*鹿米灯饰 4F[\s\S]*答复[\s\S]*方案/,
    );
    const rejected = page.locator(
      `dc-report-week [data-testid=rejected-list] tr[data-complaint="${c.rejected}"]`,
    );
    expect(await rejected.innerText()).toContain('非本商场售出的商品');

    // The week before: one complaint (W49's Friday), none rejected.
    await page.locator('[data-testid=week-prev]').click();
    await expect.poll(() => text('[data-testid=week-label]')).toContain('2026-W49');
    await expect.poll(() => text('dc-report-week [data-tile=received] .value')).toBe('1');
    await page.locator('dc-report-week [data-testid=rejected-none]').waitFor();
    await page.locator('[data-testid=week-next]').click();
    await expect.poll(() => text('dc-report-week [data-tile=received] .value')).toBe('6');
  });

  it('downloads the week’s and the month’s workbooks with the cells recorded', async () => {
    const [week] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-week]').click(),
    ]);
    expect(week.suggestedFilename()).toBe('complaints-2026-W50.xlsx');
    const book = await workbookOf(week);
    const register = book.getWorksheet('登记表 Register')!;
    const header = register.getRow(5).values as unknown[];
    const nameCol = header.findIndex((h) => typeof h === 'string' && h.startsWith('顾客姓名'));
    expect(nameCol).toBeGreaterThan(0);
    expect(rowWith(register, 1, c.quick).getCell(nameCol).value).toBe('孙先生');
    expect(rowWith(register, 1, c.ignored).getCell(nameCol).value).toBe('周先生');
    const summary = book.getWorksheet('汇总表 Summary')!;
    expect(rowWith(summary, 1, '登记投诉 complaints received').getCell(2).value).toBe(6);
    const answers = rowWith(summary, 1, '24小时内答复 answered within 24 h');
    expect([2, 3, 4].map((i) => answers.getCell(i).value)).toEqual([3, 4, 75]);
    const plans = rowWith(summary, 1, '72小时内给出方案 plan within 72 h');
    expect([2, 3, 4].map((i) => plans.getCell(i).value)).toEqual([1, 3, 33.3]);

    const monthLedger = async (id: string) => {
      await page.locator('[data-testid=export-month]').click();
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`sl-menu-item[value="${id}"]`).click(),
      ]);
      return d;
    };
    const month = await monthLedger('complaints');
    expect(month.suggestedFilename()).toBe('complaints-2026-12.xlsx');
    const monthSummary = (await workbookOf(month)).getWorksheet('汇总表 Summary')!;
    expect(rowWith(monthSummary, 1, '登记投诉 complaints received').getCell(2).value).toBe(8);

    // The month's other ledgers from the same menu: the callbacks' names the customers called.
    const callbacks = await monthLedger('callbacks');
    expect(callbacks.suggestedFilename()).toBe('callbacks-2026-12.xlsx');
    const seen: unknown[] = [];
    (await workbookOf(callbacks)).eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => seen.push(cell.value))),
    );
    expect(seen).toEqual(expect.arrayContaining(['回访顾客1', '回访顾客2']));
  });

  it('shows callback completion per week of the month, and the month', async () => {
    const table = page.locator('dc-report-callbacks [data-testid=completion-table]');
    await table.waitFor();
    const cells = async (period: string) =>
      Object.fromEntries(
        await Promise.all(
          ['due', 'done', 'rate'].map(
            async (col) =>
              [
                col,
                (
                  await table.locator(`tr[data-period="${period}"] [data-col=${col}]`).innerText()
                ).trim(),
              ] as const,
          ),
        ),
      );
    expect(await cells('2026-W50')).toEqual({ due: '2', done: '1', rate: '50%' });
    const api = (
      await cast.desk.get('/api/callbacks/completion?by=month&from=2026-12-01&to=2026-12-31')
    ).body.periods[0] as Json;
    // The sales' two and the callback of the complaint resolved on the 15th.
    expect(api.due).toBe(3);
    expect(await cells('2026-12')).toEqual({ due: '3', done: '1', rate: '33.3%' });
    expect(await table.locator('tr.week').count()).toBe(5);
  });

  it('lists the Monday workbooks to download and follows the nightly digest as it is pushed', async () => {
    const files = page.locator('dc-report-files [data-testid=stored-reports] tbody tr');
    await files.first().waitFor();
    const names = await files.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-file')));
    // Newest week first; each Monday makes the weekly ledgers, the complaints' among them.
    expect(names.filter((f) => f?.startsWith('complaints-'))).toEqual([
      'complaints-2026-W50.xlsx',
      'complaints-2026-W49.xlsx',
    ]);
    expect(names.indexOf('complaints-2026-W50.xlsx')).toBeLessThan(
      names.findIndex((f) => f?.endsWith('W49.xlsx')),
    );
    const [stored] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('dc-report-files tr[data-file="complaints-2026-W50.xlsx"] a').click(),
    ]);
    const register = (await workbookOf(stored)).getWorksheet('登记表 Register')!;
    expect(register.getRow(5).values).toBeDefined();
    expect(rowWith(register, 1, c.quick)).toBeDefined();

    // Two overdue complaints and the one sale's call not made.
    expect(await text('dc-report-files [data-testid=digest-total]')).toBe('3');
    // The call not made is named, its phone masked, so the desk knows whom to ring first.
    expect(await text('dc-report-files [data-testid=digest-callbacks]')).toMatch(
      /回访顾客\d \d{3}\*{4}\d{4} · 售后30天回访/,
    );
    expect(await text('dc-report-files [data-testid=digest-at]')).toContain('2026-12-14');
    await shots('reports', 'dc-page-reports .page-head');
    await shots('reports-lists', 'dc-report-week .lists');

    // Tuesday night's digest, pushed while the page is open: no reload.
    await server.ctx.reports.runDue(mall(15, 20, 35));
    await expect.poll(() => text('dc-report-files [data-testid=digest-total]')).toBe('5');
    expect(await text('dc-report-files [data-testid=digest-at]')).toContain('2026-12-15');
    const lines = page.locator('dc-report-files [data-testid=digest-list] tbody tr');
    expect(
      await lines.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-complaint')))),
    ).toEqual([c.ignored, c.paused, c.sunday, c.monday]);
    await shots('reports-digest', 'dc-report-files');
  });

  it('is the desk’s: an announcer has no such page', async () => {
    const other = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    expect(await other.locator('dc-console-nav a[data-page=reports]').count()).toBe(0);
    await other.close();
  });
});

/** The page at both console sizes, checked for running off the side; `at` scrolled into view. */
async function shots(name: string, at?: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page
    .locator('sl-alert[data-testid=toast]')
    .evaluateAll((as) => as.forEach((a) => (a as unknown as { hide(): void }).hide()));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(500);
    if (at) await page.locator(at).scrollIntoViewIfNeeded();
    expect(await overflowsSideways(page), `${name} at ${size.width}`).toBe(false);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0] as { width: number; height: number });
}
