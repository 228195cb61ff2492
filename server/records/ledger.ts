/**
 * What every desk ledger (台帐) shares: a record computed from its entries, each entry stamped
 * with who made it and when, and refusals that say why. Pure: no database, no clock.
 */

/** Who made a change, and when (epoch ms). */
export interface Stamp {
  at: number;
  by: string;
}

/** The columns a ledger's lists are found by, on every record. */
export interface LedgerRecord {
  id: number;
  /** The ledger's date, `YYYY-MM-DD` in the mall's zone: the day the lists file it under. */
  day: string;
  status: string;
  /** The merchant's name as the totals group it. */
  merchantName: string;
}

/** One change, as kept: never edited, never deleted; a correction is another entry. */
export interface LedgerEntry {
  id: number;
  at: string;
  by: string;
  action: string;
  data: unknown;
}

/**
 * An action the record's status does not allow (409), or a rule the request breaks (422):
 * nothing is written. `code` and `details` go into the API's answer.
 */
export class LedgerRefused extends Error {
  constructor(
    message: string,
    readonly status: 409 | 422 = 409,
    readonly code = 'not-allowed',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** `¥1,234.50` from integer fen, without a float ever holding the money. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Chinese first, English second: how a ledger names itself and its statuses to the desk. */
export interface Words {
  zh: string;
  en: string;
}

/** Refuses `action` unless the record's status allows it, naming the status in both languages. */
export function mustAllow<S extends string, A extends string>(
  what: Words,
  allowed: Record<S, readonly A[]>,
  statusZh: Record<S, string>,
  status: S,
  action: A,
): void {
  if (!allowed[status].includes(action))
    throw new LedgerRefused(
      `${what.zh}${statusZh[status]}，不能“${action}” · a ${what.en} that is ${status} cannot be given "${action}"`,
    );
}
