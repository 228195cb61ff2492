import schedule from 'node-schedule';
import type { Logger } from '../log.ts';

export interface DailyAt {
  hour: number;
  minute: number;
  second?: number;
}

interface Spec {
  at: DailyAt;
  fn: () => void | Promise<void>;
}

/**
 * The one place that imports node-schedule. Jobs always run in the mall's zone, a job that
 * could not be scheduled is an error (node-schedule returns null silently), and a job that
 * throws is logged while the others go on.
 */
export function createScheduler(timezone: string, log: Logger) {
  const specs = new Map<string, Spec>();
  const jobs = new Map<string, schedule.Job>();

  function arm(name: string, { at, fn }: Spec): void {
    jobs.get(name)?.cancel();
    const rule = { hour: at.hour, minute: at.minute, second: at.second ?? 0, tz: timezone };
    const job = schedule.scheduleJob(rule, async () => {
      try {
        await fn();
      } catch (err) {
        log.error('scheduled job failed', { job: name, err: (err as Error).stack ?? String(err) });
      }
    });
    if (!job) throw new Error(`could not schedule "${name}" at ${JSON.stringify(rule)}`);
    jobs.set(name, job);
  }

  return {
    /** Runs `fn` every day at hh:mm:ss on the mall's clocks. */
    daily(name: string, at: DailyAt, fn: () => void | Promise<void>): void {
      specs.set(name, { at, fn });
      arm(name, { at, fn });
    },
    /** When each job runs next. */
    next(): Record<string, string | null> {
      return Object.fromEntries(
        [...jobs].map(([name, job]) => [name, job.nextInvocation()?.toISOString() ?? null]),
      );
    },
    /** Arms every job again: node-schedule's single long timer does not notice a clock step. */
    rearm(): void {
      for (const [name, spec] of specs) arm(name, spec);
    },
    cancelAll(): void {
      for (const job of jobs.values()) job.cancel();
      jobs.clear();
      specs.clear();
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
