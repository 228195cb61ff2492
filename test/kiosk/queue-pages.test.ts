import { serve, type ServerType } from '@hono/node-server';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { createContext, type AppContext } from '../../server/context.ts';
import { createLogger } from '../../server/log.ts';
import { launchChromium } from '../helpers/browser.ts';
import { listenToAudio, played, type Heard } from '../helpers/queue-audio.ts';
import { scratchSchedules } from '../helpers/schedules-copy.ts';
import {
  ADMIN_PASSWORD,
  startServer,
  withCast,
  type Json,
  type TestServer,
} from '../helpers/server.ts';

/** Where the screenshots go (to look at the pages): QUEUE_SHOTS, or a temp folder. */
const SHOTS = process.env.QUEUE_SHOTS ?? join(tmpdir(), 'deskcast-queue-shots');

let server: TestServer & { outage(during: () => Promise<void>): Promise<void> };
let cast: Awaited<ReturnType<typeof withCast>>;
let guide: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startRestartableServer({
    SCHEDULES_DIR: await allDaySchedules(),
    ...(await voicePackMedia()),
  });
  cast = await withCast(server);
  guide = (await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' })).body
    .token as string;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

interface OpenOptions {
  /** The browser to open it in: the shared one unless a test needs another (no autoplay). */
  from?: Browser;
  /** The server to open it on. */
  base?: string;
  /** Runs before the page loads (listeners, a fake clock). */
  prepare?: (page: Page) => Promise<void>;
}

/** A page in its own browser context (no shared storage), at a screen's size. */
async function open(
  path: string,
  viewport: { width: number; height: number },
  { from = browser, base = server.url, prepare }: OpenOptions = {},
): Promise<Page> {
  const context = await from.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error on ${path}:`, e.message));
  // Headless Chromium's print() holds the page "being printed"; count the calls instead.
  await page.addInitScript(() => {
    const g = globalThis as unknown as { print(): void; __printed?: number };
    g.print = () => {
      g.__printed = (g.__printed ?? 0) + 1;
    };
  });
  await prepare?.(page);
  await page.goto(`${base}${path}`);
  return page;
}

/** A calling board, and what its browser plays, recorded from the first sound on. */
async function openBoard(
  options: OpenOptions & { token?: string } = {},
): Promise<{ board: Page; heard: Heard[] }> {
  let heard: Heard[] = [];
  const board = await open(
    `/board?token=${options.token ?? guide}`,
    { width: 1920, height: 1080 },
    {
      ...options,
      prepare: async (page) => {
        heard = await listenToAudio(page);
        await options.prepare?.(page);
      },
    },
  );
  await board.locator('[data-testid=waiting]').waitFor();
  await board.locator('[data-testid=reconnecting]').waitFor({ state: 'detached' });
  return { board, heard };
}

async function openCounter(number: number): Promise<Page> {
  // A desk PC's small screen.
  const counter = await open('/counter', { width: 800, height: 600 });
  await counter.locator('#u').fill('desk1');
  await counter.locator('#p').fill('desk1-password');
  await counter.getByRole('button', { name: /登录/ }).click();
  await counter.locator(`dc-counter-open button[data-counter="${number}"]`).click();
  // A counter already open by an earlier test's page (another sign-in) is taken over, as
  // the page asks; one open by this sign-in goes straight to work.
  const next = counter.locator('button[data-action=call-next]');
  const openIt = counter.locator('[data-testid=open-counter]');
  const takeOver = counter.locator('[data-testid=takeover-counter]');
  await next.or(openIt).or(takeOver).first().waitFor();
  if (await openIt.isVisible()) await openIt.click();
  else if (await takeOver.isVisible()) await takeOver.click();
  await next.waitFor();
  return counter;
}

/** The clips that have played to their end on a board, in the order they sounded. */
const clipsHeard = (heard: readonly Heard[]) => played(heard).map((h) => h.clip);

/** Waits until a board has played `clips`' last three (a call's end, unlike any digit). */
const heardTo = (heard: readonly Heard[], clips: readonly string[], timeout: number) =>
  expect.poll(() => clipsHeard(heard).slice(-3), { timeout }).toEqual(clips.slice(-3));

/** What a call of `code` to counter `n` says, clip by clip (digits one by one). */
const expectedClips = (code: string, n: number) => [
  'chime',
  'zh/qing',
  ...[...code].map((ch) => `zh/${ch}`),
  'zh/hao-guke',
  'zh/dao',
  `zh/${n}`,
  'zh/hao-chuangkou',
  'en/ticket',
  ...[...code].map((ch) => `en/${ch}`),
  'en/please-go-to',
  'en/counter',
  `en/${n}`,
];

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

describe('front-desk queue pages', () => {
  it('takes a ticket on /take, calls it from /counter, shows it on /board and speaks it', async () => {
    const { board, heard } = await openBoard();
    const take = await open(`/take?token=${guide}`, { width: 1920, height: 1080 });
    const services = take.locator('dc-take-services');
    await services.locator('button[data-service=enquiry]').waitFor();
    // A service outside its hours cannot be picked, and says when it takes tickets.
    const closed = services.locator('button[data-service=prize]');
    await expect.poll(() => closed.isDisabled()).toBe(true);
    expect(await closed.textContent()).toContain('办理时间 00:00–00:00');
    await shot(take, 'take-services');

    await services.locator('button[data-service=enquiry]').click();
    const code = (await take.locator('[data-testid=ticket-code]').textContent())?.trim() ?? '';
    expect(code).toMatch(/^A\d{3}$/);
    expect(await take.locator('[data-testid=ticket-ahead]').textContent()).toContain('0 人');
    const link = (await take.locator('img.qr').getAttribute('data-link')) ?? '';
    expect(link).toMatch(new RegExp(`^${server.url}/ticket/[\\w-]+$`));
    // Printed once, as soon as the ticket (with its QR code) was on the page.
    await expect
      .poll(() => take.evaluate(() => (globalThis as { __printed?: number }).__printed))
      .toBe(1);
    await shot(take, 'take-ticket');
    await printedTicketFits80mm(take);

    // The customer's phone follows the ticket.
    const phone = await open(new URL(link).pathname, { width: 390, height: 844 });
    await expect.poll(() => phone.locator('[data-testid=code]').textContent()).toBe(code);
    expect(await phone.locator('[data-testid=position]').textContent()).toContain('下一位就是您');

    const counter = await openCounter(2);
    await counter.locator('button[data-action=call-next]').click();
    await expect.poll(() => counter.locator('[data-testid=current-code]').textContent()).toBe(code);
    await shot(counter, 'counter-called', true);

    // On the board: large and blinking, on counter 2's card, first of the recent calls.
    await board.locator('[data-testid=flash-code]', { hasText: code }).waitFor();
    expect(await board.locator('dc-board-flash').getAttribute('blinking')).not.toBeNull();
    await expect
      .poll(() => board.locator('[data-counter="2"] .current').textContent())
      .toContain(code);
    expect(await board.locator('[data-testid=recent] tr').first().textContent()).toContain(code);
    await shot(board, 'board-call');

    // Heard: chime, "请 A 0 0 1 号顾客 到 二 号窗口", then English; each clip starting on the
    // audio clock where the one before it runs out.
    await expect.poll(() => clipsHeard(heard), { timeout: 15_000 }).toEqual(expectedClips(code, 2));
    const spoken = played(heard);
    for (let i = 1; i < spoken.length; i++)
      expect(Math.abs(spoken[i]!.from - spoken[i - 1]!.to), spoken[i]!.clip).toBeLessThan(0.005);

    // The phone now says where to go.
    await expect
      .poll(() => phone.locator('[data-testid=position]').textContent(), { timeout: 10_000 })
      .toContain('请到 2号窗口');
    await shot(phone, 'phone-called', true);

    // The blinking stops after a few seconds; the number stays.
    await board.locator('dc-board-flash[blinking]').waitFor({ state: 'detached', timeout: 12_000 });
    expect(await board.locator('[data-testid=flash-code]').textContent()).toBe(code);

    // The ticket machine went back to the service buttons by itself for the next person.
    await services.locator('button[data-service=enquiry]').waitFor({ timeout: 15_000 });
  }, 90_000);

  it('speaks two calls made at the same instant one after the other, never over each other', async () => {
    const { heard } = await openBoard();
    await cast.desk.post('/api/queue/counters/2/start');
    await cast.desk.post('/api/queue/counters/2/finish', { category: '商场导购' });
    await cast.desk.post('/api/queue/counters/1/open', { services: ['enquiry', 'complaint'] });
    const a = (await cast.desk.post('/api/queue/tickets', { service: 'enquiry' })).body.ticket;
    const b = (await cast.desk.post('/api/queue/tickets', { service: 'complaint' })).body.ticket;
    const [r1, r2] = await Promise.all([
      cast.desk.post('/api/queue/counters/1/call-next'),
      cast.desk.post('/api/queue/counters/2/call-next'),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const codes = [r1.body.ticket.code as string, r2.body.ticket.code as string].sort();
    expect(codes).toEqual([a.code, b.code].sort());

    const counterOf = (c: string) => (c === r1.body.ticket.code ? 1 : 2);
    const [x, y] = codes.map((c) => expectedClips(c, counterOf(c))) as [string[], string[]];
    await expect
      .poll(() => clipsHeard(heard).length, { timeout: 40_000, interval: 500 })
      .toBeGreaterThanOrEqual(x.length + y.length);
    // One whole call, then the other: whichever the board was told of first.
    const clips = clipsHeard(heard);
    expect([
      [...x, ...y],
      [...y, ...x],
    ]).toContainEqual(clips);
    const sounds = played(heard);
    for (let i = 1; i < sounds.length; i++)
      expect(sounds[i]!.from, sounds[i]!.clip).toBeGreaterThan(sounds[i - 1]!.to - 0.005);
    // The second call starts only after the first has ended, with a pause between them.
    const n = (clips.slice(0, x.length).join() === x.join() ? x : y).length;
    expect(sounds[n]!.from - sounds[n - 1]!.to).toBeGreaterThan(0.3);
  }, 90_000);

  it('asks the customer for a rating on the board when the counter finishes, and records the tap', async () => {
    const { board } = await openBoard();
    const counter = await openCounter(3);
    // A customer without a ticket: the clerk takes one for them, then calls it.
    const takeFor = counter.locator('dc-counter-take');
    await takeFor.locator('#svc').selectOption('complaint');
    await takeFor.locator('button[data-action=take]').click();
    const taken = (await takeFor.locator('[data-testid=taken-code]').textContent())?.trim();
    expect(taken).toMatch(/^B\d{3}$/);
    // A double click sends one call, not two (the second would meet a busy counter).
    const calls: string[] = [];
    counter.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/call-next')) calls.push(r.url());
    });
    // Two clicks in the same task, before the page can even redraw the button as disabled.
    await counter.locator('button[data-action=call-next]').evaluate((button: { click(): void }) => {
      button.click();
      button.click();
    });
    await expect
      .poll(() => counter.locator('[data-testid=current-code]').textContent())
      .toBe(taken);
    expect(calls).toHaveLength(1);
    expect(await counter.locator('[data-testid=flash]').textContent()).toContain(
      `已呼叫：${taken}`,
    );
    await counter.locator('button[data-action=start]').click();
    const finish = counter.locator('dc-counter-finish');
    await finish.waitFor();
    const list = (await cast.desk.get('/api/queue/counters')).body as Json;
    const current = (list.counters as Json[]).find((k) => k.number === 3)?.current as Json;
    expect(current.status).toBe('serving');
    await finish.locator('select').selectOption('投诉登记');
    await finish.locator('textarea').fill('已转交物业部，三天内回电');
    await shot(counter, 'counter-finish', true);
    await finish.locator('button[data-action=finish]').click();
    await counter.locator('[data-testid=flash]', { hasText: '已完成' }).waitFor();

    const prompt = board.locator('dc-board-rating');
    await prompt.waitFor();
    expect(await prompt.locator('h2').textContent()).toContain('3号窗口');
    await shot(board, 'board-rating');
    await prompt.locator('button[data-rating=satisfied]').click();
    await prompt.getByText('谢谢您的评价').waitFor();
    const t = (await cast.desk.get(`/api/queue/tickets/${current.id}`)).body.ticket as Json;
    expect(t).toMatchObject({
      status: 'done',
      category: '投诉登记',
      note: '已转交物业部，三天内回电',
      rating: 'satisfied',
    });
    await prompt.waitFor({ state: 'detached', timeout: 10_000 });
  }, 60_000);

  it('says it is reconnecting while the server is away, and shows what changed meanwhile', async () => {
    const { board } = await openBoard();
    const waitingEnquiry = () =>
      board.locator('[data-testid=waiting] tr[data-service=enquiry] .code').textContent();
    const before = Number(await waitingEnquiry());
    await server.outage(async () => {
      await board.locator('[data-testid=reconnecting]').waitFor();
      await shot(board, 'board-reconnecting');
      server.ctx.queue.take({ service: 'enquiry', priority: 'normal', source: 'api' }, 'test');
    });
    await board
      .locator('[data-testid=reconnecting]')
      .waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(async () => Number(await waitingEnquiry())).toBe(before + 1);
  }, 60_000);

  it('drops a call still unspoken 90 s after it was made, and speaks the next once sound is on', async () => {
    // A board whose browser blocks sound (no autoplay flag), on a clock the test can move.
    // Nothing may page.evaluate before the tap: it counts as a user gesture.
    const quiet = await launchChromium({ autoplay: false });
    try {
      const { board, heard } = await openBoard({
        from: quiet,
        prepare: (page) => page.clock.install(),
      });
      const overlay = board.getByTestId('enable-sound');
      await overlay.waitFor();
      // Two calls while the hall hears nothing: the first waits for sound, the second behind it.
      const first = await callNew(4, 'return');
      await board.locator('[data-testid=flash-code]', { hasText: first }).waitFor();
      const second = await callNew(5, 'return');
      await board.locator('[data-testid=flash-code]', { hasText: second }).waitFor();

      // 100 s go by on the board's clock. The timers that fire run the caller on to its next
      // decision before fastForward returns: it gives the first call up and drops the second.
      await board.clock.fastForward(100_000);
      // Back to the server's time (timers keep their place), so the next call is fresh.
      await board.clock.setSystemTime(Date.now());
      expect(await overlay.isVisible()).toBe(true); // still no sound, or the case proves nothing

      await overlay.getByRole('button').click(); // someone taps at last
      await overlay.waitFor({ state: 'detached' });
      const next = await callNew(6, 'return');
      await heardTo(heard, expectedClips(next, 6), 40_000);
      // Heard: the call made after the tap, and nothing of the two that went stale.
      expect(clipsHeard(heard)).toEqual(expectedClips(next, 6));
    } finally {
      await quiet.close();
    }
  }, 60_000);
});

describe('calling board: the screen and the voice agree', () => {
  /** What the board's voice is saying now: the code of the call (the page's own view). */
  const speaking = (board: Page) =>
    board.evaluate(
      () => (globalThis as { __deskcastBoard?: { speaking?: string } }).__deskcastBoard?.speaking,
    );
  /** The code on the board's large panel, if any. */
  const flashCode = async (board: Page) => {
    const code = board.locator('[data-testid=flash-code]');
    return (await code.count()) ? ((await code.textContent()) ?? '').trim() : undefined;
  };

  it('shows each of three calls made at once large while it is spoken, the others as next', async () => {
    const { board, heard } = await openBoard();
    for (const n of [1, 2, 3]) await freeCounter(n);
    for (let i = 0; i < 3; i++) await cast.desk.post('/api/queue/tickets', { service: 'enquiry' });
    const calls = await Promise.all(
      [1, 2, 3].map((n) => cast.desk.post(`/api/queue/counters/${n}/call-next`)),
    );
    expect(calls.map((r) => r.status)).toEqual([200, 200, 200]);
    const counterOf = new Map(calls.map((r, i) => [r.body.ticket.code as string, i + 1]));
    expect(counterOf.size).toBe(3);

    const spoken: string[] = [];
    for (let turn = 0; turn < 2; turn++) {
      // The next call the voice starts on.
      await expect
        .poll(() => speaking(board), { timeout: 30_000, interval: 100 })
        .toSatisfy((c: string | undefined) => !!c && !spoken.includes(c));
      const code = (await speaking(board)) as string;
      spoken.push(code);
      // Large on the screen while the voice says it (said before and after the look).
      await expect.poll(() => flashCode(board), { interval: 100 }).toBe(code);
      expect(await speaking(board)).toBe(code);
      // And what the hall hears is that call: the clips started since the last call ended
      // are the start of its sentence.
      const mine = expectedClips(code, counterOf.get(code) as number);
      const since = heard
        .slice()
        .sort((a, b) => a.from - b.from)
        .slice(spoken.slice(0, -1).reduce((k, c) => k + expectedClips(c, 1).length, 0))
        .map((h) => h.clip);
      expect(since.length).toBeGreaterThan(0);
      expect(mine.slice(0, since.length)).toEqual(since);
      // The calls still to come are shown small, as next.
      if (turn === 0) {
        const next = ((await board.locator('[data-testid=next]').textContent()) ?? '').trim();
        for (const other of counterOf.keys()) if (other !== code) expect(next).toContain(other);
      }
    }
    expect(spoken).toHaveLength(2);
  }, 90_000);

  it('takes a call that is over off the large panel: a no-show, and a finished visit', async () => {
    const { board } = await openBoard();
    for (const end of ['no-show', 'finish'] as const) {
      await freeCounter(4);
      const code = await callNew(4, 'return');
      await board.locator('[data-testid=flash-code]', { hasText: code }).waitFor();
      if (end === 'finish') await cast.desk.post('/api/queue/counters/4/start');
      const r = await cast.desk.post(
        `/api/queue/counters/4/${end}`,
        end === 'finish' ? { category: '其他' } : undefined,
      );
      expect(r.status).toBe(200);
      // Gone from the large panel, though it is the newest call and may still be spoken.
      await expect.poll(() => flashCode(board)).not.toBe(code);
      expect(await board.locator('[data-counter="4"] .current').textContent()).toContain('—');
      // Still listed as called, small, among the recent calls.
      expect(await board.locator('[data-testid=recent]').textContent()).toContain(code);
    }
  }, 60_000);
});

/** Counter `n` with nothing called: its called or served ticket finished. */
async function freeCounter(n: number): Promise<void> {
  const list = (await cast.desk.get('/api/queue/counters')).body as Json;
  const current = (list.counters as Json[]).find((k) => k.number === n)?.current as
    Json | undefined;
  if (current?.status === 'called') await cast.desk.post(`/api/queue/counters/${n}/start`);
  if (current) await cast.desk.post(`/api/queue/counters/${n}/finish`, { category: '其他' });
  await cast.desk.post(`/api/queue/counters/${n}/open`, {
    services: ['enquiry', 'return'],
    // An earlier test's /counter page may hold it: this test takes it over, as a desk would.
    takeover: true,
  });
}

describe('calling board with a voice pack that lacks a clip', () => {
  let lacking: TestServer;
  let lackingCast: Awaited<ReturnType<typeof withCast>>;
  let lackingGuide: string;
  beforeAll(async () => {
    lacking = await startServer({
      SCHEDULES_DIR: await allDaySchedules(),
      ...(await voicePackMedia('zh/C')),
    });
    lackingCast = await withCast(lacking);
    lackingGuide = (
      await lackingCast.admin.post('/api/devices', { name: 'guide-2', kind: 'guide' })
    ).body.token as string;
  }, 60_000);
  afterAll(() => lacking?.close());

  it("speaks the Mandarin through the server's speech synthesis, then the English from the pack", async () => {
    const speech: { status: number; text: string | null; url?: string }[] = [];
    const { heard } = await openBoard({
      base: lacking.url,
      token: lackingGuide,
      prepare: async (page) => {
        page.on('response', async (res) => {
          const url = new URL(res.url());
          if (url.pathname !== '/api/speech') return;
          const body = (await res.json().catch(() => ({}))) as { url?: string };
          speech.push({ status: res.status(), text: url.searchParams.get('text'), ...body });
        });
      },
    });
    const code = await callNew(1, 'return', lackingCast);
    expect(code).toMatch(/^C\d{3}$/);

    const english = expectedClips(code, 1).filter((c) => c.startsWith('en/'));
    await heardTo(heard, english, 30_000);
    // The whole Mandarin sentence, not the pack's clips around the missing one.
    expect(speech.map((s) => [s.status, s.text])).toEqual([[200, `请${code}号顾客到1号窗口`]]);
    const rendered = new URL(speech[0]!.url!, lacking.url).pathname;
    expect(clipsHeard(heard)).toEqual(['chime', rendered, ...english]);
    const sentence = played(heard)[1]!;
    expect(sentence.to - sentence.from).toBeGreaterThan(1); // a spoken sentence, not a blip
  }, 60_000);
});

/** Opens counter `n` for `service`, takes a ticket there and calls it: its code. */
async function callNew(n: number, service: string, on = cast): Promise<string> {
  const opened = await on.desk.post(`/api/queue/counters/${n}/open`, { services: [service] });
  expect(opened.status).toBe(200);
  const taken = await on.desk.post('/api/queue/tickets', { service });
  expect(taken.status).toBe(201);
  const called = await on.desk.post(`/api/queue/counters/${n}/call-next`);
  expect(called.status).toBe(200);
  expect(called.body.ticket.code).toBe(taken.body.ticket.code);
  return called.body.ticket.code as string;
}

/** The print layout: one page, 80 mm wide, no longer than the ticket needs. */
async function printedTicketFits80mm(take: Page): Promise<void> {
  const pdf = (await take.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/MediaBox\s*\[([^\]]+)\]/g)].map((m) =>
    (m[1] as string)
      .trim()
      .split(/\s+/)
      .map((v) => (Number(v) / 72) * 25.4),
  );
  expect(boxes).toHaveLength(1);
  const [, , width, height] = boxes[0] as number[];
  expect(width).toBeCloseTo(80, 0);
  expect(height).toBeGreaterThan(80);
  expect(height).toBeLessThan(160);
  await take.emulateMedia({ media: 'print' });
  await take.setViewportSize({ width: 302, height: 640 }); // 80 mm at 96 dpi
  await shot(take, 'take-print', true);
  await take.emulateMedia({ media: 'screen' });
  await take.setViewportSize({ width: 1920, height: 1080 });
}

/** The shipped queue.yaml with every service open all day but one (closed all day). */
async function allDaySchedules(): Promise<string> {
  const dir = await scratchSchedules();
  const file = join(dir, 'queue.yaml');
  const yaml = (await readFile(file, 'utf8'))
    .replace(/hours: \{[^}]*\}/g, "hours: { from: '00:00', until: '24:00' }")
    .replace(/(id: prize[\s\S]*?)hours: \{[^}]*\}/, "$1hours: { from: '00:00', until: '00:00' }");
  await writeFile(file, yaml);
  return dir;
}

/**
 * The media folder and its voice pack: the repo's as it is, or a copy of it when the pack is
 * not made yet (made now) or when a clip must be missing from it.
 */
async function voicePackMedia(without?: string): Promise<Record<string, string>> {
  if (existsSync('media/voice/chime.wav') && !without) return {};
  const dir = await mkdtemp(join(tmpdir(), 'deskcast-media-'));
  await cp('media', dir, { recursive: true });
  if (!existsSync(join(dir, 'voice', 'chime.wav')))
    await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'server/queue/voice-pack-cli.ts',
      join(dir, 'voice'),
    ]);
  // Not forced: a clip that is not there to remove would make the test prove nothing.
  if (without) await rm(join(dir, 'voice', `${without}.wav`));
  return { MEDIA_DIR: dir };
}

/**
 * A real server like startServer's, which can also go away for a moment and come back on the
 * same address with the same state (a network drop, a restart), to test the board's recovery.
 */
async function startRestartableServer(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-data-'));
  const read = readConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...env });
  if ('errors' in read) throw new Error(read.errors.join('; '));
  const ctx: AppContext = await createContext(read.config, createLogger('silent'));
  const app = createApp(ctx);
  const listen = (port: number) =>
    new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
  const down = (s: ServerType) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      if ('closeAllConnections' in s) s.closeAllConnections();
    });
  let http = await listen(0);
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    dataDir,
    async outage(during: () => Promise<void>) {
      await down(http);
      await during();
      http = await listen(port);
    },
    async close() {
      ctx.closeStreams();
      await down(http);
      ctx.destroy();
    },
  };
}
