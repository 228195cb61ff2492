import { describe, expect, it } from 'vitest';
import { computeFigures, percentile, type FigureRow } from '../../server/queue/figures.ts';
import { anchorsOf, isOpenAt, resolveHours } from '../../server/queue/service-hours.ts';
import { normaliseCode, ticketCode } from '../../server/queue/ticket-code.ts';
import {
  estimateWaitMinutes,
  MIN_VISIT_MINUTES,
  meanServiceMinutes,
  peopleAhead,
} from '../../server/queue/wait-estimate.ts';

const MIN = 60_000;

describe('wait estimate', () => {
  it('is the mean service time × people ahead ÷ open counters, rounded up', () => {
    expect(meanServiceMinutes([], 5)).toBe(5);
    expect(meanServiceMinutes([2 * MIN, 4 * MIN], 5)).toBe(3);
    expect(estimateWaitMinutes(4, 3, 2)).toBe(6);
    expect(estimateWaitMinutes(1, 3, 2)).toBe(2);
    expect(estimateWaitMinutes(0, 3, 2)).toBe(0);
    // No counter open yet: as if one were, rather than dividing by zero.
    expect(estimateWaitMinutes(2, 5, 0)).toBe(10);
  });

  it('does not promise five people ahead "about 1 minute" after a few very short visits', () => {
    // Three visits finished within seconds (a mistaken call, a quick question).
    const quick = [5_000, 3_000, 8_000];
    expect(meanServiceMinutes(quick, 5)).toBe(MIN_VISIT_MINUTES);
    expect(meanServiceMinutes([...quick, 5 * MIN], 5)).toBe(2);
    // Whatever mean it is handed, each person ahead counts a minute at each open counter.
    expect(estimateWaitMinutes(5, 0.1, 1)).toBe(5);
    expect(estimateWaitMinutes(5, 0.1, 2)).toBe(3);
  });

  it('counts those called first: earlier tickets, and priority ones ahead of a normal ticket', () => {
    const row = (id: number, minute: number, priority = false) => ({
      id,
      priority,
      takenAt: `2026-12-07T02:0${minute}:00.000Z`,
    });
    const waiting = [row(1, 1), row(2, 2, true), row(3, 3), row(4, 4, true)];
    expect(peopleAhead(row(3, 3), waiting, true)).toBe(3);
    expect(peopleAhead(row(4, 4, true), waiting, true)).toBe(1);
    expect(peopleAhead(row(1, 1), waiting, true)).toBe(2);
    expect(peopleAhead(row(3, 3), waiting, false)).toBe(2);
  });
});

describe('service hours', () => {
  const plan = {
    onAir: '2026-12-07T09:20:00+08:00',
    opening: '2026-12-07T09:30:00+08:00',
    closing: '2026-12-07T17:30:00+08:00',
  };
  const at = (h: number, m: number) => (h * 60 + m) * MIN;

  it("follows the day's plan: opening and closing with offsets, or plain clock times", () => {
    const anchors = anchorsOf(plan);
    const hours = { from: 'opening', until: 'closing-10m' };
    expect(resolveHours(hours, anchors)).toEqual({ from: at(9, 30), until: at(17, 20) });
    expect(isOpenAt(hours, anchors, at(9, 29))).toBe(false);
    expect(isOpenAt(hours, anchors, at(9, 30))).toBe(true);
    expect(isOpenAt(hours, anchors, at(17, 19))).toBe(true);
    expect(isOpenAt(hours, anchors, at(17, 20))).toBe(false);
    expect(isOpenAt({ from: '00:00', until: '24:00' }, undefined, at(23, 59))).toBe(true);
  });

  it('keeps plan-relative services closed on a day the mall is closed', () => {
    expect(anchorsOf({})).toBeUndefined();
    expect(isOpenAt({ from: 'opening', until: 'closing' }, undefined, at(12, 0))).toBe(false);
    expect(isOpenAt({ from: '09:00', until: '12:00' }, undefined, at(10, 0))).toBe(true);
  });
});

describe('ticket codes', () => {
  it('pads the number to three digits and reads a typed code loosely', () => {
    expect(ticketCode('A', 1)).toBe('A001');
    expect(ticketCode('B', 1234)).toBe('B1234');
    expect(normaliseCode('a12')).toEqual({ prefix: 'A', number: 12 });
    expect(normaliseCode(' A012 ')).toEqual({ prefix: 'A', number: 12 });
    for (const bad of ['A', '12', 'A0', 'AB12', 'A-1', ''])
      expect(normaliseCode(bad)).toBeUndefined();
  });
});

describe('figures', () => {
  const row = (over: Partial<FigureRow>): FigureRow => ({
    takenService: 'enquiry',
    service: 'enquiry',
    counter: 1,
    status: 'done',
    takenAt: '2026-12-07T02:00:00.000Z',
    calledAt: '2026-12-07T02:10:00.000Z',
    startedAt: '2026-12-07T02:11:00.000Z',
    finishedAt: '2026-12-07T02:16:00.000Z',
    rating: null,
    category: null,
    ...over,
  });

  it('uses the nearest-rank 90th percentile', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 0.9)).toBe(10);
  });

  it('derives wait, walk-up and service times, and counts by service, counter and hour', () => {
    const rows = [
      row({ rating: 'satisfied', category: '商场导购' }),
      row({
        takenAt: '2026-12-07T03:00:00.000Z',
        calledAt: '2026-12-07T03:20:00.000Z',
        startedAt: '2026-12-07T03:22:00.000Z',
        finishedAt: '2026-12-07T03:32:00.000Z',
        counter: 2,
        category: '商场导购',
      }),
      row({ status: 'no-show', startedAt: null, finishedAt: null, takenService: 'complaint' }),
      row({ status: 'waiting', calledAt: null, startedAt: null, finishedAt: null, counter: null }),
    ];
    const f = computeFigures(
      rows,
      [
        { id: 'enquiry', name: '咨询', prefix: 'A' },
        { id: 'complaint', name: '投诉', prefix: 'B' },
      ],
      [
        { number: 1, name: '1号窗口' },
        { number: 2, name: '2号窗口' },
      ],
      (iso) => (new Date(iso).getUTCHours() + 8) % 24,
    );
    expect(f.totals).toMatchObject({
      taken: 4,
      served: 2,
      noShows: 1,
      open: 1,
      avgWaitMin: 13.3,
      p90WaitMin: 20,
      avgWalkMin: 1.5,
      avgServiceMin: 7.5,
      p90ServiceMin: 10,
      ratings: { satisfied: 1, neutral: 0, dissatisfied: 0 },
    });
    expect(f.services.map((s) => [s.service, s.taken, s.served, s.noShows])).toEqual([
      ['enquiry', 3, 2, 1],
      ['complaint', 1, 0, 0],
    ]);
    expect(f.counters.map((c) => [c.counter, c.taken, c.served])).toEqual([
      [1, 2, 1],
      [2, 1, 1],
    ]);
    expect(f.hours).toEqual([
      { hour: 10, taken: 3, served: 1 },
      { hour: 11, taken: 1, served: 1 },
    ]);
    expect(f.categories).toEqual([{ category: '商场导购', count: 2 }]);
  });
});
