import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { createScheduler } from '../../server/runner/scheduler.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler', () => {
  it('logs a job that throws and goes on: later jobs run, and it runs again the next day', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2026-12-04T15:59:00Z')); // 23:59 in Shanghai
    const logged: { level: string; msg: string; job?: string; err?: string }[] = [];
    const log = createLogger('error', (line) =>
      logged.push(JSON.parse(line) as (typeof logged)[number]),
    );
    // A rejection nobody handles is what a job without the scheduler's catch turns into
    // (node-schedule re-throws it from an 'error' event with no listener).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const s = createScheduler('Asia/Shanghai', log);
    try {
      const ran: string[] = [];
      s.daily('throws', { hour: 0, minute: 0, second: 1 }, () => {
        ran.push('throws');
        throw new Error('disk full');
      });
      s.daily('rejects', { hour: 0, minute: 0, second: 2 }, async () => {
        ran.push('rejects');
        await Promise.resolve();
        throw new Error('network down');
      });
      s.daily('after', { hour: 0, minute: 0, second: 3 }, () => {
        ran.push('after');
      });

      await vi.advanceTimersByTimeAsync(Date.parse('2026-12-05T16:00:10Z') - Date.now());
      // Real macrotasks, so Node has had its turn to report an unhandled rejection.
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));

      expect(ran).toEqual(['throws', 'rejects', 'after', 'throws', 'rejects', 'after']);
      expect(logged.map((l) => [l.level, l.msg, l.job])).toEqual([
        ['error', 'scheduled job failed', 'throws'],
        ['error', 'scheduled job failed', 'rejects'],
        ['error', 'scheduled job failed', 'throws'],
        ['error', 'scheduled job failed', 'rejects'],
      ]);
      expect(logged[0]?.err).toContain('disk full');
      expect(logged[1]?.err).toContain('network down');
      expect(unhandled).toEqual([]);
      expect(s.next()).toMatchObject({ throws: '2026-12-06T16:00:01.000Z' });
    } finally {
      s.cancelAll();
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
