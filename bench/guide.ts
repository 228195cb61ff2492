import type { Browser } from 'playwright-core';
import type { MerchantData } from '../server/merchants/store.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { startBenchServer, type BenchServer } from './bench-server.ts';
import { formatLatency, summarise } from './stats.ts';

const MERCHANTS = 2000;
const LOADS = 5;
const ROUNDS = 3;
/** What shoppers type, one key at a time: full pinyin, initials, brands, typos, units. */
const QUERIES = [
  'lantingshafa',
  'ltsf',
  'senyudiban',
  'syd',
  'photonlighting',
  'photn',
  'ikae',
  'cloudsaet',
  'a210',
  'mlzj',
];

const SYLLABLES =
  '兰亭木白佳乐鹿米安眠森域瓷韵清泉静厨焰顾雅云林左曲红华宜索慕喜罗富梦金布良特光星海美西悠茶味快';
const KINDS = ['家居', '沙发', '灯饰', '地板', '卫浴', '家纺', '门窗', '电器', '软装', '橱柜'];
const CATEGORIES = [
  'furniture',
  'lighting',
  'flooring',
  'bathroom',
  'bedding',
  'doors',
  'appliances',
  'decor',
] as const;

/** 2,000 shops with names like the mall's (two or three characters, then what they sell). */
function crowd(): MerchantData[] {
  const chars = [...SYLLABLES];
  return Array.from({ length: MERCHANTS }, (_, i) => {
    const a = chars[i % chars.length] as string;
    const b = chars[(i * 7 + 3) % chars.length] as string;
    const kind = KINDS[i % KINDS.length] as string;
    const floor = `${(i % 4) + 1}F`;
    return {
      name: `${a}${b}${kind}${i + 1}号店`,
      nameLatin: `BRAND ${a.codePointAt(0)?.toString(36).toUpperCase()} ${i + 1}`,
      pinyin: null,
      floor,
      unit: `${'CABD'[i % 4]}${(i % 4) + 1}${String(i % 100).padStart(2, '0')}`,
      category: CATEGORIES[i % CATEGORIES.length] as MerchantData['category'],
      opens: null,
      closes: null,
      phone: null,
      contact: null,
      description: null,
    };
  });
}

/** A guide screen's token, standing at the 1F entrance. */
function guideScreen(server: BenchServer): string {
  const { ctx } = server;
  const { device, token } = ctx.auth.createDevice('bench-guide', 'guide', ctx.now());
  ctx.guide.screens.setHere(device.id, '1f-entrance', 'bench', ctx.now());
  return token;
}

/** Cold cache: a new browser context each time, from navigation to the directory on screen. */
async function firstRender(browser: Browser, url: string, token: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${url}/guide?token=${token}`);
    await page
      .locator('dc-guide-directory [data-testid=results] [data-merchant]')
      .first()
      .waitFor();
    times.push(performance.now() - t0);
    await context.close();
  }
  return times;
}

/**
 * Each tap on the on-screen keyboard, timed in the page from the tap to the results drawn
 * (search over every merchant, then Lit's update of the directory).
 */
async function keystrokes(browser: Browser, url: string, token: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // tsx names the functions it compiles with a helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}/guide?token=${token}`);
  await page.locator('dc-guide-directory [data-testid=results]').waitFor();
  const times = await page.evaluate(
    async ({ queries, rounds }) => {
      interface Node {
        shadowRoot: Node | null;
        querySelector(
          s: string,
        ): (Node & { click(): void; updateComplete: Promise<unknown> }) | null;
      }
      const doc = (globalThis as unknown as { document: Node }).document;
      const app = doc.querySelector('dc-guide-app');
      const dir = app?.shadowRoot?.querySelector('dc-guide-directory');
      const keyboard = dir?.shadowRoot?.querySelector('dc-guide-keyboard');
      const key = (k: string) => keyboard?.shadowRoot?.querySelector(`button[data-key="${k}"]`);
      const out: number[] = [];
      for (let r = 0; r < rounds; r++)
        for (const q of queries) {
          for (const ch of q) {
            const t0 = performance.now();
            key(ch)?.click();
            await dir?.updateComplete;
            out.push(performance.now() - t0);
          }
          key('Clear')?.click();
          await dir?.updateComplete;
        }
      return out;
    },
    { queries: QUERIES, rounds: ROUNDS },
  );
  await context.close();
  return times;
}

/** `npm run bench`: the guide screen's search per keystroke over 2,000 shops, and its first render. */
export async function benchGuide(): Promise<void> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const token = guideScreen(server);
    const demo = summarise(await firstRender(browser, server.url, token));
    server.ctx.merchants.apply(
      crowd().map((data) => ({ kind: 'create', data })),
      'bench',
      server.ctx.now(),
    );
    const big = summarise(await firstRender(browser, server.url, token));
    const keys = summarise(await keystrokes(browser, server.url, token));
    const data = await fetch(`${server.url}/api/guide`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const kb = Math.round((await data.arrayBuffer()).byteLength / 1024);
    console.log('guide screen (Chromium, loopback)');
    console.log(
      `  search per keystroke, ${MERCHANTS + 5} merchants, ${keys.count} taps: ${formatLatency(keys)} (target p99 < 16 ms)`,
    );
    console.log(`  first render, cold cache, 5 merchants:     ${formatLatency(demo)}`);
    console.log(
      `  first render, cold cache, ${MERCHANTS + 5} merchants:  ${formatLatency(big)} (GET /api/guide ${kb} KB)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
