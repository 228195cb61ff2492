import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { datesBetween } from '../core/zoned-time.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { startBenchServer, type BenchServer } from './bench-server.ts';
import { summarise } from './stats.ts';

const LOADS = 5;
const RENDERS = 10;
const MIN_ITEMS = 560;

/** The signed-in admin's session cookie, as the browser would keep it. */
async function sessionCookie(url: string): Promise<{ name: string; value: string; url: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
  });
  const [pair = ''] = (res.headers.get('set-cookie') ?? '').split(';');
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url };
}

/** The busiest date the shipped calendar names (an event weekend), by the server's plans. */
function busiestDay(server: BenchServer): { date: string; items: number } {
  let best = { date: '', items: -1 };
  for (const date of datesBetween('2026-01-01', '2027-12-31')) {
    const items = server.ctx.schedules.plan(date).items.length;
    if (items > best.items) best = { date, items };
  }
  return best;
}

/** As much of the page's DOM as the bench touches (the bench compiles without the DOM's types). */
interface PageNode {
  shadowRoot: PageNode | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): { length: number };
  getBoundingClientRect(): { left: number; top: number; width: number };
  dispatchEvent(event: unknown): boolean;
}
interface PageWindow {
  document: PageNode;
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  WheelEvent: new (type: string, init: Record<string, unknown>) => unknown;
}

/**
 * Resolves, in the page, at the first animation frame that finds the Today page's timeline
 * drawn, with `performance.now()` then: milliseconds since the navigation began.
 */
const timelineDrawn = () => {
  const app = (globalThis as unknown as PageWindow).document.querySelector('dc-console-app');
  const today = app?.shadowRoot?.querySelector('dc-page-today');
  const tl = today?.shadowRoot?.querySelector('dc-timeline');
  return tl?.shadowRoot?.querySelector('svg[role=img] rect[data-item]') ? performance.now() : false;
};

/** (1) First load of the console, signed in, on a cold cache: navigation → Today painted. */
async function firstLoad(browser: Browser, url: string) {
  const cookie = await sessionCookie(url);
  const times: number[] = [];
  const bytes: number[] = [];
  let requests = 0;
  const parts: Record<string, number> = {};
  for (let run = 0; run < LOADS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([cookie]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let transferred = 0;
    let count = 0;
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      transferred += e.encodedDataLength;
      count++;
      const path = new URL(urls.get(e.requestId) ?? url).pathname;
      const kind = path.startsWith('/api/')
        ? 'api'
        : path.startsWith('/shoelace/')
          ? 'icons'
          : 'page';
      parts[kind] = (parts[kind] ?? 0) + e.encodedDataLength / LOADS;
    });
    await page.goto(`${url}/console/today`);
    const drawn = await page.waitForFunction(timelineDrawn, undefined, {
      polling: 'raf',
      timeout: 30_000,
    });
    times.push((await drawn.jsonValue()) as number);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    bytes.push(transferred);
    requests = count;
    await context.close();
  }
  return { times, bytes, requests, parts };
}

/** (2) The busiest day's timeline: a full render, and zoom steps from the whole day inwards. */
async function renderBusiest(page: Page, url: string, date: string) {
  // tsx names the functions it compiles with a helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}/console/today?date=${date}`);
  await page.waitForFunction(timelineDrawn, undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(
    async ({ renders }) => {
      const w = globalThis as unknown as PageWindow;
      type Timeline = PageNode & {
        items: { id: string }[];
        states: Map<string, string>;
        updateComplete: Promise<boolean>;
        zoom(f: number): void;
        showDay(): void;
      };
      const app = w.document.querySelector('dc-console-app');
      const today = app?.shadowRoot?.querySelector('dc-page-today');
      const tl = today?.shadowRoot?.querySelector('dc-timeline') as Timeline;
      const frame = () => new Promise((r) => w.requestAnimationFrame(() => r(undefined)));
      // A task queued from a frame's callback runs once that frame is painted.
      const painted = () =>
        new Promise((r) => w.requestAnimationFrame(() => w.setTimeout(() => r(undefined), 0)));
      /** Until the change is in the DOM, and until it is on screen. */
      const settle = async (script: number[], screen: number[], t: number) => {
        await tl.updateComplete;
        script.push(performance.now() - t);
        await painted();
        screen.push(performance.now() - t);
      };
      const items = tl.items;
      // As on a day under way: a state strip under every block, twice the shapes.
      tl.states = new Map(
        items.map((i, k): [string, string] => [i.id, k % 2 ? 'played' : 'upcoming']),
      );
      const full: number[] = [];
      const fullScript: number[] = [];
      for (let k = 0; k < renders; k++) {
        tl.items = [];
        await settle([], [], 0);
        const t = performance.now();
        tl.items = items;
        await settle(fullScript, full, t);
      }
      const shapes = tl.shadowRoot?.querySelectorAll('svg[role=img] *').length ?? 0;
      const zoom: number[] = [];
      const zoomScript: number[] = [];
      for (let k = 0; k < renders; k++) {
        tl.showDay();
        await settle([], [], 0);
        // Whole day to a few minutes and back, one halving or doubling a step.
        for (const f of [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 2, 2, 2, 2, 2, 2, 2]) {
          const t = performance.now();
          tl.zoom(f);
          await settle(zoomScript, zoom, t);
        }
      }
      // A wheel gesture over the plot, as the mouse sends it: one event a frame.
      const plot = tl.shadowRoot?.querySelector('.plot') as PageNode;
      const box = plot.getBoundingClientRect();
      tl.showDay();
      await settle([], [], 0);
      const t = performance.now();
      for (let k = 0; k < 60; k++) {
        plot.dispatchEvent(
          new w.WheelEvent('wheel', {
            deltaY: k < 30 ? -100 : 100,
            clientX: box.left + box.width / 2,
            clientY: box.top + 40,
            bubbles: true,
            cancelable: true,
          }),
        );
        await frame();
      }
      const wheelMs = (performance.now() - t) / 60;
      return { full, fullScript, zoom, zoomScript, shapes, wheelMs, items: items.length };
    },
    { renders: RENDERS },
  );
}

const fmt = (s: ReturnType<typeof summarise>) =>
  `p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;

/** The console's Today page: first load on loopback, and the busiest day's timeline. */
export async function benchConsoleToday(): Promise<void> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const load = await firstLoad(browser, server.url);
    const kib = load.bytes.map((b) => b / 1024);
    console.log(
      `console first load: signed in, cold cache, /console/today at 1366×768, navigation → timeline painted, ${LOADS} runs`,
    );
    console.log(`  ${fmt(summarise(load.times))}`);
    const part = (k: string) => `${((load.parts[k] ?? 0) / 1024).toFixed(0)} KiB ${k}`;
    console.log(
      `  transferred ${Math.min(...kib).toFixed(0)}–${Math.max(...kib).toFixed(0)} KiB in ${load.requests} responses: ${['page', 'api', 'icons'].map(part).join(', ')}`,
    );

    const busiest = busiestDay(server);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([await sessionCookie(server.url)]);
    const page = await context.newPage();
    const r = await renderBusiest(page, server.url, busiest.date);
    await context.close();
    console.log(
      `console timeline: busiest day of the shipped calendar, ${busiest.date}, ${r.items} items${r.items >= MIN_ITEMS ? '' : ` (FEWER THAN ${MIN_ITEMS})`}, each with a state strip, whole day drawn as ${r.shapes} SVG shapes`,
    );
    console.log(`  full render, items set → in the DOM ${fmt(summarise(r.fullScript))}`);
    console.log(`                         → on screen ${fmt(summarise(r.full))}`);
    console.log(`  zoom step ×2 or ×½, → in the DOM ${fmt(summarise(r.zoomScript))}`);
    console.log(`                      → on screen ${fmt(summarise(r.zoom))}`);
    console.log(
      `  wheel gesture: ${r.wheelMs.toFixed(1)} ms a frame over 60 wheel events (16.7 ms is 60 fps: ${(r.wheelMs / 16.7).toFixed(2)}×)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npx tsx bench/console-today.ts` runs this bench alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await benchConsoleToday();
