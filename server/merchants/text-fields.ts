import { z } from 'zod';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The other control characters a paste from a spreadsheet or a PDF brings along (tab, line
 * feed and carriage return are text).
 */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c > 0 && c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Text as people mean it: NFC, no stray spaces; one line unless `multiline`. */
export function tidy(text: string, multiline = false): string {
  const t = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (!multiline) return t.replace(/\s+/g, ' ').trim();
  return t
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A text field from a person: refused with its field named when it holds a NUL byte, a lone
 * surrogate (half a character, which SQLite and every export would mangle) or a control
 * character; tidied, then required and bounded.
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string({ error: '须为文字 · must be text' })
    .refine((s) => !s.includes('\u0000'), {
      message: '不能含有空字符 · must not contain NUL bytes',
      abort: true,
    })
    .refine((s) => !LONE_SURROGATE.test(s), {
      message: '含有无效字符（孤立的代理项）· contains an invalid character (a lone surrogate)',
      abort: true,
    })
    .refine((s) => !hasControl(s), {
      message: '含有控制字符 · contains a control character',
      abort: true,
    })
    .transform((s) => tidy(s, options.multiline))
    .pipe(
      z
        .string()
        .min(1, '必填 · required')
        .max(max, `最多 ${max} 个字符 · at most ${max} characters`),
    );
}

/** An optional field: empty text and `null` both mean "none" (and clear it in a patch). */
export function optional<T extends z.ZodType>(schema: T) {
  return z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable())
    .optional();
}
