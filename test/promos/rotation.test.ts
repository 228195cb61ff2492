import { describe, expect, it } from 'vitest';
import { compileDayPlan } from '../../server/program/compile.ts';
import { promoRotation } from '../../server/program/promo-rotation.ts';
import type { Promo } from '../../server/program/promo-schema.ts';
import { ms, shipped } from '../helpers/shipped.ts';

const promo = (id: string, over: Partial<Promo> = {}): Promo => ({
  id,
  merchant: { name: id, floor: '1F' },
  title: id,
  text: `${id} 的促销`,
  weight: 1,
  retired: false,
  ...over,
});
const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 2, 2, 5); // 10:05 in Shanghai; the rotation only counts ms.
const any = () => true;

describe('promo rotation', () => {
  it('plays a promo booked by the hour when it falls due, the weighted ones in between', () => {
    const r = promoRotation([promo('a'), promo('b'), promo('hourly', { playsPerHour: 4 })], 'd');
    const picks: [number, string][] = [];
    // One play a minute for an hour: the booked promo is due at 0, 15, 30 and 45 minutes.
    for (let m = 0; m < 60; m++) picks.push([m, r.pick(T0 + m * MIN, any, any)?.id ?? '-']);
    const hourly = picks.filter(([, id]) => id === 'hourly').map(([m]) => m);
    expect(hourly).toEqual([0, 15, 30, 45]);
    const others = picks.filter(([, id]) => id !== 'hourly').map(([, id]) => id);
    expect(others.filter((id) => id === 'a').length).toBe(28);
    expect(others.filter((id) => id === 'b').length).toBe(28);
  });

  it('keeps its cadence when a play is late, and starts afresh after a long pause', () => {
    const r = promoRotation([promo('hourly', { playsPerHour: 6 })], 'd');
    expect(r.pick(T0, any, any)?.id).toBe('hourly');
    // Only booked promos: nothing until it is due again, and the loop knows when that is.
    expect(r.pick(T0 + 5 * MIN, any, any)).toBeUndefined();
    expect(r.nextDue(T0 + 5 * MIN, any)).toBe(T0 + 10 * MIN);
    // Played 2 minutes late: the next is still due on the 10-minute grid.
    expect(r.pick(T0 + 12 * MIN, any, any)?.id).toBe('hourly');
    expect(r.nextDue(T0 + 12 * MIN, any)).toBe(T0 + 20 * MIN);
    // Two hours later (lunch): one play now, not a burst to catch up.
    expect(r.pick(T0 + 140 * MIN, any, any)?.id).toBe('hourly');
    expect(r.pick(T0 + 141 * MIN, any, any)).toBeUndefined();
    expect(r.nextDue(T0 + 141 * MIN, any)).toBe(T0 + 150 * MIN);
  });

  it('lets a due promo that does not fit wait, and plays the others meanwhile', () => {
    const r = promoRotation([promo('a'), promo('long', { playsPerHour: 2 })], 'd');
    expect(r.pick(T0, any, (p) => p.id !== 'long')?.id).toBe('a');
    expect(r.pick(T0 + MIN, any, any)?.id).toBe('long');
  });
});

describe('plays per hour in the compiled plan', () => {
  it('spaces a promo booked 6 times an hour ten minutes apart through each promo loop', async () => {
    const { schedules, catalogue } = await shipped();
    const booked = promo('booked', { playsPerHour: 6, validFrom: '2026-11-01' });
    const plan = compileDayPlan(
      { ...schedules, catalogue, promos: [...schedules.promos, booked] },
      '2026-12-02',
    );
    const starts = plan.items.filter((i) => i.promo?.id === 'booked').map((i) => i.start);
    const morning = starts.filter((s) => s.slice(11, 16) < '12:00');
    const afternoon = starts.filter((s) => s.slice(11, 16) >= '12:00');
    // 10:05–11:30 is 85 minutes: due at 10:05, 10:15 … 11:25. 14:00–15:30: 14:00 … 15:20.
    expect(morning.length).toBe(9);
    expect(afternoon.length).toBe(9);
    expect(morning[0]!.slice(11, 16)).toBe('10:05');
    for (const part of [morning, afternoon])
      for (let i = 1; i < part.length; i++) {
        const gap = (ms(part[i]!) - ms(part[i - 1]!)) / MIN;
        // Never early; late by at most the play in progress and the loop's gap.
        expect(gap).toBeGreaterThanOrEqual(9);
        expect(gap).toBeLessThanOrEqual(11.5);
      }
    expect(plan.warnings.filter((w) => w.includes('booked'))).toEqual([]);
  });

  it('warns when the loops cannot hold what was booked', async () => {
    const { schedules, catalogue } = await shipped();
    const greedy = Array.from({ length: 8 }, (_, i) =>
      promo(`greedy-${i}`, { playsPerHour: 60, validFrom: '2026-11-01' }),
    );
    const plan = compileDayPlan({ ...schedules, catalogue, promos: greedy }, '2026-12-02');
    expect(plan.warnings.some((w) => /promo greedy-\d: 60 plays an hour booked/.test(w))).toBe(
      true,
    );
  });
});
