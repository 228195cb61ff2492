import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { speechNameOf } from '../../server/tts/render.ts';
import { speechEvictions, type CachedSpeech } from '../../server/tts/speech-cache.ts';
import { speechService } from '../../server/tts/speech-service.ts';
import { espeakWasm } from '../../server/tts/synthesiser.ts';
import { countingSynth } from '../helpers/counting-synth.ts';

const DAY = 86_400_000;
const MB = 1024 * 1024;
const file = (name: string, mb: number, daysAgo: number): CachedSpeech => ({
  name,
  bytes: mb * MB,
  usedAt: 100 * DAY - daysAgo * DAY,
});

describe('which rendered speech goes', () => {
  const limits = { maxBytes: 10 * MB, maxAgeMs: 14 * DAY };
  it('removes what nobody asked for in two weeks, and nothing else while the cache fits', () => {
    const files = [file('old', 1, 20), file('recent', 1, 1)];
    expect(speechEvictions(files, new Set(), limits, 100 * DAY)).toEqual(['old']);
  });
  it('past its size, removes the least recently used until the rest fit', () => {
    const files = [file('a', 4, 3), file('b', 4, 2), file('c', 4, 1)];
    expect(speechEvictions(files, new Set(), limits, 100 * DAY)).toEqual(['a']);
  });
  it('never removes what a plan or an announcement will play, old or large', () => {
    const files = [file('weather', 9, 30), file('b', 4, 2), file('c', 4, 1)];
    expect(speechEvictions(files, new Set(['weather']), limits, 100 * DAY)).toEqual(['b', 'c']);
  });
});

describe('the speech service', () => {
  const synth = espeakWasm();
  afterAll(() => synth.close());

  it('renders a text asked for by many at once only once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskcast-tts-'));
    const counting = countingSynth(synth);
    const speech = speechService({
      dir,
      synth: counting,
      log: createLogger('silent'),
      now: () => new Date(),
      inUse: () => ({ texts: [], files: [] }),
    });
    const all = await Promise.all(
      Array.from({ length: 10 }, () => speech.render('今日多云，8 到 15 度')),
    );
    speech.stop();
    expect(new Set(all.map((s) => s.name)).size).toBe(1);
    expect(counting.renders).toBe(1);
  });

  it('prunes the cache past its size, keeping what the coming plans speak', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskcast-tts-'));
    const planned = '明天有小雨，请带好雨具';
    const old = Date.now() / 1000 - 30 * 86_400;
    // Three renders from a month ago that nobody asked for again, one the plan will speak.
    const names = ['a', 'b', 'c'].map((c) => `${c.repeat(64)}.wav`);
    const plannedName = speechNameOf(planned, synth.id) as string;
    for (const n of [...names, plannedName]) {
      await writeFile(join(dir, n), new Uint8Array(1024));
      await utimes(join(dir, n), old, old);
    }
    const speech = speechService({
      dir,
      synth,
      log: createLogger('silent'),
      now: () => new Date(),
      inUse: () => ({ texts: [planned], files: [] }),
      limits: { maxBytes: MB, maxAgeMs: 14 * DAY },
    });
    await speech.prune();
    speech.stop();
    expect(await readdir(dir)).toEqual([plannedName]);
  });
});
