/** Numbers written out in Mandarin, for text-to-speech. Pure. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

export interface DigitOptions {
  /** How 1 is said when digits are read one by one: 一, or 幺 as on phones and radios. */
  one?: '一' | '幺';
}

/** `012` → `零一二`: codes, plates and phone numbers, where each digit counts. */
export function digitByDigit(digits: string, options: DigitOptions = {}): string {
  return [...digits]
    .map((d) => (d === '1' && options.one ? options.one : (DIGITS[Number(d)] ?? d)))
    .join('');
}

/** 0–9999 as 千百十 groups; `zeroLead` adds the 零 that a group after 万 needs (10005 → 一万零五). */
function group(n: number, zeroLead: boolean): string {
  let out = '';
  let pendingZero = zeroLead;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero && (out || zeroLead)) out += '零';
    pendingZero = false;
    out += `${DIGITS[d]}${UNITS[i]}`;
  }
  return out;
}

/**
 * A whole number as it is said: 10 → 十, 15 → 十五, 105 → 一百零五, 20000 → 二万.
 * Beyond 亿 it falls back to digit by digit (nothing in an announcement is that large).
 */
export function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return '零';
  if (n >= 1e8) return digitByDigit(String(n));
  const wan = Math.floor(n / 10_000);
  const rest = n % 10_000;
  let out = wan ? `${group(wan, false)}万` : '';
  if (rest) out += group(rest, wan > 0 && rest < 1000);
  // 10–19 at the start are 十…, not 一十… (but 110 is 一百一十).
  return out.startsWith('一十') ? out.slice(1) : out;
}
