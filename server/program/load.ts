import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import type { MediaCatalogue } from '../media/catalogue.ts';
import { scanMedia } from '../media/scan.ts';
import { calendarSchema } from './calendar-schema.ts';
import { checkSchedules, type ScheduleFile, type Schedules } from './check.ts';
import { programSchema } from './program-schema.ts';
import { promosFileSchema, type Promo } from './promo-schema.ts';
import { issueAt, parseYaml, validateSource, type SourceFile, type SourceIssue } from './source.ts';
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
): ParsedSchedules {
  const errors: SourceIssue[] = [];
  const sources: Partial<Record<ScheduleFile, SourceFile>> = {};
  const parse = <T>(file: ScheduleFile, schema: ZodType<T>, required: boolean): T | undefined => {
    const name = dir ? `${dir}/${SCHEDULE_FILES[file]}` : SCHEDULE_FILES[file];
    const text =
      file === 'promos' ? ('text' in promoSource ? promoSource.text : undefined) : texts[file];
    if (text === undefined) {
      if (required) errors.push({ file: name, line: 0, col: 0, message: 'file is missing' });
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
  const findings = checkSchedules(schedules, catalogue).filter((f) => !failed.has(f.file));
  const located = (severity: 'error' | 'warning') =>
    findings
      .filter((f) => f.severity === severity)
      .map((f) => {
        const source = sources[f.file];
        if (source) return issueAt(source, f.path, f.message, f.atKey);
        // Promo records from the database: name the promo instead of a line.
        const promo = schedules.promos[Number(f.path[1])];
        return { file: 'promos', line: 0, col: 0, message: `${promo?.id ?? '?'}: ${f.message}` };
      });
  errors.push(...located('error'));
  const warnings = located('warning');
  return errors.length ? { errors, warnings } : { schedules, errors, warnings };
}

/** Reads `program.yaml`, `calendar.yaml`, `volume.yaml` and (if present) `promos.yaml`. */
export async function readScheduleTexts(dir: string): Promise<ScheduleTexts> {
  const read = (name: string) =>
    readFile(join(dir, name), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
  const entries = await Promise.all(
    (Object.entries(SCHEDULE_FILES) as [ScheduleFile, string][]).map(
      async ([k, name]) => [k, await read(name)] as const,
    ),
  );
  return Object.fromEntries(entries) as ScheduleTexts;
}

export interface LoadedSchedules extends ParsedSchedules {
  catalogue: MediaCatalogue;
}

/** Reads the schedules folder and scans the media folder, then parses and checks both together. */
export async function loadSchedules(
  schedulesDir: string,
  mediaDir: string,
): Promise<LoadedSchedules> {
  const [texts, scanned] = await Promise.all([
    readScheduleTexts(schedulesDir),
    scanMedia(mediaDir),
  ]);
  const parsed = parseSchedules(texts, { text: texts.promos }, scanned.catalogue, schedulesDir);
  const mediaErrors = scanned.problems.map((p) => ({
    file: `${mediaDir}/${p.file}`,
    line: 0,
    col: 0,
    message: p.message,
  }));
  const errors = [...mediaErrors, ...parsed.errors];
  const result = { catalogue: scanned.catalogue, errors, warnings: parsed.warnings };
  return errors.length || !parsed.schedules ? result : { ...result, schedules: parsed.schedules };
}
