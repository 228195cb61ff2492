import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { navigate, openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// The server's clock: 10 November 2026, so 2027's public holidays are due and missing.
const NOW = '2026-11-10T10:00:00+08:00';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  server = await startServer();
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  vi.useRealTimers();
});

/** The text a person reads in an element, shadow roots included, whitespace collapsed. */
function screenText(locator: Locator): Promise<string> {
  interface Walked {
    nodeType: number;
    textContent: string | null;
    localName?: string;
    shadowRoot?: Walked | null;
    childNodes: ArrayLike<Walked>;
    assignedNodes?: (options: { flatten: boolean }) => Walked[];
  }
  return locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (n: Walked): void => {
      if (n.nodeType === 3) parts.push(n.textContent ?? '');
      if (n.nodeType !== 1) return;
      if (n.localName === 'slot' && n.assignedNodes) {
        const assigned = n.assignedNodes({ flatten: true });
        (assigned.length ? assigned : Array.from(n.childNodes)).forEach(walk);
        return;
      }
      Array.from((n.shadowRoot ?? n).childNodes).forEach(walk);
    };
    walk(root as unknown as Walked);
    return parts.join('').replace(/\s+/g, ' ').trim();
  });
}

const revision = async () => (await cast.announcer.get('/api/calendar')).body.revision as number;
const eventItems = async (date: string) =>
  ((await cast.device.get(`/api/plan?date=${date}`)).body.items as Json[]).filter(
    (i) => i.slot === 'event-announcement',
  );
const day = (page: Page, date: string) =>
  page.locator(`dc-calendar-month button[data-date="${date}"]`);
const dialog = (page: Page) => page.locator('dc-mark-dialog');

const SCRIPT = '冬季家居节正在进行，三楼家具全场八折，欢迎选购。';

/** Fills the mark form as a person types it. */
async function fillEvent(page: Page, from: string, to: string, name: string, text: string) {
  await page.locator('[data-testid=mark-days]').click();
  const d = dialog(page);
  await d.locator('sl-dialog[open]').waitFor();
  await d.locator('sl-input[name=from] input').fill(from);
  await d.locator('sl-input[name=to] input').fill(to);
  await d.locator('sl-input[name=name] input').fill(name);
  await d.locator('sl-textarea[name="scripts.0.text"] textarea').fill(text);
  await d.locator('[data-testid=save-mark]').click();
}

describe('console Calendar page', () => {
  it('marks an event on two days, previews its plan, and undoes it', async () => {
    const page = await openConsole(browser, server.url, 'announcer1', 'announcer1-password');
    await navigate(page, 'calendar');
    await day(page, '2026-11-20').waitFor();
    const before = await revision();
    await expect
      .poll(() => page.locator('[data-testid=calendar-revision]').innerText())
      .toContain(`日历第 ${before} 版`);

    await fillEvent(page, '2026-11-20', '2026-11-21', '冬季家居节', SCRIPT);
    await expect
      .poll(() => toasts(page))
      .toContainEqual(expect.stringContaining('已标记活动日「冬季家居节」'));
    // Both days show the event; the Saturday is a weekend and an event day at once.
    await expect.poll(() => day(page, '2026-11-20').innerText()).toContain('活动日：冬季家居节');
    const saturday = await day(page, '2026-11-21').innerText();
    expect(saturday).toContain('活动日：冬季家居节');
    expect(saturday).toContain('周末');
    const after = await revision();
    expect(after).toBeGreaterThan(before);
    await expect
      .poll(() => page.locator('[data-testid=calendar-revision]').innerText())
      .toContain(`日历第 ${after} 版`);
    expect(await page.locator('[data-testid=calendar-revision]').innerText()).toContain(
      'announcer1',
    );

    // A click on the day opens its plan: the event's scripts are in it, item by item.
    await day(page, '2026-11-21').click();
    const preview = page.locator('dc-calendar-day');
    // Its first announcement sits right before the weather: zoom in on it, as a person would.
    const first = preview.locator('dc-timeline rect[data-item="event-morning#1"]');
    await first.scrollIntoViewIfNeeded();
    const box = await first.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
    await first.click();
    await expect
      .poll(() => screenText(preview.locator('[data-testid=item-details]')))
      .toContain(SCRIPT);
    const said = await screenText(preview.locator('[data-testid=marked-speech]'));
    expect(said).toContain('活动广播');
    expect(said).toContain(SCRIPT);
    expect(await screenText(preview.locator('dc-day-summary'))).toContain(
      '活动日 · Event：冬季家居节',
    );
    // And a real player's plan has them.
    const planned = await eventItems('2026-11-21');
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((i) => i.text === SCRIPT)).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);

    // Undo: the mark goes from both days, the preview and the player's plan.
    await preview.locator('[data-testid=unmark]').click();
    await expect
      .poll(() => toasts(page))
      .toContainEqual(expect.stringContaining('已撤销活动日标记'));
    await expect.poll(() => preview.locator('[data-testid=marked-speech]').count()).toBe(0);
    expect(await eventItems('2026-11-20')).toEqual([]);
    expect(await eventItems('2026-11-21')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => day(page, '2026-11-20').innerText()).not.toContain('冬季家居节');
    expect(await day(page, '2026-11-21').innerText()).not.toContain('冬季家居节');
    await page.close();
  }, 90_000);

  it('shows a refused mark’s problem at its field and changes nothing', async () => {
    const page = await openConsole(
      browser,
      server.url,
      'announcer1',
      'announcer1-password',
      '/console/calendar',
    );
    await day(page, '2026-11-25').waitFor();
    const before = await revision();
    await fillEvent(page, '2026-11-25', '2026-11-24', '倒着的活动', SCRIPT);
    const error = dialog(page).locator('.error[data-field=to]');
    await error.waitFor();
    expect(await error.innerText()).toContain('before from');
    await expect.poll(() => toasts(page)).toContainEqual(expect.stringContaining('没有保存标记'));
    expect(await revision()).toBe(before);
    expect(await eventItems('2026-11-24')).toEqual([]);
    // Still open, with what was typed, to be put right.
    expect(await dialog(page).locator('sl-dialog[open]').count()).toBe(1);
    await page.close();
  }, 60_000);

  it("enters a year's public holidays, refusing a bad range at its field first", async () => {
    const page = await openConsole(
      browser,
      server.url,
      'announcer1',
      'announcer1-password',
      '/console/calendar',
    );
    const banner = page.locator('[data-testid=holiday-banner]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('2027');
    await banner.locator('sl-button').click();
    const form = page.locator('dc-holiday-form');
    await form.locator('[data-testid=save-holidays]').waitFor();
    expect(await form.locator('sl-input[name=year] input').inputValue()).toBe('2027');
    // The form starts empty: the dates come from the notice, not from the page.
    expect(await form.locator('sl-input[name="holidays.0.from"] input').inputValue()).toBe('');

    // Made up for the test: not a published schedule.
    await form.locator('sl-input[name=source] input').fill('测试用安排（不是公布的）');
    await form.locator('sl-input[name="holidays.0.name"] input').fill('测试节日一');
    await form.locator('sl-input[name="holidays.0.from"] input').fill('2027-01-01');
    await form.locator('sl-input[name="holidays.0.to"] input').fill('2027-01-03');
    await form.locator('[data-testid=add-holiday]').click();
    await form.locator('sl-input[name="holidays.1.name"] input').fill('测试节日二');
    await form.locator('sl-input[name="holidays.1.from"] input').fill('2027-02-10');
    await form.locator('sl-input[name="holidays.1.to"] input').fill('2027-02-08');
    await form.locator('[data-testid=add-makeup]').click();
    await form.locator('sl-input[name="makeUpDays.0.date"] input').fill('2027-02-06');
    const before = await revision();
    await form.locator('[data-testid=save-holidays]').click();

    const error = form.locator('.error[data-field="holidays.1.to"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('测试节日二');
    expect(await form.locator('.error[data-field="holidays.0.to"]').count()).toBe(0);
    expect(await revision()).toBe(before);
    expect((await cast.announcer.get('/api/calendar/holidays?year=2027')).body.holidays).toEqual(
      [],
    );

    await form.locator('sl-input[name="holidays.1.to"] input').fill('2027-02-12');
    await form.locator('[data-testid=save-holidays]').click();
    await expect
      .poll(() => toasts(page))
      .toContainEqual(expect.stringContaining('已保存2027年放假安排'));
    const saved = (await cast.announcer.get('/api/calendar/holidays?year=2027')).body;
    expect(saved.holidays.map((h: Json) => `${h.name} ${h.from}–${h.to}`)).toEqual([
      '测试节日一 2027-01-01–2027-01-03',
      '测试节日二 2027-02-10–2027-02-12',
    ]);
    expect(saved.makeUpDays.map((m: Json) => m.date)).toEqual(['2027-02-06']);
    expect(await revision()).toBeGreaterThan(before);
    // Next year is in: the banner goes.
    await expect.poll(() => banner.count()).toBe(0);
    await page.close();
  }, 90_000);
});
