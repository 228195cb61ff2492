import { chromium, type Browser, type Page } from 'playwright-core';
import { tapAudio, type AudioTap } from './audio-tap.ts';

/** Debian's Chromium, as the kiosks run it (headless here). */
export async function launchChromium(options: { autoplay?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.autoplay === false ? [] : ['--autoplay-policy=no-user-gesture-required']),
    ],
  });
}

/** A fresh browser context and page that hears its own audio output (test/helpers/audio-tap.ts). */
export async function listeningPage(
  browser: Browser,
  pitches: readonly number[],
): Promise<{ page: Page; tap: AudioTap }> {
  // The tap's worklet module is a blob, which the page's CSP (script-src 'self') refuses.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { page, tap: await tapAudio(page, pitches) };
}

/**
 * The player page's read-only view of itself (`__deskcast`, kiosk/src/player/player-controller.ts),
 * for waiting on: the clock synced, the server's time, the log uploaded. What was played is
 * judged by ear (the tap), never from here.
 */
export interface DeskcastView {
  clock: { offsetMs: number; rttMs: number; syncedAt: number };
  serverNow: number;
  /** The page's status, as far as tests wait on it: the next item it knows of. */
  status: { next?: { startMs: number } };
  startCount: number;
  pendingReports: number;
}

/** Waits until the player page has set its clock by the server's. */
export async function clockSynced(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as { __deskcast?: DeskcastView }).__deskcast?.clock.syncedAt,
    undefined,
    { timeout },
  );
}
