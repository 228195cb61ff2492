import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { setValue } from '../kiosk/src/console/program/yaml-edit.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { Client } from '../test/helpers/server.ts';
import { startBenchServer } from './bench-server.ts';
import { openPlayer } from './player-page.ts';
import { summarise } from './stats.ts';

const SAVES = 20;
const SLOT = 'welcome-music';
/** The seed's range for the welcome music (volume.yaml: welcome-farewell). */
const LEVELS = [21, 22, 23, 24];

/** The player's plans, reached through its element as bench/player-page.ts reaches its insides. */
type PlayerGlobal = {
  document: {
    querySelector(tag: 'dc-player-app'): {
      _c?: { plans?: { plans: { items: { slot: string; volume: number }[] }[] } };
    } | null;
  };
};

/** The level the player's plan of today holds for the slot, or undefined before it has one. */
const levelOnPage = (page: Page) =>
  page.evaluate((slot) => {
    const plans = (globalThis as unknown as PlayerGlobal).document.querySelector('dc-player-app')
      ?._c?.plans?.plans;
    return plans?.[0]?.items.find((i) => i.slot === slot)?.volume;
  }, SLOT);

/**
 * Resolves, in the page, at the first check that finds the slot at `level` in today's plan,
 * with the epoch time then (the page and the bench share this machine's clock).
 */
const seen = (page: Page, level: number) =>
  page
    .waitForFunction(
      ({ slot, level }) => {
        const plans = (globalThis as unknown as PlayerGlobal).document.querySelector(
          'dc-player-app',
        )?._c?.plans?.plans;
        const item = plans?.[0]?.items.find((i) => i.slot === slot);
        return item?.volume === level ? performance.timeOrigin + performance.now() : false;
      },
      { slot: SLOT, level },
      { polling: 2, timeout: 15_000 },
    )
    .then((h) => h.jsonValue() as Promise<number>);

const fmt = (s: ReturnType<typeof summarise>) =>
  `p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;

/**
 * Save to plan on the running server: an announcer changes a slot's level (the edit the
 * console's form makes), PUT /api/program, and a connected player page has the new plan
 * (the server's plan-changed event, the player's GET of today's plan, its plans replaced).
 */
export async function benchConsoleSave(): Promise<void> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const admin = await new Client(server.url).login('admin', 'bench-admin-password');
    const player = await openPlayer(browser, server.url, server.token);
    await player.waitForFunction(
      (slot) =>
        (globalThis as unknown as PlayerGlobal).document
          .querySelector('dc-player-app')
          ?._c?.plans?.plans[0]?.items.some((i) => i.slot === slot),
      SLOT,
      { timeout: 20_000 },
    );
    let level = await levelOnPage(player);
    const toPlan: number[] = [];
    const put: number[] = [];
    const preview: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const next = LEVELS.filter((l) => l !== level)[i % (LEVELS.length - 1)] as number;
      const { yaml, revision } = (await admin.get('/api/program')).body;
      const edited = setValue(yaml as string, ['slots', SLOT, 'volume'], next);
      const p0 = performance.now();
      const p = await admin.post('/api/program/preview', { program: edited });
      preview.push(performance.now() - p0);
      if (p.status !== 200 || p.body.errors.length) throw new Error(`preview: ${p.text}`);
      const onPage = seen(player, next);
      const t0 = performance.timeOrigin + performance.now();
      const r = await admin.put('/api/program', {
        yaml: edited,
        note: `bench ${i}`,
        baseRevision: revision,
      });
      put.push(performance.timeOrigin + performance.now() - t0);
      if (r.status !== 200) throw new Error(`save: ${r.status} ${r.text}`);
      toPlan.push((await onPage) - t0);
      level = next;
    }
    console.log(
      `console save → player plan: ${SAVES} saves of ${SLOT}'s level (PUT /api/program, 7 days checked) until a connected /player page holds the new plan`,
    );
    console.log(`  PUT → player has the plan ${fmt(summarise(toPlan))}`);
    console.log(`  PUT answered               ${fmt(summarise(put))}`);
    console.log(`  preview of the edit (POST /api/program/preview) ${fmt(summarise(preview))}`);
    const ratio = summarise(toPlan).p50 / summarise(put).p50;
    console.log(`  save-to-plan is ${ratio.toFixed(2)}× the PUT alone (p50)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npx tsx bench/console-save.ts` runs this bench alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await benchConsoleSave();
