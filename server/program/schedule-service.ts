import { createHash } from 'node:crypto';
import { addDays, dateInZone, type IsoDate } from '../../core/zoned-time.ts';
import type { EventBus } from '../events/bus.ts';
import { apiError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { MediaCatalogue } from '../media/catalogue.ts';
import type { Schedules } from './check.ts';
import { compileDayPlan, type PlanOptions } from './compile.ts';
import { CALENDAR_WARNING_CODES } from './calendar-warnings.ts';
import { calendarDateIssues, parseSchedules } from './load.ts';
import type { DayPlan } from '../../core/plan.ts';
import type { Promo } from './promo-schema.ts';
import type { Forecast } from './spoken.ts';
import {
  STORED_FILES,
  type RevisionWithText,
  type ScheduleStore,
  type StoredFile,
} from './schedule-store.ts';
import type { SourceIssue } from './source.ts';

/** An edit is refused if any plan in this many days from today would break. */
export const LOOKAHEAD_DAYS = 7;

export interface ScheduleDeps {
  store: ScheduleStore;
  bus: EventBus;
  log: Logger;
  catalogue: () => MediaCatalogue;
  promos: () => readonly Promo[];
  now: () => Date;
  /** The forecast stored for a date (server/weather/); a plan asked for without one uses it. */
  forecast?: (date: IsoDate) => Forecast | null;
}

export interface Candidate {
  texts?: Partial<Record<StoredFile, string>>;
  catalogue?: MediaCatalogue;
  promos?: readonly Promo[];
}

export interface Verdict {
  errors: SourceIssue[];
  warnings: SourceIssue[];
  schedules?: Omit<Schedules, 'promos'>;
}

export interface CompiledPlan {
  plan: DayPlan;
  json: string;
  /** Changes exactly when the plan's content does. */
  etag: string;
}

interface Live {
  revisions: Record<StoredFile, RevisionWithText>;
  schedules: Omit<Schedules, 'promos'>;
  warnings: SourceIssue[];
  /** The mall date the warnings that depend on the date were judged on. */
  warnedOn?: IsoDate;
}

/**
 * The program as the server runs it: the newest valid revision of each file, the plans compiled
 * from it (cached until something changes), and the gate every change goes through.
 */
export function scheduleService(deps: ScheduleDeps) {
  const { store, bus, log } = deps;
  const plans = new Map<string, CompiledPlan>();
  let live: Live | undefined;

  const nameOf = (file: StoredFile) => `${file}.yaml`;

  function verdict(
    texts: Record<StoredFile, string>,
    catalogue: MediaCatalogue,
    promos: readonly Promo[],
  ): Verdict {
    // No folder: issues name the file alone (`program.yaml:12:5`), as the console shows them.
    const now = deps.now().getTime();
    const parsed = parseSchedules(texts, { records: promos }, catalogue, '', { now });
    const { errors, warnings } = parsed;
    if (!parsed.schedules) return { errors, warnings };
    // The files are consistent; now prove the coming days compile.
    const today = dateInZone(parsed.schedules.calendar.timezone, deps.now().getTime());
    for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
      const date = addDays(today, i);
      try {
        compileDayPlan({ ...parsed.schedules, catalogue }, date);
      } catch (err) {
        errors.push({
          file: 'program.yaml',
          line: 0,
          col: 0,
          message: `the plan for ${date} cannot be compiled: ${(err as Error).message}`,
        });
      }
    }
    if (errors.length) return { errors, warnings };
    const { program, calendar, volume } = parsed.schedules;
    return { errors, warnings, schedules: { program, calendar, volume } };
  }

  const textsOf = (revisions: Record<StoredFile, RevisionWithText>) =>
    Object.fromEntries(STORED_FILES.map((f) => [f, revisions[f].text])) as Record<
      StoredFile,
      string
    >;

  /**
   * Picks the newest revisions that make a valid program. If the newest of a file does not
   * (media it needs went missing, say), its earlier revisions are tried: the last good program
   * keeps playing, and the problem is logged.
   */
  function load(): void {
    const candidates = Object.fromEntries(
      STORED_FILES.map((f) => [f, store.list(f, 50)]),
    ) as Record<StoredFile, RevisionWithText[]>;
    const index = Object.fromEntries(STORED_FILES.map((f) => [f, 0])) as Record<StoredFile, number>;
    for (;;) {
      const revisions = Object.fromEntries(
        STORED_FILES.map((f) => [f, candidates[f][index[f]]]),
      ) as Record<StoredFile, RevisionWithText | undefined>;
      if (STORED_FILES.some((f) => !revisions[f])) {
        throw new Error(
          `no valid revision of the schedules could be found: ${STORED_FILES.filter((f) => !revisions[f]).join(', ')}`,
        );
      }
      const full = revisions as Record<StoredFile, RevisionWithText>;
      const v = verdict(textsOf(full), deps.catalogue(), deps.promos());
      if (v.schedules) {
        live = { revisions: full, schedules: v.schedules, warnings: v.warnings };
        plans.clear();
        return;
      }
      const bad = new Set(
        v.errors
          .map((e) => e.file.replace(/\.yaml$/, ''))
          .filter((f): f is StoredFile => (STORED_FILES as readonly string[]).includes(f)),
      );
      log.error('schedule revision is not valid; falling back to an earlier one', {
        errors: v.errors.slice(0, 20).map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`),
      });
      // Step back the failing files (or, when the fault lies elsewhere, the newest of them).
      const step = bad.size
        ? [...bad]
        : [STORED_FILES.reduce((a, b) => (full[a].id > full[b].id ? a : b))];
      for (const f of step) index[f]++;
    }
  }

  function current(): Live {
    if (!live) load();
    const l = live as Live;
    // Next year's holidays become a warning on 1 November without anyone saving anything.
    const now = deps.now().getTime();
    const today = dateInZone(l.schedules.calendar.timezone, now);
    if (l.warnedOn !== today) {
      const dated = (w: SourceIssue) =>
        (CALENDAR_WARNING_CODES as readonly unknown[]).includes(w.code);
      l.warnings = [
        ...l.warnings.filter((w) => !dated(w)),
        ...calendarDateIssues(
          'calendar.yaml',
          l.revisions.calendar.text,
          l.schedules.calendar,
          now,
        ),
      ];
      l.warnedOn = today;
    }
    return l;
  }

  function comingDates(): IsoDate[] {
    const today = dateInZone(current().schedules.calendar.timezone, deps.now().getTime());
    return Array.from({ length: LOOKAHEAD_DAYS }, (_, i) => addDays(today, i));
  }

  /** Forget compiled plans and tell every client which dates to fetch again. */
  function invalidate(reason: string): void {
    plans.clear();
    bus.publish('plan-changed', { dates: comingDates(), reason });
  }

  return {
    current,
    timezone: () => current().schedules.calendar.timezone,
    today: () => dateInZone(current().schedules.calendar.timezone, deps.now().getTime()),

    /** The plan of a date, compiled once and kept until something changes. */
    plan(date: IsoDate, options: PlanOptions = {}): DayPlan {
      return this.compiled(date, options).plan;
    },

    /** The plan with its JSON text and an ETag, so serving it again costs nothing. */
    compiled(date: IsoDate, options: PlanOptions = {}): CompiledPlan {
      const forecast =
        options.forecast !== undefined ? options.forecast : (deps.forecast?.(date) ?? null);
      // The forecast is part of the key: a plan is never served with yesterday's weather.
      const key = `${date}|${JSON.stringify(forecast)}`;
      let entry = plans.get(key);
      if (!entry) {
        const { schedules } = current();
        const inputs = { ...schedules, promos: deps.promos(), catalogue: deps.catalogue() };
        const plan = compileDayPlan(inputs, date, { ...options, forecast });
        const json = JSON.stringify(plan);
        const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
        entry = { plan, json, etag };
        if (plans.size > 400) plans.clear();
        plans.set(key, entry);
      }
      return entry;
    },

    /** Would the program still be valid with these changes? Nothing is changed. */
    check(candidate: Candidate): Verdict {
      const texts = { ...textsOf(current().revisions), ...candidate.texts };
      return verdict(
        texts,
        candidate.catalogue ?? deps.catalogue(),
        candidate.promos ?? deps.promos(),
      );
    },

    /** Saves a new revision of a file, or refuses it with every problem found. */
    save(
      file: StoredFile,
      text: string,
      author: string,
      note: string,
      baseRevision?: number,
    ): RevisionWithText {
      const now = current();
      if (baseRevision !== undefined && baseRevision !== now.revisions[file].id) {
        throw apiError(
          409,
          'conflict',
          `${nameOf(file)} was changed by someone else (now revision ${now.revisions[file].id}); reload and edit again`,
          {
            revision: now.revisions[file].id,
          },
        );
      }
      const v = this.check({ texts: { [file]: text } });
      if (!v.schedules) {
        throw apiError(
          422,
          'invalid-schedule',
          `${v.errors.length} problem(s): the change was not saved and the current program keeps running`,
          {
            issues: v.errors,
          },
        );
      }
      const revision = store.add(file, text, author, note, deps.now());
      live = {
        revisions: { ...now.revisions, [file]: revision },
        schedules: v.schedules,
        warnings: v.warnings,
      };
      bus.publish('schedule-changed', { file, revision: revision.id, author });
      invalidate(`${nameOf(file)} revision ${revision.id}`);
      return revision;
    },

    /** Newest first. */
    revisions: (file: StoredFile) => store.list(file),
    revision: (id: number) => store.get(id),

    /** Something the plan depends on outside the files changed (media, promos, the clock). */
    invalidate,

    /** Imports the folder's files as the first revisions, when the database has none. */
    seed(texts: Record<StoredFile, string>, author: string): void {
      if (!store.isEmpty()) return;
      for (const f of STORED_FILES)
        store.add(f, texts[f], author, 'imported from schedules/', deps.now());
      live = undefined;
    },
    reload(): void {
      live = undefined;
      load();
    },
  };
}
export type ScheduleService = ReturnType<typeof scheduleService>;
