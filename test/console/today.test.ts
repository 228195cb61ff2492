import { rename } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import {
  setCompressedProgram,
  uploadTestTones,
  uploadTone,
} from '../helpers/compressed-program.ts';
import { openConsole, overflowsSideways } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  // One long music item, so that "playing" outlasts the players' upload and the page's refresh.
  await uploadTone(cast.admin, 'test/long/a660', ['test', 'long'], 40, 660);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A whole second, a few seconds from now: program times have one-second resolution. */
const soon = (seconds: number) => Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000;

/** A report as a player makes it, for one plan item. */
const report = (date: string, item: Json, status: string, actualAt: string, reason?: string) => ({
  reportId: `${date}/${item.id}:${status}`,
  planDate: date,
  itemId: item.id,
  slot: item.slot,
  kind: item.kind,
  title: item.title,
  status,
  plannedAt: status === 'ended' ? item.end : item.start,
  actualAt,
  ...(reason ? { reason } : {}),
});

const openToday = (path = '/console/today') =>
  openConsole(browser, server.url, 'announcer1', 'announcer1-password', path);

/**
 * The text a person reads in an element, shadow roots and slots included (`innerText` stops
 * at a shadow root), whitespace collapsed.
 */
function screenText(locator: Locator): Promise<string> {
  // The tests compile without the DOM's types: as much of a node as the walk reads.
  interface Walked {
    nodeType: number;
    textContent: string | null;
    localName?: string;
    shadowRoot?: Walked | null;
    childNodes: ArrayLike<Walked>;
    assignedNodes?: (options: { flatten: boolean }) => Walked[];
  }
  return locator.evaluate((root) => {
    const hidden = (n: Walked) =>
      (
        globalThis as unknown as { getComputedStyle(n: Walked): { display: string } }
      ).getComputedStyle(n).display === 'none';
    const parts: string[] = [];
    const walk = (n: Walked): void => {
      if (n.nodeType === 3) parts.push(n.textContent ?? '');
      if (n.nodeType !== 1 || hidden(n)) return;
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

const detailsText = (page: Page) => screenText(page.locator('[data-testid=item-details]'));

/** Clicks an item's block, as a person clicks it, and reads the details card. */
async function details(page: Page, itemId: string): Promise<string> {
  await page.locator(`dc-timeline rect[data-item="${itemId}"]`).click();
  return detailsText(page);
}

describe('GET /api/plan/states', () => {
  it('gives each item of a past day its state from the log, and who played it when', async () => {
    const date = '2026-10-10';
    const plan = (await cast.announcer.get(`/api/plan?date=${date}`)).body;
    const [first, second, third] = plan.items as Json[];
    const up = await cast.device.post('/api/plays', {
      reports: [
        report(date, first!, 'started', first!.start),
        report(date, first!, 'ended', first!.end),
        report(date, second!, 'failed', second!.start, 'file missing or not playable'),
        report(date, third!, 'skipped', third!.start, 'an announcement was playing'),
      ],
    });
    expect(up.status).toBe(200);
    const r = await cast.announcer.get(`/api/plan/states?date=${date}`);
    expect(r.status).toBe(200);
    expect(r.body.states).toHaveLength(plan.items.length);
    const [s1, s2, s3, s4] = r.body.states as Json[];
    expect(s1).toMatchObject({ id: first!.id, state: 'played' });
    expect(s1!.plays.map((p: Json) => `${p.device} ${p.status}`)).toEqual([
      'player-1 started',
      'player-1 ended',
    ]);
    expect(s2).toMatchObject({
      state: 'failed',
      plays: [{ reason: 'file missing or not playable' }],
    });
    expect(s3!.state).toBe('skipped');
    // Nobody reported the rest of a day that is over.
    expect(s4!.state).toBe('missed');
    // A future date: nothing has happened yet.
    const future = (await cast.announcer.get('/api/plan/states?date=2099-01-05')).body;
    expect(new Set(future.states.map((s: Json) => s.state))).toEqual(new Set(['upcoming']));
    const bad = await cast.announcer.get('/api/plan/states?date=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('date');
  });

  it("names a make-up working day's reason in the calendar's days", async () => {
    const r = await cast.announcer.get('/api/calendar/days?from=2026-10-09&to=2026-10-10');
    expect(r.body.days[1]).toMatchObject({ makeupWorkday: true, note: '国庆节调休' });
    expect(r.body.days[0].note).toBeUndefined();
  });
});

describe('console Today page', () => {
  it('previews another date with its day type and the reasons for it', async () => {
    const page = await openToday();
    await page.locator('dc-timeline svg[role=img]').waitFor();
    const pick = async (date: string) => {
      await page.locator('dc-page-today sl-input[name=date] input').fill(date);
      await expect
        .poll(() => screenText(page.locator('[data-testid=day-date]')), { timeout: 15_000 })
        .toContain(`${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`);
      return screenText(page.locator('dc-day-summary'));
    };
    const today = (await cast.announcer.get('/api/site')).body.today as string;
    const when = (date: string) => (date < today ? '过去 · Past' : '预览 · Preview');
    const national = await pick('2026-10-01');
    expect(national).toContain('节假日 · Holiday：国庆节');
    expect(national).toContain(when('2026-10-01'));

    const event = await pick('2026-12-12');
    expect(event).toContain('活动日 · Event：双十二年终家居节');
    expect(event).toContain('周末 · Weekend');
    const eventPlan = (await cast.announcer.get('/api/plan?date=2026-12-12')).body;
    expect(event).toContain(`${eventPlan.items.length} 条 items`);
    // The event's scripts are on the timeline, and say what they are.
    expect(await details(page, 'event-morning#1')).toContain('活动信息 · Event');

    const makeup = await pick('2026-10-10');
    expect(makeup).toContain('调休上班 · Make-up working day：国庆节调休');
    expect(makeup).not.toContain('Weekend');

    // A future date has no states to show yet, only its plan.
    const future = await pick('2099-01-05');
    expect(future).toContain('预览 · Preview');
    expect(future).toContain('工作日 · Weekday');
    expect(await page.locator('[data-testid=state-counts]').count()).toBe(0);
    expect(await page.locator('dc-timeline rect[data-item]').count()).toBeGreaterThan(100);
    // The link keeps the date: reopened, it shows the same preview.
    expect(page.url()).toContain('date=2099-01-05');
    await page.reload();
    await expect
      .poll(() => screenText(page.locator('[data-testid=day-date]')), { timeout: 15_000 })
      .toContain('2099年1月5日');
    expect(await overflowsSideways(page)).toBe(false);
    await page.close();
  }, 60_000);

  it('shows what a real player played, is playing and failed to play, live', async () => {
    const t0 = soon(12);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed-1', from: 0, until: 6 },
      { slot: 'farewell-music', id: 'farewell', from: 6, until: 12 },
      { slot: 'background', id: 'bed-long', from: 12, until: 52, tags: ['test', 'long'] },
      { slot: 'welcome-speech', id: 'speech-1', from: 13 },
    ]);
    const plan = (await cast.announcer.get('/api/plan')).body;
    expect(plan.items.map((i: Json) => i.id)).toEqual([
      'bed-1#1',
      'farewell#1',
      'bed-long#1',
      'speech-1#1',
    ]);
    // The farewell's file vanishes from the server's disk (a failed disk, a bad restore).
    const { file } = (await cast.admin.get('/api/media/test/farewell/330')).body;
    const stored = `${server.dataDir}/media/${file}`;
    await rename(stored, `${stored}.away`);
    const player = await (await browser.newContext()).newPage();
    try {
      await player.goto(`${server.url}/player?token=${cast.device.bearer}`);
      const page = await openToday();
      await page.locator('dc-timeline rect[data-item="bed-long#1"]').waitFor();
      // Before it starts, the long item is still to come.
      expect(await details(page, 'bed-long#1')).toContain('待播 · Upcoming');

      // While it plays, the page says so (the player uploads every 10 s, the page reads every 15 s).
      await expect
        .poll(() => detailsText(page), {
          timeout: 40_000,
          interval: 500,
        })
        .toContain('正在播放 · Playing');
      expect(await detailsText(page)).toContain('player-1');
      expect(await screenText(page.locator('[data-testid=on-air]'))).toMatch(
        /660 Hz tone\s*正在播放 · Playing/,
      );
      // What came before: played, and failed where the file was missing.
      expect(await details(page, 'bed-1#1')).toContain('已播放 · Played');
      const failed = await details(page, 'farewell#1');
      expect(failed).toContain('播放失败 · Failed');
      expect(failed).toContain('file missing or not playable');
      expect(await details(page, 'speech-1#1')).toContain('已播放 · Played');
      const counts = await screenText(page.locator('[data-testid=state-counts]'));
      expect(counts).toMatch(/Failed\s*1/);
      expect(counts).toMatch(/Playing\s*1/);
      expect(counts).toMatch(/Played\s*2/);

      // Someone edits the program: the page shows the new plan by itself, without a reload.
      await setCompressedProgram(cast.admin, t0, [
        { slot: 'background', id: 'bed-1', from: 0, until: 6 },
        { slot: 'background', id: 'bed-extra', from: 60, until: 66 },
      ]);
      await page.locator('dc-timeline rect[data-item="bed-extra#1"]').waitFor({ timeout: 10_000 });
      expect(await page.locator('dc-timeline rect[data-item="bed-long#1"]').count()).toBe(0);
      await page.close();
    } finally {
      await player.context().close();
      await rename(`${stored}.away`, stored);
    }
  }, 120_000);
});
