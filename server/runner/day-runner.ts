import { join } from 'node:path';
import { backupDatabase, lastBackupAt } from '../backup/backup.ts';
import { addDays } from '../../core/zoned-time.ts';
import type { AppContext } from '../context.ts';
import { watchClock } from './clock-watch.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { FETCH_TIMES } from '../weather/weather-service.ts';

type RunnerContext = Pick<AppContext, 'schedules' | 'bus' | 'log' | 'db' | 'config' | 'now'> &
  Partial<Pick<AppContext, 'weather' | 'reports'>>;

/**
 * The server's coarse daily jobs: compile tomorrow ahead, roll over at midnight, back up at
 * night. Each is idempotent, so a restart mid-day replays nothing and a missed backup simply
 * runs at start. Precise timing is the players' job; the server only keeps plans ready.
 */
export function startDayRunner(ctx: RunnerContext, options: { watchEveryMs?: number } = {}) {
  const { schedules, bus, log } = ctx;
  const backupDir = join(ctx.config.dataDir, 'backups');
  let scheduler: Scheduler | undefined;

  /** Compiles today and tomorrow so both are ready (and any problem logged) before they play. */
  function compileAhead(): void {
    const today = schedules.today();
    for (const date of [today, addDays(today, 1)]) {
      const plan = schedules.plan(date);
      if (plan.warnings.length) log.warn('plan has warnings', { date, warnings: plan.warnings });
    }
  }

  async function backup(): Promise<void> {
    const path = await backupDatabase(ctx.db, backupDir, ctx.config.backupsKept, ctx.now());
    log.info('database backed up', { path });
  }

  function arm(): void {
    scheduler?.cancelAll();
    const s = createScheduler(schedules.timezone(), log);
    s.daily('rollover', { hour: 0, minute: 0, second: 5 }, () => {
      schedules.invalidate(`new day ${schedules.today()}`);
      bus.prune(ctx.now());
      compileAhead();
    });
    s.daily('compile-ahead', { hour: 22, minute: 0 }, compileAhead);
    s.daily('backup', { hour: 3, minute: 30 }, backup);
    // The provider's forecast, fetched ahead of the weather slot (a failure keeps the last one).
    const weather = ctx.weather;
    if (weather?.configured)
      for (const at of FETCH_TIMES)
        s.daily(`weather-${at.hour}:${String(at.minute).padStart(2, '0')}`, at, async () => {
          await weather.refresh('scheduled');
        });
    // Monday's ledgers and the nightly digest, a few seconds after they fall due.
    if (ctx.reports) {
      s.daily('reports-weekly', { hour: 7, minute: 0, second: 5 }, () => runReports());
      s.daily('reports-digest', { hour: 20, minute: 30, second: 5 }, () => runReports());
    }
    scheduler = s;
  }

  /** Whatever report is due and not made: after a night off or a clock step too. */
  async function runReports(): Promise<void> {
    await ctx.reports?.runDue(ctx.now());
  }

  arm();
  compileAhead();
  schedules.invalidate('server started');
  void ctx.weather?.refreshIfStale();
  void runReports();
  void lastBackupAt(backupDir).then(async (last) => {
    if (!last || ctx.now().getTime() - last.getTime() > 24 * 3600_000)
      await backup().catch((err: Error) => log.error('backup failed', { err: err.message }));
  });

  const unsubscribe = bus.subscribe((e) => {
    // A new mall time zone moves every job.
    if (e.type === 'schedule-changed' && (e.payload as { file: string }).file === 'calendar') arm();
  });
  const stopWatch = watchClock(
    (stepMs) => {
      log.warn('wall clock stepped', { stepMs });
      scheduler?.rearm();
      schedules.invalidate(`clock stepped ${Math.round(stepMs / 1000)} s`);
      void runReports();
    },
    options.watchEveryMs,
    // By the server's one clock, so a step of an injected clock is seen like one of the wall's.
    () => ({ wall: ctx.now().getTime(), mono: performance.now() }),
  );

  return {
    next: () => scheduler?.next() ?? {},
    stop(): void {
      stopWatch();
      unsubscribe();
      scheduler?.cancelAll();
    },
  };
}
export type DayRunner = ReturnType<typeof startDayRunner>;
