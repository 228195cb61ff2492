import type { Statement } from 'better-sqlite3';
import { addDays, type IsoDate } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import { apiError } from '../http/errors.ts';
import {
  MAX_RANGE_DAYS,
  type PLAY_KINDS,
  type PlayFilterQuery,
  type PlayStatus,
} from '../../core/play-report.ts';

/** Which plays a query covers, with its dates settled. */
export interface PlayFilter {
  from: IsoDate;
  to: IsoDate;
  slot?: string | undefined;
  promo?: string | undefined;
  merchant?: string | undefined;
  device?: number | undefined;
  status?: PlayStatus | undefined;
  kind?: (typeof PLAY_KINDS)[number] | undefined;
}

/** Settles `date` or `from`–`to` into a range (today when neither is given); refuses a muddle. */
export function resolveFilter(q: PlayFilterQuery, today: IsoDate): PlayFilter {
  const { date, from, to, ...rest } = q;
  if (date && (from || to))
    throw apiError(400, 'invalid', 'give either date or from/to, not both', { field: 'date' });
  if (to && !from) throw apiError(400, 'invalid', 'from is required with to', { field: 'from' });
  const start = date ?? from ?? today;
  const end = date ?? to ?? start;
  if (end < start) throw apiError(400, 'invalid', 'to is before from', { field: 'to' });
  if (end > addDays(start, MAX_RANGE_DAYS - 1))
    throw apiError(400, 'invalid', `ask for at most ${MAX_RANGE_DAYS} days at a time`, {
      field: 'to',
    });
  return { from: start, to: end, ...rest };
}

const COLUMNS = {
  slot: 'p.slot',
  promo: 'p.promo_id',
  merchant: 'p.merchant',
  device: 'p.device_id',
  status: 'p.status',
  kind: 'p.kind',
} as const;

/**
 * The WHERE clause of a filter, with named parameters. Only the filters given appear, so SQLite
 * can pick the index that narrows most (an `x IS NULL OR` clause would hide it).
 */
export function whereOf(f: PlayFilter): { sql: string; params: Record<string, string | number> } {
  const terms = ['p.plan_date BETWEEN @from AND @to'];
  const params: Record<string, string | number> = { from: f.from, to: f.to };
  for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    const value = f[key];
    if (value === undefined) continue;
    terms.push(`${COLUMNS[key]} = @${key}`);
    params[key] = value;
  }
  return { sql: terms.join(' AND '), params };
}

/** Filters combine freely: each combination's SQL is prepared once, on first use. */
export function statementCache(db: Db): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
}
