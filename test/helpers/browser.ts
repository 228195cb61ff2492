import { chromium, type Browser, type Page } from 'playwright-core';

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

export interface PageStart {
  key: string;
  slot: string;
  layer: string;
  plannedMs: number;
  actualMs: number;
  offsetS: number;
}

/**
 * What the player page recorded, read without touching it. (page.evaluate counts as a user
 * gesture, so tests never start or unlock audio through it.)
 */
export async function playerState(page: Page) {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { __deskcast?: Record<string, any> }).__deskcast; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!d) return undefined;
    return {
      starts: d.player.starts as PageStart[],
      bedGain: d.engine.bedGain as number,
      running: d.engine.running as boolean,
      offsetMs: d.clock.offsetMs as number,
      status: JSON.parse(JSON.stringify(d.player.status())) as {
        bed?: { item: { id: string } };
        voice?: { item: { id: string } };
        announcement?: { id: number };
      },
      serverNow: d.clock.now() as number,
    };
  });
}
