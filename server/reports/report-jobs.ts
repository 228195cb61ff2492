import { addDays, dateInZone, zonedDay } from '../../core/zoned-time.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';
import { makeDigest, type Digest } from './digest.ts';
import type { LedgerDeps } from './ledger.ts';
import { LEDGERS } from './ledgers.ts';
import { spanOf, weekPeriodOf, type Period } from './period.ts';
import { reportFiles, type StoredReport } from './report-files.ts';

const H = 3600_000;
/** Monday at 07:00 mall time: last week's ledgers, ready before the desk opens. */
export const WEEKLY_AT_MS = 7 * H;
/** 20:30 mall time, after closing on every kind of day: what was left undone. */
export const DIGEST_AT_MS = 20.5 * H;

export interface ReportJobDeps extends LedgerDeps {
  bus: EventBus;
  log: Logger;
  timezone: () => string;
  mall: string;
  /** `DATA_DIR/reports`. */
  dir: string;
}

/** What one `runDue` made. */
export interface RunResult {
  reports: StoredReport[];
  digest?: Digest;
}

/** The name a ledger's workbook is stored and downloaded by. */
export const fileNames = (ledger: { id: string; title: string }, period: Period) => ({
  file: `${ledger.id}-${period.label}.xlsx`,
  name: `${ledger.title} ${period.label}.xlsx`,
});

/**
 * The reports made on schedule: each weekly ledger of the week before, from Monday 07:00, and
 * the overdue digest of the day, from 20:30 (mall time). `runDue(now)` makes whatever is due
 * and not yet made, so the timer, a start-up after a night off, a clock step and a test all
 * call the same thing, and calling it twice makes nothing twice.
 */
export function reportJobs(deps: ReportJobDeps) {
  const files = reportFiles(deps.dir);
  const inFlight = new Map<string, Promise<StoredReport | undefined>>();
  let stopped = false;

  /** Which week's ledgers are due at `ms`: last week's from Monday 07:00, else the one before. */
  function dueWeek(zone: string, ms: number): Period {
    const monday = weekPeriodOf(dateInZone(zone, ms)).from;
    const madeFrom = zonedDay(zone, monday).toInstant(WEEKLY_AT_MS);
    return weekPeriodOf(addDays(monday, ms >= madeFrom ? -7 : -14));
  }

  function makeWeekly(period: Period, zone: string, now: number) {
    return LEDGERS.filter((l) => l.weekly).map((ledger) => {
      const { file, name } = fileNames(ledger, period);
      const running = inFlight.get(file);
      // Made by the call still writing it: this one waits for it, and made nothing.
      if (running) return running.then(() => undefined);
      if (files.has(file)) return Promise.resolve(undefined);
      // Read now, in this tick: a second call meanwhile finds it in flight.
      const write = ledger.read(deps, {
        period,
        span: spanOf(period, zone),
        zone,
        mall: deps.mall,
        now,
      });
      const meta = {
        file,
        ledger: ledger.id,
        name,
        period,
        generatedAt: new Date(now).toISOString(),
      };
      const job = files
        .save(meta, write)
        .then((stored) => {
          deps.log.info('report made', { file, size: stored.size });
          return stored;
        })
        .catch((err: Error) => {
          deps.log.error('report failed', { file, err: err.stack ?? String(err) });
          return undefined;
        })
        .finally(() => inFlight.delete(file));
      inFlight.set(file, job);
      return job;
    });
  }

  function makeDigestIfDue(zone: string, now: number): Digest | undefined {
    const date = dateInZone(zone, now);
    if (now < zonedDay(zone, date).toInstant(DIGEST_AT_MS) || files.hasDigest(date))
      return undefined;
    const digest = makeDigest(deps, now, date);
    files.saveDigest(digest);
    deps.bus.publish('records-digest', {
      date,
      total: digest.total,
      sections: digest.sections.map((s) => ({ id: s.id, title: s.title, count: s.count })),
    });
    deps.log.info('digest made', { date, total: digest.total });
    return digest;
  }

  return {
    files,
    async runDue(at: Date): Promise<RunResult> {
      if (stopped) return { reports: [] };
      const zone = deps.timezone();
      const now = at.getTime();
      let digest: Digest | undefined;
      try {
        digest = makeDigestIfDue(zone, now);
      } catch (err) {
        deps.log.error('digest failed', { err: (err as Error).stack ?? String(err) });
      }
      let weekly: Promise<StoredReport | undefined>[] = [];
      try {
        weekly = makeWeekly(dueWeek(zone, now), zone, now);
      } catch (err) {
        deps.log.error('report failed', { err: (err as Error).stack ?? String(err) });
      }
      const reports = (await Promise.all(weekly)).filter((r) => r !== undefined);
      return digest ? { reports, digest } : { reports };
    },
    /** Starts nothing new; a workbook being written is finished (its data already read). */
    stop(): void {
      stopped = true;
    },
  };
}
export type ReportJobs = ReturnType<typeof reportJobs>;
