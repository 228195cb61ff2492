/** `¥1,234.50` from integer fen, without a float ever holding the money. Pure. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Fen from what the desk typed in 元 (`12.5`, `¥1,200`, `0.05`), read as text so 0.1 + 0.2
 * never creeps in; undefined when it is not an amount with at most two decimals. Pure.
 */
export function fenOf(typed: string): number | undefined {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(typed.trim().replace(/^¥/, '').replace(/,/g, ''));
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** What fenOf refuses, in both languages, for the field's error line. */
export const NOT_AN_AMOUNT =
  '请写金额（元），最多两位小数，如 12.50 · an amount in yuan, e.g. 12.50';
