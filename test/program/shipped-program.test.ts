import { describe, expect, it } from 'vitest';
import { datesBetween } from '../../core/zoned-time.ts';
import type { DayPlan } from '../../core/plan.ts';
import { clock, ms, ofSlot, planFor, shipped, spanOf } from '../helpers/shipped.ts';

/** The seed's 播音程序表 (line 314), as every working day starts. */
function expectSeedMorning(plan: DayPlan) {
  expect(spanOf(plan, 'staff-song')).toEqual(['09:20:00', '09:30:00']);
  expect(spanOf(plan, 'welcome-music')).toEqual(['09:30:00', '09:40:00']);
  const [speech] = ofSlot(plan, 'welcome-speech');
  expect(speech && clock(speech.start)).toBe('09:42:00');
  expect(speech?.layer).toBe('voice');
  expect(speech?.ducks).toBe(true); // over the background block that starts with it
  const background = plan.items.filter((i) => i.row === 'background-morning');
  expect(clock(background[0]!.start)).toBe('09:42:00');
  expect(clock(background.at(-1)!.end)).toBe('10:00:00');
  expect(spanOf(plan, 'weather', 'voice')![1] <= '10:05:00').toBe(true);
}

function rowSpan(plan: DayPlan, row: string) {
  const items = plan.items.filter((i) => i.row === row);
  return items.length ? [clock(items[0]!.start), clock(items.at(-1)!.end)] : undefined;
}

describe('shipped program', () => {
  it('reproduces the seed program on a normal weekday', async () => {
    const plan = await planFor('2026-12-02'); // Wednesday
    expect(plan.dayType).toBe('normal');
    expect(plan.timezone).toBe('Asia/Shanghai');
    expectSeedMorning(plan);
    expect(ofSlot(plan, 'weather', 'voice')[0]!.start).toBe('2026-12-02T10:00:00+08:00');
    const promosAm = plan.items.filter((i) => i.row === 'promos-morning');
    expect(clock(promosAm[0]!.start)).toBe('10:05:00');
    expect(promosAm.every((i) => clock(i.end) <= '11:30:00')).toBe(true);
    expect(rowSpan(plan, 'background-midday')).toEqual(['11:30:00', '14:00:00']);
    const promosPm = plan.items.filter((i) => i.row === 'promos-afternoon');
    expect(clock(promosPm[0]!.start)).toBe('14:00:00');
    expect(promosPm.every((i) => clock(i.end) <= '15:30:00')).toBe(true);
    expect(rowSpan(plan, 'background-afternoon')).toEqual(['15:30:00', '17:25:00']);
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:25:00', '17:30:00']);
    expect(ofSlot(plan, 'event-announcement')).toEqual([]);
    expect(ofSlot(plan, 'holiday-greeting')).toEqual([]);
  });

  it('plays each block in the right layer and kind', async () => {
    const plan = await planFor('2026-12-02');
    const kinds = (slot: string) => new Set(ofSlot(plan, slot).map((i) => `${i.layer}/${i.kind}`));
    expect(kinds('staff-song')).toEqual(new Set(['bed/music']));
    expect(kinds('background')).toEqual(new Set(['bed/music']));
    expect(kinds('welcome-speech')).toEqual(new Set(['voice/speech']));
    // Each music slot plays only its own folder's tracks.
    expect(ofSlot(plan, 'welcome-music').every((i) => i.media?.id.startsWith('welcome/'))).toBe(
      true,
    );
    expect(ofSlot(plan, 'farewell-music').every((i) => i.media?.id.startsWith('farewell/'))).toBe(
      true,
    );
    expect(ofSlot(plan, 'staff-song').every((i) => i.media?.id.startsWith('staff/'))).toBe(true);
    expect(ofSlot(plan, 'promos', 'voice').every((i) => i.kind === 'promo' && i.promo)).toBe(true);
    // The promo loop and the weather speak over light music, which ducks under them.
    expect(
      ofSlot(plan, 'promos', 'bed').every(
        (i) => i.kind === 'music' && i.media?.id.startsWith('background/light/'),
      ),
    ).toBe(true);
    expect(plan.items.filter((i) => i.layer === 'voice').every((i) => i.ducks)).toBe(true);
  });

  it('cuts the last track of a block at the block end with a fade', async () => {
    const plan = await planFor('2026-12-02');
    const block = plan.items.filter((i) => i.row === 'background-midday');
    const last = block.at(-1)!;
    expect(last.cut).toBe(true);
    expect(last.end).toBe('2026-12-02T14:00:00+08:00');
    expect(last.fadeOutMs).toBeGreaterThan(0);
    expect(block.slice(0, -1).every((i) => !i.cut)).toBe(true);
    // Back to back: each track starts where the one before ended.
    for (let i = 1; i < block.length; i++) expect(block[i]!.start).toBe(block[i - 1]!.end);
  });

  it('keeps the seed volumes: welcome and farewell 21–24, English songs 24–27, light music 24', async () => {
    const plan = await planFor('2026-12-05');
    for (const i of [...ofSlot(plan, 'welcome-music'), ...ofSlot(plan, 'farewell-music')]) {
      expect(i.volume).toBeGreaterThanOrEqual(21);
      expect(i.volume).toBeLessThanOrEqual(24);
    }
    const bed = plan.items.filter((i) => i.layer === 'bed');
    const english = bed.filter((i) => i.media?.id.includes('/english/'));
    const light = bed.filter((i) => i.media?.id.includes('/light/'));
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((i) => i.volume >= 24 && i.volume <= 27)).toBe(true);
    expect(light.length).toBeGreaterThan(0);
    expect(light.every((i) => i.volume === 24)).toBe(true);
    // Level maps to gain on the scale: one level is 1.5 dB.
    expect(english[0]!.gain).toBeCloseTo(10 ** ((-(30 - english[0]!.volume) * 1.5) / 20), 3);
  });

  it('moves the farewell and stretches the background to a later closing on a weekend', async () => {
    const plan = await planFor('2026-12-05'); // Saturday
    expect(plan.dayType).toBe('weekend');
    expect(plan.dayTypes).toEqual(['normal', 'weekend']);
    expectSeedMorning(plan);
    expect(rowSpan(plan, 'background-afternoon')).toEqual(['15:30:00', '17:55:00']);
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:55:00', '18:00:00']);
    expect(plan.closing).toBe('2026-12-05T18:00:00+08:00');
  });

  it('gives a make-up working Saturday (调休) the normal program', async () => {
    const plan = await planFor('2026-02-28'); // Saturday, a working day for the Spring Festival
    expect(plan.dayType).toBe('normal');
    expect(plan.makeupWorkday).toBe(true);
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:25:00', '17:30:00']);
    const sunday = await planFor('2026-09-20'); // Sunday, a working day for National Day
    expect(sunday.dayType).toBe('normal');
    expect(spanOf(sunday, 'farewell-music')).toEqual(['17:25:00', '17:30:00']);
  });

  it('announces the event every half hour, each script twice in a row, on an event day', async () => {
    const plan = await planFor('2026-12-11'); // Friday
    expect(plan.dayType).toBe('event');
    expect(plan.events).toEqual(['双十二年终家居节']);
    const plays = ofSlot(plan, 'event-announcement');
    const starts = [];
    for (let i = 0; i < plays.length; i += 2) {
      const [a, b] = [plays[i]!, plays[i + 1]!];
      expect(b.media?.id).toBe(a.media?.id); // the same script, twice
      expect(ms(b.start) - ms(a.end)).toBeLessThanOrEqual(3000);
      starts.push(clock(a.start));
    }
    expect(starts).toEqual([
      '10:00:00',
      '10:30:00',
      '11:00:00',
      '11:30:00',
      '14:00:00',
      '14:30:00',
      '15:00:00',
      '15:30:00',
      '16:00:00',
      '16:30:00',
    ]);
    // Scripts take turns.
    expect(plays[0]!.media?.id).not.toBe(plays[2]!.media?.id);
    expect(plays[0]!.media?.id).toBe(plays[4]!.media?.id);
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:55:00', '18:00:00']);
  });

  it('lets the 10:00 event announcement keep its time and the weather follow within its window', async () => {
    const plan = await planFor('2026-12-11', { forecast: { condition: '多云', low: 8, high: 15 } });
    const events = ofSlot(plan, 'event-announcement');
    const weather = ofSlot(plan, 'weather', 'voice');
    const forecast = weather.find((i) => i.kind === 'weather')!;
    expect(forecast.text).toContain('多云');
    expect(forecast.text).toContain('8到15摄氏度');
    expect(ms(forecast.start)).toBeGreaterThanOrEqual(ms(events[1]!.end));
    expect(forecast.shiftedFrom).toBe('2026-12-11T10:00:00+08:00');
    expect(weather.every((i) => clock(i.end) <= '10:05:00')).toBe(true);
  });

  it('greets at 11:00 and 14:00 on a public holiday, with promos flowing around', async () => {
    const plan = await planFor('2026-10-01'); // Thursday, National Day
    expect(plan.dayType).toBe('holiday');
    expect(plan.holiday).toBe('国庆节');
    const greetings = ofSlot(plan, 'holiday-greeting');
    expect(greetings.map((g) => clock(g.start))).toEqual(['11:00:00', '14:00:00']);
    expect(greetings[0]!.text).toContain('国庆');
    // A weekday holiday keeps the normal closing (the seed moves it for weekends and events only).
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:25:00', '17:30:00']);
    const promos = ofSlot(plan, 'promos', 'voice');
    expect(promos.some((p) => clock(p.start) > '11:00:00' && clock(p.start) < '11:30:00')).toBe(
      true,
    );
    for (const g of greetings)
      for (const p of promos)
        expect(ms(p.end) <= ms(g.start) || ms(p.start) >= ms(g.end)).toBe(true);
    expect(clock(promos.find((p) => p.row === 'promos-afternoon')!.start) > '14:00:00').toBe(true);
  });

  it('uses the generic greeting for a holiday without its own', async () => {
    const plan = await planFor('2026-05-01');
    expect(ofSlot(plan, 'holiday-greeting').map((g) => g.media?.id)).toEqual([
      'speech/holiday/holiday-greeting',
      'speech/holiday/holiday-greeting',
    ]);
  });

  it('combines weekend and event on a weekend event day', async () => {
    const plan = await planFor('2026-12-12'); // Saturday
    expect(plan.dayTypes).toEqual(['normal', 'weekend', 'event']);
    expect(plan.dayType).toBe('event');
    expect(ofSlot(plan, 'event-announcement')).toHaveLength(20);
    expect(spanOf(plan, 'farewell-music')).toEqual(['17:55:00', '18:00:00']);
  });

  it('plans nothing on a closed day', async () => {
    const { schedules, catalogue } = await shipped();
    const { compileDayPlan } = await import('../../server/program/compile.ts');
    const calendar = { ...schedules.calendar, closed: [{ date: '2026-12-24', note: '盘点' }] };
    const plan = compileDayPlan({ ...schedules, calendar, catalogue }, '2026-12-24');
    expect(plan.dayType).toBe('closed');
    expect(plan.items).toEqual([]);
  });

  it('rotates promos by weight, within their dates and day parts, never the same twice in a row', async () => {
    const plan = await planFor('2026-12-02');
    const promos = ofSlot(plan, 'promos', 'voice');
    const count = (id: string) => promos.filter((p) => p.promo?.id === id).length;
    expect(count('lanting-sofa')).toBeGreaterThan(1.6 * count('mubai-wood'));
    expect(
      promos
        .filter((p) => p.promo?.id === 'jiale-ceramics')
        .every((p) => clock(p.start) < '12:00:00'),
    ).toBe(true);
    expect(
      promos
        .filter((p) => p.promo?.id === 'lumi-lighting')
        .every((p) => clock(p.start) >= '12:00:00'),
    ).toBe(true);
    expect(count('jiale-ceramics')).toBeGreaterThan(0);
    expect(count('lumi-lighting')).toBeGreaterThan(0);
    for (let i = 1; i < promos.length; i++)
      expect(promos[i]!.promo?.id).not.toBe(promos[i - 1]!.promo?.id);
    const january = await planFor('2027-01-05'); // after jiale-ceramics' validTo
    expect(ofSlot(january, 'promos', 'voice').some((p) => p.promo?.id === 'jiale-ceramics')).toBe(
      false,
    );
  });

  // 365 plans: more than one test's default time on a shared, busy machine (not a speed check).
  it('holds the invariants on every day of the year', { timeout: 120_000 }, async () => {
    for (const date of datesBetween('2026-01-01', '2026-12-31')) {
      const plan = await planFor(date);
      const open = ms(plan.onAir!);
      const close = ms(plan.closing!);
      for (const layer of ['bed', 'voice'] as const) {
        const items = plan.items.filter((i) => i.layer === layer);
        for (let i = 1; i < items.length; i++)
          expect(ms(items[i]!.start), `${date} ${layer} ${items[i]!.id}`).toBeGreaterThanOrEqual(
            ms(items[i - 1]!.end),
          );
      }
      for (const i of plan.items) {
        expect(ms(i.start)).toBeGreaterThanOrEqual(open);
        expect(ms(i.end)).toBeLessThanOrEqual(close);
        expect(ms(i.end) - ms(i.start)).toBe(i.durationMs);
      }
      const sorted = [...plan.items].sort(
        (a, b) =>
          ms(a.start) - ms(b.start) || (a.layer === 'bed' ? -1 : 1) - (b.layer === 'bed' ? -1 : 1),
      );
      expect(plan.items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
      expect(new Set(plan.items.map((i) => i.id)).size).toBe(plan.items.length);
    }
  });

  it('gives the same plan for the same date and another order on another date', async () => {
    const a = await planFor('2026-12-02');
    const b = await planFor('2026-12-02');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const other = await planFor('2026-12-03');
    const titles = (p: DayPlan) =>
      p.items.filter((i) => i.row === 'background-midday').map((i) => i.title);
    expect(titles(other)).not.toEqual(titles(a));
  });
});
