import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dateInZone } from '../../core/zoned-time.ts';
import type { ZodType } from 'zod';
import type { MediaCatalogue } from '../media/catalogue.ts';
import { scanMedia } from '../media/scan.ts';
import { calendarSchema } from './calendar-schema.ts';
import { checkSchedules, type Finding, type ScheduleFile, type Schedules } from './check.ts';
import { programSchema } from './program-schema.ts';
import { promosFileSchema, type Promo } from './promo-schema.ts';
import type { Calendar } from './calendar-schema.ts';
import { calendarWarnings, type CalendarWarning } from './calendar-warnings.ts';
import { checkEventFit } from './check-event-fit.ts';
import {
  capIssues,
  decodeUtf8,
  MAX_ISSUES,
  issueAt,
  parseYaml,
  replacementCharIssue,
  validateSource,
  type SourceFile,
  type SourceIssue,
} from './source.ts';
import { volumeSchema } from './volume-schema.ts';

export const SCHEDULE_FILES: Record<ScheduleFile, string> = {
  program: 'program.yaml',
  calendar: 'calendar.yaml',
  volume: 'volume.yaml',
  promos: 'promos.yaml',
};

export type ScheduleTexts = Record<ScheduleFile, string | undefined>;

/** The promos as a file's text (the CLI), or as records already validated (the server's table). */
export type PromoSource = { text: string | undefined } | { records: readonly Promo[] };

export interface ParseOptions {
  /**
   * The time of the check. With it, findings that depend on the date are added (next year's
   * holidays missing) and events that are over are not compiled again.
   */
  now?: number;
  /** Files that exist but could not be read (reported already): not "missing". */
  unreadable?: ReadonlySet<ScheduleFile>;
}

export interface ParsedSchedules {
  /** Present only when there is no error: a program that is safe to compile. */
  schedules?: Schedules;
  errors: SourceIssue[];
  warnings: SourceIssue[];
}

/**
 * Parses and checks the four schedule texts against the media there is. Pure, so the server
 * can validate an uploaded file the same way the CLI checks the folder.
 */
export function parseSchedules(
  texts: Omit<ScheduleTexts, 'promos'>,
  promoSource: PromoSource,
  catalogue: MediaCatalogue,
  dir = 'schedules',
  options: ParseOptions = {},
): ParsedSchedules {
  const errors: SourceIssue[] = [];
  const sources: Partial<Record<ScheduleFile, SourceFile>> = {};
  const parse = <T>(file: ScheduleFile, schema: ZodType<T>, required: boolean): T | undefined => {
    const name = dir ? `${dir}/${SCHEDULE_FILES[file]}` : SCHEDULE_FILES[file];
    const text =
      file === 'promos' ? ('text' in promoSource ? promoSource.text : undefined) : texts[file];
    if (text === undefined) {
      if (required && !options.unreadable?.has(file))
        errors.push({ file: name, line: 0, col: 0, message: 'file is missing' });
      return undefined;
    }
    const mojibake = replacementCharIssue(name, text);
    if (mojibake) {
      errors.push(mojibake);
      return undefined;
    }
    const { source, issues } = parseYaml(name, text);
    sources[file] = source;
    if (issues.length) {
      errors.push(...issues);
      return undefined;
    }
    const result = validateSource(source, schema);
    errors.push(...result.issues);
    return result.value;
  };
  const program = parse('program', programSchema, true);
  const calendar = parse('calendar', calendarSchema, true);
  const volume = parse('volume', volumeSchema, true);
  const promos =
    'records' in promoSource
      ? { promos: promoSource.records }
      : promoSource.text === undefined
        ? { promos: [] }
        : parse('promos', promosFileSchema, false);
  if (!program) return { errors, warnings: [] };

  // With the program readable, check it against stand-ins for any file that is not, so every
  // error shows at once; findings in a stand-in are not reported.
  const failed = new Set<ScheduleFile>();
  const orStandIn = <T>(file: ScheduleFile, value: T | undefined, standIn: T): T => {
    if (value !== undefined) return value;
    failed.add(file);
    return standIn;
  };
  const schedules: Schedules = {
    program,
    calendar: orStandIn('calendar', calendar, calendarSchema.parse({})),
    volume: orStandIn(
      'volume',
      volume,
      volumeSchema.parse({ scale: {}, defaults: { music: 24, speech: 26 } }),
    ),
    promos: orStandIn('promos', promos, { promos: [] }).promos,
  };
  const today =
    options.now === undefined ? undefined : dateInZone(schedules.calendar.timezone, options.now);
  const found = checkSchedules(schedules, catalogue);
  // The event scripts are timed by compiling their days, which needs a program without errors.
  if (!found.some((f) => f.severity === 'error'))
    found.push(...checkEventFit(schedules, catalogue, today));
  if (options.now !== undefined)
    found.push(...calendarWarnings(schedules.calendar, options.now).map(holidayFinding));
  const findings = found.filter((f) => !failed.has(f.file));
  // Each finding is located by a walk of its file: only as many as a person will read.
  const located = (severity: 'error' | 'warning') => {
    const all = findings.filter((f) => f.severity === severity);
    const shown = all.slice(0, MAX_ISSUES).map((f) => {
      const source = sources[f.file];
      if (source) {
        const issue = issueAt(source, f.path, f.message, f.atKey);
        return f.code ? { ...issue, code: f.code } : issue;
      }
      // Promo records from the database: name the promo instead of a line.
      const promo = schedules.promos[Number(f.path[1])];
      return { file: 'promos', line: 0, col: 0, message: `${promo?.id ?? '?'}: ${f.message}` };
    });
    return capIssues(shown, all.length);
  };
  errors.push(...located('error'));
  const warnings = located('warning');
  return errors.length ? { errors, warnings } : { schedules, errors, warnings };
}

/** A calendar warning as a finding at the calendar's `holidays:`, where the fix goes. */
const holidayFinding = (w: CalendarWarning): Finding => ({
  file: 'calendar',
  path: ['holidays'],
  message: `${w.en} (${w.zh})`,
  severity: 'warning',
  atKey: true,
  code: w.code,
});

/** The calendar's warnings at `now` (they change with the date), located in its text. */
export function calendarDateIssues(
  name: string,
  text: string,
  calendar: Calendar,
  now: number,
): SourceIssue[] {
  const warnings = calendarWarnings(calendar, now);
  if (warnings.length === 0) return [];
  const { source } = parseYaml(name, text);
  return warnings.map(holidayFinding).map((f) => ({
    ...issueAt(source, f.path, f.message, f.atKey),
    code: f.code as string,
  }));
}

/**
 * Reads `program.yaml`, `calendar.yaml`, `volume.yaml` and (if present) `promos.yaml` as UTF-8.
 * A file that is there but cannot be read (a folder of that name, not UTF-8, no permission) is
 * a problem named after the file, not an error without a name.
 */
export async function readScheduleTexts(
  dir: string,
): Promise<{ texts: ScheduleTexts; problems: SourceIssue[]; unreadable: Set<ScheduleFile> }> {
  const problems: SourceIssue[] = [];
  const unreadable = new Set<ScheduleFile>();
  const read = async (file: ScheduleFile): Promise<string | undefined> => {
    const name = `${dir}/${SCHEDULE_FILES[file]}`;
    const problem = (message: string, at: Partial<SourceIssue> = {}) => {
      problems.push({ file: name, line: 0, col: 0, message, ...at });
      unreadable.add(file);
      return undefined;
    };
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, SCHEDULE_FILES[file]));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'EISDIR')
        return problem(`is a folder, not a file: put the ${SCHEDULE_FILES[file]} file there`);
      return problem(`cannot be read (${code ?? (err as Error).message})`);
    }
    const decoded = decodeUtf8(name, bytes);
    return decoded.issue ? problem(decoded.issue.message, decoded.issue) : decoded.text;
  };
  const entries = await Promise.all(
    (Object.keys(SCHEDULE_FILES) as ScheduleFile[]).map(async (k) => [k, await read(k)] as const),
  );
  return { texts: Object.fromEntries(entries) as ScheduleTexts, problems, unreadable };
}

export interface LoadedSchedules extends ParsedSchedules {
  catalogue: MediaCatalogue;
}

/** Reads the schedules folder and scans the media folder, then parses and checks both together. */
export async function loadSchedules(
  schedulesDir: string,
  mediaDir: string,
  now?: number,
): Promise<LoadedSchedules> {
  const [{ texts, problems, unreadable }, scanned] = await Promise.all([
    readScheduleTexts(schedulesDir),
    scanMedia(mediaDir),
  ]);
  const options = now === undefined ? { unreadable } : { unreadable, now };
  const parsed = parseSchedules(
    texts,
    { text: texts.promos },
    scanned.catalogue,
    schedulesDir,
    options,
  );
  const mediaErrors = scanned.problems.map((p) => ({
    file: `${mediaDir}/${p.file}`,
    line: 0,
    col: 0,
    message: p.message,
  }));
  const errors = [...problems, ...mediaErrors, ...parsed.errors];
  const result = { catalogue: scanned.catalogue, errors, warnings: parsed.warnings };
  return errors.length || !parsed.schedules ? result : { ...result, schedules: parsed.schedules };
}
