import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { scratchSchedules } from '../helpers/schedules-copy.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let guide: string;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  const schedules = await scratchSchedules();
  const file = join(schedules, 'queue.yaml');
  const yaml = (await readFile(file, 'utf8')).replace(
    /hours: \{[^}]*\}/g,
    "hours: { from: '00:00', until: '24:00' }",
  );
  await writeFile(file, yaml);
  server = await startServer({ SCHEDULES_DIR: schedules });
  cast = await withCast(server);
  guide = (await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' })).body
    .token as string;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('ticket machine /take', () => {
  it('gets the ticket already issued when the answer to a tap is lost, not a second one', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (globalThis as unknown as { print(): void }).print = () => undefined;
    });
    // The first take reaches the server, which stores the ticket; its answer never arrives
    // (the server was killed after writing the row, or the network dropped it).
    const keys: string[] = [];
    let lost = 0;
    await page.route('**/api/queue/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.goto(`${server.url}/take?token=${guide}`);
    const enquiry = page.locator('dc-take-services button[data-service=enquiry]');
    await enquiry.click();
    const code = page.locator('[data-testid=ticket-code]');
    await code.waitFor({ timeout: 15_000 });
    expect((await code.textContent())?.trim()).toBe('A001');
    // Sent twice with one key; one ticket stored, the one on the screen.
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^take-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const waiting = (await cast.desk.get('/api/queue/waiting')).body.tickets as { code: string }[];
    expect(waiting.map((t) => t.code)).toEqual(['A001']);
    await context.close();
  }, 60_000);
});
