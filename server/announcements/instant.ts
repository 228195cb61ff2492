import { isIsoDate } from '../../core/zoned-time.ts';

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

/**
 * An ISO 8601 date-time that says its offset (`…+08:00` or `…Z`), as epoch ms. A time without
 * an offset is refused: the server and the console may not share a zone.
 */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m || !isIsoDate(m[1] as string)) return undefined;
  const zone = (m[6] as string).toUpperCase();
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(
    `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${(m[5] ?? '').slice(0, 4)}${offset}`,
  );
  return Number.isNaN(ms) ? undefined : ms;
}
