import type { Browser, CDPSession, Page } from 'playwright-core';
import type { DeskcastView } from '../test/helpers/browser.ts';

/**
 * What the bench reads of the page. `__deskcast` is the page's read-only view of itself, enough
 * to wait on; the bench also measures the player's insides on purpose (its own record of every
 * start, its log, its memory), so it reaches them through the page's element, as nothing else
 * may.
 */
type PageGlobal = {
  __deskcast?: DeskcastView;
  document: { querySelector(tag: 'dc-player-app'): { _c?: PlayerInsides } | null };
};
interface PlayerInsides {
  player?: { starts: PageStart[]; _done?: Set<string> };
  log?: { pending: number; flush(): Promise<void> };
}

/** A start as the page recorded it (kiosk/src/player/player.ts `StartRecord`). */
export interface PageStart {
  key: string;
  plannedMs: number;
  actualMs: number;
  offsetS: number;
}

/** One reading of the page's memory, after a forced garbage collection. */
export interface HeapSample {
  items: number;
  heapBytes: number;
  nodes: number;
  listeners: number;
  /** Live Web Audio nodes: a leak of sources or gains shows here, not in the JS heap. */
  audioHandlers: number;
}

/**
 * The player page, opened as a kiosk opens it, once its clock is synchronised. Its CSP is
 * bypassed only so the bench can add its listening worklet (player-onsets.ts) from a blob.
 */
export async function openPlayer(browser: Browser, url: string, token: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${url}/player?token=${token}`, { timeout: 20_000 });
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobal).__deskcast?.clock.syncedAt,
    null,
    {
      timeout: 20_000,
    },
  );
  return page;
}

/** Waits until the page has started `n` plays or the time is up; returns how many it has. */
export async function waitForStarts(page: Page, n: number, timeoutMs: number): Promise<number> {
  await page
    .waitForFunction(
      (n) => ((globalThis as unknown as PageGlobal).__deskcast?.startCount ?? 0) >= n,
      n,
      { timeout: Math.max(1000, timeoutMs), polling: 100 },
    )
    .catch(() => undefined);
  return page.evaluate(() => (globalThis as unknown as PageGlobal).__deskcast?.startCount ?? 0);
}

/** Waits until the server's clock, as the page sees it, passes `t` (ms) or the time is up. */
export async function waitForServerTime(page: Page, t: number, timeoutMs: number): Promise<void> {
  await page
    .waitForFunction(
      (t) => ((globalThis as unknown as PageGlobal).__deskcast?.serverNow ?? 0) >= t,
      t,
      {
        timeout: Math.max(1000, timeoutMs),
        polling: 100,
      },
    )
    .catch(() => undefined);
}

/** JS heap in use (and DOM, listener and audio-node counts) after two forced collections. */
export async function heapSample(cdp: CDPSession, page: Page): Promise<HeapSample> {
  const items = await page.evaluate(
    () => (globalThis as unknown as PageGlobal).__deskcast?.startCount ?? 0,
  );
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
  return {
    items,
    heapBytes: m('JSHeapUsedSize'),
    nodes: m('Nodes'),
    listeners: m('JSEventListeners'),
    audioHandlers: m('AudioHandlers'),
  };
}

/** Every start the page recorded, as it recorded it: set against the log and the sound. */
export async function pageStarts(page: Page): Promise<PageStart[]> {
  return page.evaluate(() =>
    (
      (globalThis as unknown as PageGlobal).document.querySelector('dc-player-app')?._c?.player
        ?.starts ?? []
    ).map(({ key, plannedMs, actualMs, offsetS }) => ({ key, plannedMs, actualMs, offsetS })),
  );
}

/**
 * Uploads the page's play log now, again until nothing is pending (a flush already running
 * makes a second one return at once). Returns the reports still pending at the end.
 */
export async function flushLog(page: Page, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = Number.NaN;
  let clean = 0;
  while (Date.now() < deadline && clean < 2) {
    pending = await page.evaluate(async () => {
      const log = (globalThis as unknown as PageGlobal).document.querySelector('dc-player-app')?._c
        ?.log;
      await log?.flush();
      return log?.pending ?? Number.NaN;
    });
    clean = pending === 0 ? clean + 1 : 0;
    await page.waitForTimeout(500);
  }
  return pending;
}

/**
 * Empties the two records the player keeps of every play (`starts`, kept for tests and this
 * bench, and its private set of finished keys), so a reading after it shows what else grew.
 * Only once the program is over: nothing is left to schedule, so nothing is replayed.
 */
export async function forgetPlays(page: Page): Promise<void> {
  await page.evaluate(() => {
    const player = (globalThis as unknown as PageGlobal).document.querySelector('dc-player-app')?._c
      ?.player;
    player?.starts.splice(0);
    player?._done?.clear();
  });
}
