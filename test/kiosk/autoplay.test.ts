import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

const stateOf = async () =>
  (
    (await cast.admin.get('/api/playback-state')).body.devices as {
      device: string;
      audioBlocked?: boolean;
      state: string;
    }[]
  ).find((d) => d.device === 'player-1');

describe('player without the autoplay flag', () => {
  it('asks for a tap, tells the server sound is blocked, and plays once tapped', async () => {
    // Launched as a misconfigured kiosk would be: no --autoplay-policy flag. Nothing here may
    // use page.evaluate before the tap: it counts as a user gesture and would unlock audio.
    const browser = await launchChromium({ autoplay: false });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/player?token=${cast.device.bearer}`);
      await expect
        .poll(stateOf, { timeout: 10_000 })
        .toMatchObject({ state: 'blocked', audioBlocked: true });
      const overlay = page.getByTestId('enable-sound');
      await overlay.waitFor({ state: 'visible' });
      await overlay.getByRole('button').click(); // a real tap
      await overlay.waitFor({ state: 'detached' });
      await expect.poll(stateOf, { timeout: 10_000 }).toMatchObject({ audioBlocked: false });
    } finally {
      await browser.close();
    }
  }, 40_000);
});
