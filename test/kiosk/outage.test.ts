import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clockSynced,
  launchChromium,
  listeningPage,
  type DeskcastView,
} from '../helpers/browser.ts';
import {
  TEST_PITCHES,
  setCompressedProgram,
  uploadTestTones,
  useMiddayZone,
} from '../helpers/compressed-program.ts';
import { ADMIN_PASSWORD, Client, exited, spawnServer } from '../helpers/server.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** How far a sound may begin from its planned instant. */
const ONSET_MS = 150;

describe('player through a server outage', () => {
  it('keeps playing on time while the server is down, then uploads what it played, once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-outage-'));
    const port = String(await freePort());
    let server = await spawnServer(dataDir, { PORT: port });
    const browser = await launchChromium();
    try {
      const admin = await new Client(server.url).login('admin', ADMIN_PASSWORD);
      await uploadTestTones(admin);
      const { token } = (
        await admin.post('/api/devices', { name: 'player-outage', kind: 'player' })
      ).body;
      await useMiddayZone(admin);
      const { page, tap } = await listeningPage(browser, TEST_PITCHES);
      await page.goto(`${server.url}/player?token=${token}`);
      await clockSynced(page);
      const t0 = Math.ceil((Date.now() + 5000) / 1000) * 1000;
      // 440 Hz 0–6 s, 550 Hz 6–12 s, 440 Hz 12–16 s.
      await setCompressedProgram(admin, t0, [
        { slot: 'background', id: 'bed-1', from: 0, until: 16 },
      ]);
      const plan = (await admin.get('/api/plan')).body;
      await page.waitForFunction(
        (t0) =>
          (globalThis as { __deskcast?: DeskcastView }).__deskcast?.status.next?.startMs === t0,
        t0,
        { timeout: Math.max(100, t0 - 500 - Date.now()), polling: 50 },
      );
      await tap.heardUntil(t0 + 2500);

      const gone = exited(server.child);
      server.child.kill('SIGKILL');
      await gone;
      // Even a reload finds the page, the plan and the audio on this machine (service worker, caches).
      await page.reload();
      await tap.heardUntil(t0 + 13_000, 25_000);
      // The tones planned at 6 s and 12 s were heard beginning on time, with no server to ask
      // (as was the first, with it).
      for (const [hz, s] of [
        [440, 0],
        [550, 6],
        [440, 12],
      ] as const) {
        const [run] = tap.sounding(hz, t0 + s * 1000 - 2000, t0 + s * 1000 + 1000);
        expect(run, `${hz} Hz at ${s} s never heard`).toBeDefined();
        expect(Math.abs(run!.from - (t0 + s * 1000)), `${hz} Hz at ${s} s`).toBeLessThan(ONSET_MS);
      }
      expect(await page.getByTestId('connection').textContent()).not.toContain('已连接');

      server = await spawnServer(dataDir, { PORT: port });
      // Back in touch: the player reconnects by itself (with backoff) and uploads its log.
      await page.waitForFunction(
        () => {
          const g = globalThis as unknown as {
            __deskcast: DeskcastView;
            document: {
              querySelector(s: string): { shadowRoot: { textContent: string } | null } | null;
            };
          };
          const text = g.document.querySelector('dc-player-app')?.shadowRoot?.textContent ?? '';
          return g.__deskcast.pendingReports === 0 && text.includes('已连接');
        },
        undefined,
        { timeout: 45_000, polling: 500 },
      );
      const staff = await new Client(server.url).login('admin', ADMIN_PASSWORD);
      const plays = (await staff.get(`/api/plays?date=${plan.date}`)).body.plays as {
        itemId: string;
        status: string;
      }[];
      const count = (itemId: string, status: string) =>
        plays.filter((p) => p.itemId === itemId && p.status === status).length;
      for (const id of ['bed-1#1', 'bed-1#2', 'bed-1#3']) expect(count(id, 'started'), id).toBe(1);
      expect(count('bed-1#2', 'ended')).toBe(1);
      await page.close();
    } finally {
      await browser.close();
      server.child.kill('SIGTERM');
    }
  }, 120_000);
});
