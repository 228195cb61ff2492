import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, listeningPage } from '../helpers/browser.ts';
import {
  STEPPED_PITCHES,
  TEST_PITCHES,
  setCompressedProgram,
  steppedHeard,
  uploadTestTones,
  useMiddayZone,
} from '../helpers/compressed-program.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  // Before the page learns the mall's zone (see useMiddayZone).
  await useMiddayZone(cast.admin);
}, 60_000);
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
    // use page.evaluate (or waitForFunction) before the tap: it counts as a user gesture and
    // would unlock audio. The tap's reports come from the page by themselves.
    const browser = await launchChromium({ autoplay: false });
    try {
      const { page, tap } = await listeningPage(browser, TEST_PITCHES);
      await page.goto(`${server.url}/player?token=${cast.device.bearer}`);
      await expect
        .poll(stateOf, { timeout: 10_000 })
        .toMatchObject({ state: 'blocked', audioBlocked: true });
      const overlay = page.getByTestId('enable-sound');
      await overlay.waitFor({ state: 'visible' });

      // Music that begins now, while sound is blocked, and is under way at the tap:
      // once allowed, the page must join it where the plan is by then. (Not much later: a page
      // that finds music more than 2 s under way before it has decoded the file stays silent
      // until the next item, see the report on issue 8.)
      const t0 = Math.ceil((Date.now() + 500) / 1000) * 1000;
      // Waited on from the outside (no page.evaluate): the page fetching a plan with it.
      const known = page.waitForResponse(
        async (r) =>
          new URL(r.url()).pathname === '/api/plan' &&
          r.status() === 200 &&
          ((await r.json()) as { items: { start: string }[] }).items.some(
            (i) => Date.parse(i.start) === t0,
          ),
      );
      await setCompressedProgram(cast.admin, t0, [
        { slot: 'background', id: 'bed-1', from: 0, until: 16, tags: ['test', 'stepped'] },
      ]);
      await known;
      await new Promise((resolve) => setTimeout(resolve, t0 + 700 - Date.now()));
      const tappedAt = Date.now();
      await overlay.getByRole('button').click(); // a real tap
      await overlay.waitFor({ state: 'detached' });
      await expect.poll(stateOf, { timeout: 10_000 }).toMatchObject({ audioBlocked: false });

      await tap.heardUntil(tappedAt + 4000);
      // Silent until the tap (a suspended context renders nothing), then the music, joined
      // at the plan's offset.
      expect(tap.heard(0, tappedAt).filter((h) => tap.dominant(h) !== undefined)).toEqual([]);
      const first = tap
        .heard(tappedAt)
        .find((h) => STEPPED_PITCHES.includes(tap.dominant(h) ?? Number.NaN));
      expect(first, 'no music after the tap').toBeDefined();
      expect(first!.atMs - tappedAt).toBeLessThan(2000);
      const heard = steppedHeard(tap, t0, first!.atMs, first!.atMs + 2000);
      expect(heard.windows, heard.tally).toBeGreaterThan(150);
      expect(heard.wrong, heard.tally).toBeLessThan(heard.windows * 0.1);
    } finally {
      await browser.close();
    }
  }, 40_000);
});
