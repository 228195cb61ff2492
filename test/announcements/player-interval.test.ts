import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioTap, Span } from '../helpers/audio-tap.ts';
import { clockSynced, launchChromium, listeningPage } from '../helpers/browser.ts';
import {
  setCompressedProgram,
  TEST_PITCHES,
  TONE_HZ,
  uploadTestTones,
} from '../helpers/compressed-program.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// Judged by what the player page sends to its speakers (the tap), and by the as-played log the
// server then holds; never by the page's account of itself.

const ANNOUNCEMENT_HZ = TONE_HZ['test/announce-700'] as number;
const MUSIC_HZ = [440, 550];
/** How far a repeat may begin from an interval after the play before it ended. */
const GAP_MS = 400;

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const soon = (seconds: number) => Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000;

/** The music's level (its louder tone) over a span, dB re. full scale. */
function musicDb(tap: AudioTap, from: number, to: number): number {
  const db = tap
    .heard(from, to)
    .map((h) => 20 * Math.log10(Math.max(...MUSIC_HZ.map((hz) => tap.amp(h, hz)), 1e-9)))
    .sort((a, b) => a - b);
  return db[Math.floor(db.length / 2)] ?? Number.NaN;
}

/** The 700 Hz recording, announced now with this many plays and this pause between them. */
async function announce(priority: string, repeat: number, intervalS: number) {
  const r = await cast.desk.post('/api/announcements', {
    mediaId: 'test/announce-700',
    priority,
    repeat,
    intervalS,
  });
  expect(r.status).toBe(201);
  return { id: r.body.id as number, at: Date.now() };
}

async function logOf(id: number): Promise<Json[]> {
  const plays = (await cast.desk.get('/api/plays?kind=announcement&limit=1000')).body
    .plays as Json[];
  return plays.filter((p) => p.announcementId === id);
}

const show = (spans: Span[], t0: number) =>
  spans.map((s) => `${((s.from - t0) / 1000).toFixed(2)}–${((s.to - t0) / 1000).toFixed(2)}`);

describe('the pause between the plays of an announcement', () => {
  it('is kept by the player: the program comes back in a long one, stays down in a short one', async () => {
    const t0 = soon(10);
    await setCompressedProgram(cast.admin, t0, [
      { slot: 'background', id: 'bed', from: 0, until: 45 },
    ]);
    const { page, tap } = await listeningPage(browser, TEST_PITCHES);
    await page.goto(`${server.url}/player?token=${cast.device.bearer}`);
    await clockSynced(page);
    await tap.heardUntil(t0 + 4000);
    const fullDb = musicDb(tap, t0 + 2000, t0 + 3800);
    expect(fullDb, 'the premise: music is playing').toBeGreaterThan(-40);

    // Eight seconds apart: two separate plays, with the music back at full level between them.
    const long = await announce('urgent', 2, 8);
    await tap.heardUntil(long.at + 16_000);
    const plays = tap.sounding(ANNOUNCEMENT_HZ, long.at, long.at + 16_000);
    expect(show(plays, t0), 'two plays of the recording').toHaveLength(2);
    const [first, second] = plays as [Span, Span];
    const gap = second.from - first.to;
    expect(Math.abs(gap - 8000), `a pause of ${gap.toFixed(0)} ms`).toBeLessThan(GAP_MS);
    const between = musicDb(tap, first.to + 1500, second.from - 1500);
    expect(Math.abs(between - fullDb), `music at ${between} dB, ${fullDb} dB before`).toBeLessThan(
      1.5,
    );
    expect(fullDb - musicDb(tap, first.from + 300, first.to - 300)).toBeGreaterThan(9);

    // Both plays are in the log, the second planned an interval after the first ended.
    await expect
      .poll(async () => (await logOf(long.id)).map((p) => `${p.itemId}:${p.status}`), {
        timeout: 15_000,
      })
      .toEqual([
        `announcement/${long.id}#1:started`,
        `announcement/${long.id}#1:ended`,
        `announcement/${long.id}#2:started`,
        `announcement/${long.id}#2:ended`,
      ]);
    const log = await logOf(long.id);
    const planned2 = Date.parse(log[2]!.plannedAt as string);
    expect(Math.abs(planned2 - (Date.parse(log[1]!.actualAt as string) + 8000))).toBeLessThan(100);
    expect(Math.abs(Date.parse(log[2]!.actualAt as string) - second.from)).toBeLessThan(150);

    // Three seconds apart: one block, the music staying ducked through the pause.
    const short = await announce('urgent', 2, 3);
    await tap.heardUntil(short.at + 10_000);
    const chained = tap.sounding(ANNOUNCEMENT_HZ, short.at, short.at + 10_000);
    expect(show(chained, t0), 'two plays of the recording').toHaveLength(2);
    const [a, b] = chained as [Span, Span];
    expect(Math.abs(b.from - a.to - 3000)).toBeLessThan(GAP_MS);
    const pause = musicDb(tap, a.to + 800, b.from - 800);
    expect(fullDb - pause, `music at ${pause} dB in the pause`).toBeGreaterThan(9);
    await page.context().close();
  }, 90_000);
});
