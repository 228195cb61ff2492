import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium, playerState } from '../helpers/browser.ts';
import { setCompressedProgram, uploadTestTones } from '../helpers/compressed-program.ts';
import { ADMIN_PASSWORD, Client, exited, spawnServer } from '../helpers/server.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// Functions run in the page are serialised: each spells out the global it reads.
type Page = {
  __deskcast: { clock: { now(): number; syncedAt: number }; log: { pending: number } };
};

describe('player through a server outage', () => {
  it('keeps playing while the server is down, then uploads what it played, once', async () => {
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
      const t0 = Math.ceil((Date.now() + 8000) / 1000) * 1000;
      await setCompressedProgram(admin, t0, [
        { slot: 'background', id: 'bed-1', from: 0, until: 16 },
      ]);
      const plan = (await admin.get('/api/plan')).body;

      const page = await browser.newPage();
      await page.goto(`${server.url}/player?token=${token}`);
      await page.waitForFunction(
        () => (globalThis as unknown as Page).__deskcast?.clock.syncedAt,
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForFunction(
        (t) => (globalThis as unknown as Page).__deskcast.clock.now() >= t,
        t0 + 2500,
        {
          timeout: 15_000,
          polling: 100,
        },
      );

      const gone = exited(server.child);
      server.child.kill('SIGKILL');
      await gone;
      // Even a reload finds the page, the plan and the audio on this machine (service worker, caches).
      await page.reload();
      await page.waitForFunction(
        () => (globalThis as unknown as Page).__deskcast?.clock,
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForFunction(
        (t) => (globalThis as unknown as Page).__deskcast.clock.now() >= t,
        t0 + 12_500,
        {
          timeout: 20_000,
          polling: 100,
        },
      );
      const during = (await playerState(page))!;
      // The tones planned at 4 s and 8 s started on time with no server to ask.
      for (const id of ['bed-1#2', 'bed-1#3']) {
        const s = during.starts.find((x) => x.key === `${plan.date}/${id}`);
        expect(s, id).toBeDefined();
        expect(Math.abs(s!.actualMs - s!.plannedMs)).toBeLessThan(150);
      }
      expect(await page.getByTestId('connection').textContent()).not.toContain('已连接');

      server = await spawnServer(dataDir, { PORT: port });
      // Back in touch: the player reconnects by itself (with backoff) and uploads its log.
      await page.waitForFunction(
        () => {
          const g = globalThis as unknown as Page & {
            document: {
              querySelector(s: string): { shadowRoot: { textContent: string } | null } | null;
            };
          };
          const text = g.document.querySelector('dc-player-app')?.shadowRoot?.textContent ?? '';
          return g.__deskcast.log.pending === 0 && text.includes('已连接');
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
