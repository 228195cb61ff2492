import ExcelJS from 'exceljs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { report } from '../plays/reports.ts';

/** Noon on 8 December 2026 in Shanghai (the server's clock); the reports are of the 7th. */
const NOW = '2026-12-08T12:00:00+08:00';
const DAY = '2026-12-07';

let server: TestServer;
let browser: Browser;
let sofa: Json[];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  server = await startServer();
  const cast = await withCast(server);
  const plan = (await cast.announcer.get(`/api/plan?date=${DAY}`)).body;
  sofa = (plan.items as Json[]).filter((i) => i.promo?.id === 'lanting-sofa');
  const reports = sofa.slice(0, 4).flatMap((item, n) => {
    const base = {
      planDate: DAY,
      itemId: item.id,
      slot: item.slot,
      kind: 'promo',
      promoId: 'lanting-sofa',
      merchant: item.promo.merchant,
      title: item.title,
    };
    // The fourth failed (its audio would not decode); the first three played.
    return n === 3
      ? [
          report({
            ...base,
            status: 'failed',
            plannedAt: item.start,
            actualAt: item.start,
            reason: 'decode error',
          }),
        ]
      : [
          report({ ...base, status: 'started', plannedAt: item.start, actualAt: item.start }),
          report({ ...base, status: 'ended', plannedAt: item.end, actualAt: item.end }),
        ];
  });
  expect((await cast.device.post('/api/plays', { reports })).body.accepted).toBe(7);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  vi.useRealTimers();
});

/** Types a date into one of the range's fields, as a person picks it. */
async function pickDate(page: Page, name: 'from' | 'to', date: string) {
  await page.locator(`dc-plays-filter sl-input[name=${name}] input`).fill(date);
}

const cell = (page: Page, promo: string, col: string) =>
  page.locator(`dc-plays-summary tr[data-promo="${promo}"] td[data-col="${col}"]`).textContent();

describe('proof of play page', () => {
  it('shows planned against played for a day, and exports the invoice workbook', async () => {
    const page = await openConsole(
      browser,
      server.url,
      'announcer1',
      'announcer1-password',
      '/console/plays',
    );
    await page.locator('dc-page-plays h1').waitFor();
    // Today (the 8th) has nothing played yet: the page says so rather than showing a blank.
    await expect
      .poll(() => page.locator('dc-page-plays [data-testid=log-empty]').textContent())
      .toContain('No plays match');
    await pickDate(page, 'from', DAY);
    await pickDate(page, 'to', DAY);
    await expect.poll(() => cell(page, 'lanting-sofa', 'played'), { timeout: 15_000 }).toBe('3');
    expect(await cell(page, 'lanting-sofa', 'planned')).toBe(String(sofa.length));
    expect(await cell(page, 'lanting-sofa', 'failed')).toBe('1');
    expect(await page.locator('dc-plays-summary [data-tile=played] .value').textContent()).toBe(
      '3',
    );
    // The log lists the reports themselves, the failure with its reason.
    await expect
      .poll(() => page.locator('dc-plays-log table').textContent())
      .toContain('decode error');
    expect(await overflowsSideways(page)).toBe(false);

    const dir = await mkdtemp(join(tmpdir(), 'deskcast-plays-'));
    await page.locator('dc-page-plays sl-dropdown sl-button[slot=trigger]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('dc-page-plays sl-menu-item[value=xlsx]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`proof-of-play-${DAY}-${DAY}.xlsx`);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('已导出'));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const summary = book.getWorksheet('汇总 Summary') as ExcelJS.Worksheet;
    const header = summary.getRow(4).values as unknown[];
    const col = (name: string) => header.findIndex((h) => String(h).startsWith(name));
    let row: ExcelJS.Row | undefined;
    summary.eachRow((r) => {
      if (r.getCell(2).value === 'lanting-sofa') row = r;
    });
    expect(row?.getCell(1).value).toBe('兰亭沙发');
    expect(row?.getCell(col('计划次数')).value).toBe(sofa.length);
    expect(row?.getCell(col('播出次数')).value).toBe(3);
    expect(row?.getCell(col('失败')).value).toBe(1);
    const plays = book.getWorksheet('明细 Plays') as ExcelJS.Worksheet;
    // Three played and one failed, each with its player.
    expect(plays.rowCount).toBe(1 + 4);
    expect(plays.getRow(2).getCell(5).value).toBe('player-1');
    await page.close();
  }, 90_000);
});
