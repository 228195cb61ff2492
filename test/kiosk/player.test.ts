import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AudioTap, Span } from '../helpers/audio-tap.ts';
import {
  clockSynced,
  launchChromium,
  listeningPage,
  type DeskcastView,
} from '../helpers/browser.ts';
import {
  STEPPED_PITCHES,
  TEST_PITCHES,
  TONE_HZ,
  setCompressedProgram,
  type CompressedRow,
  steppedEdges,
  useMiddayZone,
  steppedHeard,
  uploadTestTones,
} from '../helpers/compressed-program.ts';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';

// Everything here is judged by what the page sends to its speakers (the tap), on this machine's
// clock, which is also the server's: the page's own account of itself is only waited on.

/** How far a sound may begin from its planned instant. */
const ONSET_MS = 150;
/** How far it may end from its planned end (a fade-out, the stop ramp). */
const END_MS = 300;
const ANNOUNCEMENT_HZ = TONE_HZ['test/announce-700']!;
const SPEECH_HZ = TONE_HZ['test/speech-880']!;

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  await uploadTestTones(cast.admin);
  // Before any page learns the mall's zone (see useMiddayZone).
  await useMiddayZone(cast.admin);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A whole second, a few seconds from now: program times have one-second resolution. */
const soon = (seconds: number) => Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000;

/**
 * Opens a listening player page, then gives it a program whose rows count from a whole second
 * a few seconds ahead (t0), and waits until the page has it. Opening first keeps a slow page
 * load from eating into the lead the player needs to start t0's item on time; on a machine so
 * busy that the page learns of it less than half a second ahead, the program is set again
 * further ahead.
 */
async function playProgram(
  rows: CompressedRow[],
): Promise<{ page: Page; tap: AudioTap; t0: number }> {
  const { page, tap } = await listeningPage(browser, TEST_PITCHES);
  await page.goto(`${server.url}/player?token=${cast.device.bearer}`);
  await clockSynced(page);
  for (let lead = 5; ; lead *= 2) {
    const t0 = soon(lead);
    await setCompressedProgram(cast.admin, t0, rows);
    const known = await page
      .waitForFunction(
        (t0) =>
          (globalThis as { __deskcast?: DeskcastView }).__deskcast?.status.next?.startMs === t0,
        t0,
        { timeout: Math.max(100, t0 - 500 - Date.now()), polling: 50 },
      )
      .then(
        () => true,
        () => false,
      );
    if (known) return { page, tap, t0 };
    if (lead >= 20) throw new Error(`the page had not its program ${lead} s after it was set`);
  }
}

interface Planned {
  id: string;
  layer: string;
  startMs: number;
  endMs: number;
  hz: number;
}

async function plannedSounds(): Promise<{ date: string; items: Planned[] }> {
  const plan = (await cast.device.get('/api/plan')).body;
  const items = (
    plan.items as { id: string; layer: string; start: string; end: string; media: { id: string } }[]
  ).map((i) => ({
    id: i.id,
    layer: i.layer,
    startMs: Date.parse(i.start),
    endMs: Date.parse(i.end),
    hz: TONE_HZ[i.media.id] ?? Number.NaN,
  }));
  return { date: plan.date as string, items };
}

/** Spans as seconds after t0, for failure messages. */
const show = (spans: Span[], t0: number) =>
  spans.map((s) => `${((s.from - t0) / 1000).toFixed(2)}–${((s.to - t0) / 1000).toFixed(2)}`);

/** Where any of these pitches sounds, merged across gaps up to `gapMs`, oldest first. */
function soundingAny(
  tap: AudioTap,
  pitches: readonly number[],
  from: number,
  to: number,
  gapMs = 100,
): Span[] {
  const runs = pitches.flatMap((hz) => tap.sounding(hz, from, to)).sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const r of runs) {
    const last = merged.at(-1);
    if (last && r.from - last.to <= gapMs) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** The music (440 and 550 Hz) sounds without a break from `from` to `to`. */
function expectMusicThrough(tap: AudioTap, t0: number, from: number, to: number, gapMs = 100) {
  const music = soundingAny(tap, [440, 550], from - 2000, to + 2000, gapMs);
  expect(
    music.some((m) => m.from <= from && m.to >= to),
    `music heard at ${show(music, t0)} s`,
  ).toBe(true);
}

/** Announcements made by a test, cancelled after it: a new page would otherwise play them. */
const announced: number[] = [];
afterEach(async () => {
  for (const id of announced.splice(0)) await cast.desk.post(`/api/announcements/${id}/cancel`);
});

/** The desk announces the 700 Hz recording now; resolves with when it was made. */
async function postAnnouncement(priority: 'normal' | 'urgent' | 'emergency', repeat = 1) {
  const r = await cast.desk.post('/api/announcements', {
    mediaId: 'test/announce-700',
    priority,
    repeat,
  });
  expect(r.status).toBe(201);
  announced.push(r.body.id as number);
  return Date.now();
}

// Each test's items have ids of their own: a page that opens while the last test's program is
// still under way marks that item done, and would skip a new item reusing its id (see the
// report on issue 8).
describe('kiosk player, by ear', () => {
  it('sounds each item from its planned instant to its end, in order, and nothing early', async () => {
    const { page, tap, t0 } = await playProgram([
      { slot: 'background', id: 'order-bed-1', from: 0, until: 12 },
      { slot: 'welcome-speech', id: 'order-speech', from: 2 },
      { slot: 'background', id: 'order-bed-2', from: 12, until: 16 },
      { slot: 'farewell-music', id: 'order-farewell', from: 16, until: 19 },
    ]);
    const { date, items } = await plannedSounds();
    // The premise: consecutive music differs in pitch, so each start is heard as an onset.
    const beds = items.filter((i) => i.layer === 'bed');
    for (let k = 1; k < beds.length; k++) expect(beds[k]!.hz).not.toBe(beds[k - 1]!.hz);
    expect(items.every((i) => Number.isFinite(i.hz))).toBe(true);

    await tap.heardUntil(t0 + 19_500);

    const onsets = items.map((item) => {
      const [run] = tap.sounding(item.hz, item.startMs - 2000, item.endMs + 1000);
      expect(run, `${item.id} (${item.hz} Hz) was never heard`).toBeDefined();
      expect(Math.abs(run!.from - item.startMs), `${item.id} began late or early`).toBeLessThan(
        ONSET_MS,
      );
      expect(Math.abs(run!.to - item.endMs), `${item.id} ended off its planned end`).toBeLessThan(
        END_MS,
      );
      return { id: item.id, at: run!.from };
    });
    expect([...onsets].sort((a, b) => a.at - b.at).map((o) => o.id)).toEqual(
      items.map((i) => i.id),
    );
    // Nothing sounds outside its planned time: no item is played at once, ahead of its instant.
    for (const hz of new Set(items.map((i) => i.hz))) {
      const mine = items.filter((i) => i.hz === hz);
      for (const run of tap.sounding(hz, t0 - 5000, t0 + 19_500))
        expect(
          mine.some((i) => run.from > i.startMs - ONSET_MS && run.to < i.endMs + END_MS),
          `${hz} Hz heard at ${show([run], t0)} s, outside its items`,
        ).toBe(true);
    }

    // Ducking: the 440 Hz music drops 12 dB under the speech (2–5 s) and comes back.
    const full = tap.levelDb(440, t0 + 300, t0 + 1500);
    const ducked = tap.levelDb(440, t0 + 2300, t0 + 4700);
    const back = tap.levelDb(440, t0 + 5500, t0 + 5900);
    expect(
      full - ducked,
      `music at ${full.toFixed(1)} dB, under speech ${ducked.toFixed(1)} dB`,
    ).toBeGreaterThan(10);
    expect(full - ducked).toBeLessThan(14);
    expect(Math.abs(back - full), `music back at ${back.toFixed(1)} dB`).toBeLessThan(1);
    expect(tap.levelDb(SPEECH_HZ, t0 + 2300, t0 + 4700)).toBeGreaterThan(full);

    // The same starts reach the as-played log (uploaded every 10 s) with their planned times.
    await expect
      .poll(
        async () =>
          ((await cast.desk.get(`/api/plays?date=${date}&status=started`)).body.plays as unknown[])
            .length,
        { timeout: 15_000, interval: 500 },
      )
      .toBe(items.length);
    const log = (await cast.desk.get(`/api/plays?date=${date}&status=started`)).body.plays as {
      itemId: string;
      plannedAt: string;
      actualAt: string;
    }[];
    expect(log.map((p) => p.itemId).sort()).toEqual(items.map((i) => i.id).sort());
    for (const p of log) {
      // What the log says began, and when, is what was heard.
      expect(Date.parse(p.plannedAt), p.itemId).toBe(items.find((i) => i.id === p.itemId)?.startMs);
      const heardAt = onsets.find((o) => o.id === p.itemId)!.at;
      expect(Math.abs(Date.parse(p.actualAt) - heardAt), p.itemId).toBeLessThan(ONSET_MS);
    }
    await page.context().close();
  }, 60_000);

  it('rejoins the music at the plan offset after a reload, not at the file start', async () => {
    // Two runs of the stepped file: the first heard from its start, the second rejoined three
    // seconds in, later than the two seconds after which a player with music already decoded
    // fills in with it: a page just reloaded has none, and must join the item itself.
    const { page, tap, t0 } = await playProgram([
      { slot: 'background', id: 'rejoin-1', from: 0, until: 4, tags: ['test', 'stepped'] },
      { slot: 'background', id: 'rejoin-2', from: 4, until: 14, tags: ['test', 'stepped'] },
    ]);
    await tap.heardUntil(t0 + 4000);
    const first = steppedHeard(tap, t0, t0, t0 + 4000);
    expect(first.windows, first.tally).toBeGreaterThan(300);
    expect(first.wrong, first.tally).toBeLessThan(first.windows * 0.05);

    await tap.heardUntil(t0 + 7000);
    const reloadedAt = Date.now();
    await page.reload();
    await tap.heardUntil(reloadedAt + 5000);
    // The reloaded page's own sound: the old one may still be heard for a moment after `reload`.
    const reopened = tap.heard(reloadedAt).find((h) => h.doc === 1)!.atMs;
    const [rejoin] = soundingAny(tap, STEPPED_PITCHES, reopened, reloadedAt + 5000);
    expect(rejoin, 'no music after the reload').toBeDefined();
    const second = t0 + 4000;
    expect(rejoin!.from - second, 'rejoined, not started').toBeGreaterThan(3000);
    // The pitch after the rejoin is the plan's second of the file at each instant...
    const after = steppedHeard(tap, second, rejoin!.from, rejoin!.from + 2000);
    expect(after.windows, after.tally).toBeGreaterThan(150);
    expect(after.wrong, after.tally).toBeLessThan(after.windows * 0.1);
    // ...and it moves on to the next second when the plan says, not that much after the rejoin.
    const [edge] = steppedEdges(tap, rejoin!.from, rejoin!.from + 2500);
    expect(edge, 'the pitch never stepped up').toBeDefined();
    expect(Math.abs(edge!.atMs - (second + edge!.toS * 1000))).toBeLessThan(ONSET_MS);
    await page.context().close();
  }, 40_000);

  it('silences everything for an emergency, then resumes the music at the plan offset', async () => {
    const { page, tap, t0 } = await playProgram([
      { slot: 'background', id: 'emergency-bed', from: 0, until: 16, tags: ['test', 'stepped'] },
    ]);
    await tap.heardUntil(t0 + 1500);
    const postedAt = await postAnnouncement('emergency', 2);
    await tap.heardUntil(postedAt + 9000);

    // Both 2 s plays, the first begun promptly.
    const plays = tap.sounding(ANNOUNCEMENT_HZ, postedAt, postedAt + 9000);
    expect(show(plays, t0)).toHaveLength(2);
    const [first, second] = plays as [Span, Span];
    expect(first.from - postedAt).toBeLessThan(3000);
    for (const p of plays) expect(Math.abs(p.to - p.from - 2000)).toBeLessThan(END_MS);
    // No music while it plays, gap included.
    const during = soundingAny(tap, STEPPED_PITCHES, first.from + 200, second.to);
    expect(show(during, t0), 'music heard during the emergency').toEqual([]);

    // Then the music comes back where the plan has got to, not where it stopped.
    const [resumed] = soundingAny(tap, STEPPED_PITCHES, second.to, postedAt + 9000);
    expect(resumed, 'no music after the emergency').toBeDefined();
    expect(resumed!.from - second.to).toBeLessThan(1500);
    const after = steppedHeard(tap, t0, resumed!.from, resumed!.from + 2000);
    expect(after.windows, after.tally).toBeGreaterThan(150);
    expect(after.wrong, after.tally).toBeLessThan(after.windows * 0.1);
    const [edge] = steppedEdges(tap, resumed!.from, resumed!.from + 2500);
    expect(edge, 'the pitch never stepped up').toBeDefined();
    expect(Math.abs(edge!.atMs - (t0 + edge!.toS * 1000))).toBeLessThan(ONSET_MS);
    await page.context().close();
  }, 40_000);

  /** Music (440 then 550 Hz, 0–10 s), program speech (880 Hz, 2–5 s), an announcement at 2.5 s. */
  async function announceDuringSpeech(priority: 'normal' | 'urgent') {
    const { page, tap, t0 } = await playProgram([
      { slot: 'background', id: `${priority}-bed`, from: 0, until: 10 },
      { slot: 'welcome-speech', id: `${priority}-speech`, from: 2 },
    ]);
    await tap.heardUntil(t0 + 2500);
    expect(tap.sounding(SPEECH_HZ, t0, t0 + 2500), 'the speech has begun').toHaveLength(1);
    const postedAt = await postAnnouncement(priority);
    await tap.heardUntil(t0 + 9000);
    const [announcement] = tap.sounding(ANNOUNCEMENT_HZ, t0, t0 + 9000);
    expect(announcement, 'the announcement was never heard').toBeDefined();
    return {
      t0,
      tap,
      postedAt,
      announcement: announcement!,
      speech: tap.sounding(SPEECH_HZ, t0, t0 + 9000),
      close: () => page.context().close(),
    };
  }

  it('lets an urgent announcement cut in over music and speech at once', async () => {
    const { t0, tap, postedAt, announcement, speech, close } = await announceDuringSpeech('urgent');
    expect(announcement.from - postedAt, 'the urgent announcement waited').toBeLessThan(1500);
    expect(announcement.from).toBeLessThan(t0 + 5000 - 500);
    // The speech stops as the announcement begins; the music plays on under it.
    expect(show(speech, t0)).toHaveLength(1);
    expect(Math.abs(speech[0]!.to - announcement.from), 'the speech went on').toBeLessThan(200);
    expectMusicThrough(tap, t0, announcement.from - 500, announcement.to + 500);
    await close();
  }, 40_000);

  it('holds a normal announcement until the speech playing has ended', async () => {
    const { t0, tap, announcement, speech, close } = await announceDuringSpeech('normal');
    // The speech plays to its end (5 s); the announcement follows it, not over it.
    expect(show(speech, t0)).toHaveLength(1);
    expect(Math.abs(speech[0]!.to - (t0 + 5000)), 'the speech was cut').toBeLessThan(END_MS);
    expect(announcement.from, 'the announcement played over the speech').toBeGreaterThan(
      speech[0]!.to,
    );
    expect(announcement.from - (t0 + 5000)).toBeLessThan(1500);
    expectMusicThrough(tap, t0, t0 + 300, announcement.to + 500);
    await close();
  }, 40_000);

  it('skips a missing file and keeps the music sounding', async () => {
    // The farewell file vanishes from the server's disk (a failed disk, a bad restore).
    const { file } = (await cast.admin.get('/api/media/test/farewell/330')).body;
    const { rename } = await import('node:fs/promises');
    const stored = `${server.dataDir}/media/${file}`;
    await rename(stored, `${stored}.away`);
    try {
      const { page, tap, t0 } = await playProgram([
        { slot: 'background', id: 'missing-bed', from: 0, until: 5 },
        { slot: 'farewell-music', id: 'missing-farewell', from: 5, until: 10 },
      ]);
      const { date } = await plannedSounds();
      await tap.heardUntil(t0 + 10_500);
      // Music in the farewell's place (the last music played), with no gap but the change.
      expectMusicThrough(tap, t0, t0 + ONSET_MS, t0 + 9700, 300);
      expect(show(tap.sounding(330, t0, t0 + 10_500), t0)).toEqual([]);

      // The skip reaches the as-played log with the next upload (every 10 s).
      await expect
        .poll(
          async () =>
            (
              (await cast.desk.get(`/api/plays?date=${date}&status=failed`)).body.plays as {
                itemId: string;
              }[]
            ).map((p) => p.itemId),
          { timeout: 15_000, interval: 500 },
        )
        .toContain('missing-farewell#1');
      await page.context().close();
    } finally {
      await rename(`${stored}.away`, stored);
    }
  }, 50_000);
});
