import type { Config } from './config.ts';

export type Logger = Record<
  'debug' | 'info' | 'warn' | 'error',
  (msg: string, fields?: Record<string, unknown>) => void
>;

const ORDER = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** One JSON line per entry on stderr: easy to read, easy to grep, easy to ship. */
export function createLogger(
  level: Config['logLevel'],
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const min = ORDER.indexOf(level);
  const make = (lvl: (typeof ORDER)[number]) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER.indexOf(lvl) < min) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}
