/**
 * `npm run program -- --date 2026-12-05 [--json]` prints a day's plan;
 * `npm run program -- check` validates every file in schedules/ against media/.
 */
import { parseArgs } from 'node:util';
import { dateInZone, isIsoDate } from '../../core/zoned-time.ts';
import { readFolders } from '../config.ts';
import { compileDayPlan } from './compile.ts';
import { loadSchedules } from './load.ts';
import { planTable } from './plan-table.ts';
import { formatIssue } from './source.ts';
import type { Forecast } from './spoken.ts';

const USAGE = `usage:
  npm run program -- [--date YYYY-MM-DD] [--json] [--weather 多云,8,15]   print a day's plan
  npm run program -- check                                             validate schedules/
options: --schedules DIR (default $SCHEDULES_DIR, else schedules),
         --media DIR (default $MEDIA_DIR, else media)`;

class UsageError extends Error {}

function parseForecast(text: string): Forecast {
  const [condition, low, high] = text.split(/[,，]/).map((s) => s.trim());
  const num = (s: string | undefined, what: string) => {
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isFinite(n)) throw new UsageError(`--weather: ${what} "${s}" is not a number`);
    return n;
  };
  if (!condition) throw new UsageError('--weather: give the condition, e.g. --weather 多云,8,15');
  const f: Forecast = { condition };
  const lo = num(low, 'low');
  const hi = num(high, 'high');
  if (lo !== undefined) f.low = lo;
  if (hi !== undefined) f.high = hi;
  return f;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
      weather: { type: 'string' },
      schedules: { type: 'string' },
      media: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0] ?? 'plan';
  if (!['plan', 'check'].includes(command) || positionals.length > 1)
    throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  if (values.date !== undefined && !isIsoDate(values.date))
    throw new UsageError(`--date: "${values.date}" is not a date (YYYY-MM-DD)`);

  // The same folders the server would import, unless the command line says otherwise.
  const folders = readFolders();
  if ('errors' in folders) throw new UsageError(folders.errors.join('\n'));
  const now = Date.now();
  const loaded = await loadSchedules(
    values.schedules ?? folders.schedulesDir,
    values.media ?? folders.mediaDir,
    now,
  );
  for (const w of loaded.warnings) console.error(`${formatIssue(w)} (warning)`);
  for (const e of loaded.errors) console.error(formatIssue(e));
  if (command === 'check') {
    const n = loaded.errors.length;
    console.error(
      n === 0
        ? `ok: ${loaded.catalogue.items.length} media files, no errors${loaded.warnings.length ? `, ${loaded.warnings.length} warning(s)` : ''}`
        : `${n} error(s)`,
    );
    return n === 0 ? 0 : 1;
  }
  if (!loaded.schedules) return 1;

  const { program, calendar, volume, promos } = loaded.schedules;
  const date = values.date ?? dateInZone(calendar.timezone, now);
  const forecast = values.weather === undefined ? null : parseForecast(values.weather);
  const plan = compileDayPlan(
    { program, calendar, volume, promos, catalogue: loaded.catalogue },
    date,
    { forecast },
  );
  console.log(values.json ? JSON.stringify(plan, null, 2) : planTable(plan));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Expected failures (bad arguments, unreadable folders) get one line, not a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    console.error(
      err instanceof UsageError || (err as { code?: string }).code
        ? `${message}\n\n${USAGE}`
        : `error: ${message}`,
    );
    process.exitCode = 2;
  },
);
