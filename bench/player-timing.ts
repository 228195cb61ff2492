import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser.ts';
import { setCompressedProgram } from '../test/helpers/compressed-program.ts';
import { startServer, withCast, type TestServer } from '../test/helpers/server.ts';
import { ensureKioskBuilt } from './player-build.ts';
import { startedPlays } from './player-log.ts';
import { installOnsetTap, readAudioClock, type Onset, type Pairing } from './player-onsets.ts';
import {
  flushLog,
  forgetPlays,
  heapSample,
  openPlayer,
  pageStarts,
  waitForServerTime,
  waitForStarts,
  type HeapSample,
} from './player-page.ts';
import {
  MIXED_SECONDS,
  QUICK_FROM_S,
  QUICK_ITEMS,
  QUICK_TONE_S,
  benchRows,
  uploadBenchTones,
} from './player-program.ts';
import { printPlayerRun, type PlannedItem } from './player-report.ts';

/** Time for the page to open, sync its clock and decode the first files before t0. */
const LEAD_S = 10;
/** Heap readings after this many plays have started (the last one the 1,000). */
const HEAP_MARKS = [10, 100, 250, 500, 750, QUICK_ITEMS];
/** A start at least this far into its file was joined mid-item, not started on time. */
const JOINED_S = 0.05;
const READ_CLOCK_EVERY_MS = 250;

/** Collects what the page reports while it plays, without keeping anything in the page. */
function watchAudioClock(page: Page, sampleRate: number | undefined) {
  const pairings: Pairing[] = [];
  const onsets: Onset[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      const read = await readAudioClock(page, sampleRate).catch(() => undefined);
      if (read) {
        pairings.push(read.pairing);
        onsets.push(...read.onsets);
      }
      await sleep(READ_CLOCK_EVERY_MS);
    }
  })();
  return {
    pairings,
    onsets,
    stop: async () => {
      watching = false;
      await loop;
    },
  };
}

/**
 * The kiosk player in Chromium against the real server: how far each start lands from its
 * planned instant (by the page's own record, the as-played log, and the audio clock's slips;
 * with `listen`, by the sound itself), and whether the page's JS heap grows over 1,000 plays.
 * Takes about seven minutes; prints figures and asserts nothing.
 */
export async function benchPlayerTiming(options: { listen?: boolean } = {}): Promise<void> {
  const began = Date.now();
  await ensureKioskBuilt();
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer();
    // A first start measures the shipped media's loudness (ffmpeg): let it finish first.
    for (let waited = 0; server.ctx.media.unmeasured().length > 0 && waited < 60_000; waited += 100)
      await sleep(100);
    const cast = await withCast(server);
    await uploadBenchTones(cast.admin);
    const t0 = Math.ceil((Date.now() + LEAD_S * 1000) / 1000) * 1000;
    await setCompressedProgram(cast.admin, t0, benchRows());
    const plan = (await cast.device.get('/api/plan')).body as {
      date: string;
      items: { id: string; start: string; end: string; layer: string }[];
    };
    const items: PlannedItem[] = plan.items
      .map((i) => ({
        id: i.id,
        layer: i.layer,
        startMs: Date.parse(i.start),
        endMs: Date.parse(i.end),
      }))
      .sort((a, b) => a.startMs - b.startMs);

    browser = await launchChromium();
    const page = await openPlayer(browser, server.url, cast.device.bearer ?? '');
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    page.on('console', (m) => {
      const type = m.type();
      if ((type === 'warning' || type === 'error') && !m.text().startsWith('Failed to load'))
        problems.push(`${type}: ${m.text()}`);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const tap = options.listen ? await installOnsetTap(page) : undefined;
    const clock = watchAudioClock(page, tap?.sampleRate);

    const heap: HeapSample[] = [];
    for (const n of HEAP_MARKS) {
      const nth = items[n - 1];
      if (!nth) break;
      const got = await waitForStarts(page, n, nth.startMs - Date.now() + 15_000);
      if (got < n) {
        problems.push(`only ${got} plays had started 15 s after the ${n}th's planned time`);
        break;
      }
      heap.push(await heapSample(cdp, page));
    }
    const end = Math.max(...items.map((i) => i.endMs));
    await waitForServerTime(page, end + 1000, end - Date.now() + 15_000);
    heap.push(await heapSample(cdp, page));
    await clock.stop();

    const starts = await pageStarts(page);
    const idOf = (key: string) => key.slice(plan.date.length + 1);
    const pending = await flushLog(page, 30_000);
    await forgetPlays(page);
    const withoutRecords = await heapSample(cdp, page);
    const log = await startedPlays(cast.desk, plan.date);
    await page.close();

    const quickFrom = t0 + QUICK_FROM_S * 1000;
    printPlayerRun({
      mixed: items.filter((i) => i.startMs < quickFrom),
      quick: items.filter((i) => i.startMs >= quickFrom),
      quickToneS: QUICK_TONE_S,
      mixedSeconds: MIXED_SECONDS,
      pageStarts: starts.map((s) => ({
        itemId: idOf(s.key),
        plannedMs: s.plannedMs,
        actualMs: s.actualMs,
      })),
      joined: new Set(starts.filter((s) => s.offsetS > JOINED_S).map((s) => idOf(s.key))),
      log: { ...log, pending },
      pairings: clock.pairings,
      ...(tap ? { onsets: clock.onsets } : {}),
      heap,
      withoutRecords,
      heapTarget: QUICK_ITEMS,
      problems,
      minutes: (Date.now() - began) / 60_000,
    });
  } finally {
    await browser?.close();
    await server?.close();
    if (server) await rm(server.dataDir, { recursive: true, force: true });
  }
}

// `npx tsx bench/player-timing.ts [--listen]`: this bench alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await benchPlayerTiming({ listen: process.argv.includes('--listen') });
