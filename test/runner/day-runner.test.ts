import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { clockStep } from '../../server/runner/clock-watch.ts';
import { startDayRunner } from '../../server/runner/day-runner.ts';
import { createScheduler } from '../../server/runner/scheduler.ts';
import { createLogger } from '../../server/log.ts';
import { startServer } from '../helpers/server.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('clock step detection', () => {
  it('ignores normal drift and reports a jump either way', () => {
    const prev = { wall: 1_000_000, mono: 500 };
    expect(clockStep(prev, { wall: 1_005_000, mono: 5_500 })).toBe(0);
    expect(clockStep(prev, { wall: 1_005_900, mono: 5_500 })).toBe(0);
    expect(clockStep(prev, { wall: 1_005_000 + 180_000, mono: 5_500 })).toBe(180_000);
    expect(clockStep(prev, { wall: 1_005_000 - 300_000, mono: 5_500 })).toBe(-300_000);
  });
});

describe('day runner', () => {
  it('rolls the plan over at midnight in the mall, whatever the host zone', async () => {
    const server = await startServer();
    try {
      vi.useFakeTimers({
        toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      });
      // 23:59:50 on 4 December in Shanghai (the test host runs in New York).
      vi.setSystemTime(new Date('2026-12-04T15:59:50Z'));
      const events: EventRecord[] = [];
      server.ctx.bus.subscribe((e) => events.push(e));
      const runner = startDayRunner(server.ctx, { watchEveryMs: 60_000 });
      expect(runner.next()).toMatchObject({
        rollover: '2026-12-04T16:00:05.000Z',
        backup: '2026-12-04T19:30:00.000Z',
        'compile-ahead': '2026-12-05T14:00:00.000Z',
      });
      expect(events.map((e) => (e.payload as { reason?: string }).reason)).toContain(
        'server started',
      );
      await vi.advanceTimersByTimeAsync(20_000);
      const rollover = events.find(
        (e) =>
          e.type === 'plan-changed' &&
          (e.payload as { reason: string }).reason.startsWith('new day'),
      );
      expect(rollover?.payload).toEqual({
        reason: 'new day 2026-12-05',
        dates: expect.arrayContaining(['2026-12-05', '2026-12-11']),
      });
      runner.stop();
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });

  it('runs a missed nightly backup at start', async () => {
    const server = await startServer();
    try {
      const runner = startDayRunner(server.ctx);
      await vi.waitFor(async () => {
        const { readdir } = await import('node:fs/promises');
        expect((await readdir(`${server.dataDir}/backups`)).length).toBe(1);
      });
      runner.stop();
    } finally {
      await server.close();
    }
  });

  it('refuses a job that cannot be scheduled instead of dropping it silently', () => {
    const s = createScheduler('Asia/Shanghai', createLogger('silent'));
    expect(() => s.daily('bad', { hour: 25, minute: 0 }, () => {})).toThrow(
      /could not schedule "bad"/,
    );
    s.cancelAll();
  });

  it('re-publishes the plan and rolls over on the new clock when the wall clock steps ahead', async () => {
    const server = await startServer();
    try {
      vi.useFakeTimers({
        toFake: [
          'Date',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'performance',
        ],
      });
      // 23:50 on 4 December in Shanghai, on a clock that is 5 minutes slow.
      vi.setSystemTime(new Date('2026-12-04T15:50:00Z'));
      const events: EventRecord[] = [];
      server.ctx.bus.subscribe((e) => events.push(e));
      const reasons = () => events.map((e) => (e.payload as { reason?: string }).reason ?? '');
      const rollovers = () =>
        events
          .filter((e) => e.type === 'plan-changed')
          .map((e) => ({ at: e.createdAt, reason: (e.payload as { reason: string }).reason }))
          .filter((e) => e.reason.startsWith('new day'));
      const runner = startDayRunner(server.ctx, { watchEveryMs: 1000 });
      await vi.advanceTimersByTimeAsync(1000);
      // NTP corrects it. Fake timers keep their delays across setSystemTime, as Node's monotonic
      // timers do, so a job armed before the step would now run 5 minutes late: 00:05:05.
      vi.setSystemTime(new Date(Date.now() + 5 * 60_000));
      await vi.advanceTimersByTimeAsync(1000);
      expect(reasons()).toContain('clock stepped 300 s');

      await vi.advanceTimersByTimeAsync(Date.parse('2026-12-04T16:00:06Z') - Date.now());
      expect(rollovers()).toEqual([
        { at: '2026-12-04T16:00:05.000Z', reason: 'new day 2026-12-05' },
      ]);
      // Past the instant the job armed before the step would have fired: it is gone, not run twice.
      await vi.advanceTimersByTimeAsync(6 * 60_000);
      expect(rollovers()).toHaveLength(1);
      expect(runner.next().rollover).toBe('2026-12-05T16:00:05.000Z');
      runner.stop();
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });
});
