/** A string in a request that cannot be stored or spoken as sent, and where it is. */
export interface BadText {
  /** The field's path, `lines.2.text`; empty for the body itself. */
  field: string;
  message: string;
}

// C0 controls other than tab, newline and carriage return: a NUL cuts text short in the speech
// synthesiser and in C libraries. A surrogate half alone is not a character at all: SQLite would
// store it as U+FFFD, so what is read back is not what was sent. One pass over the char codes:
// a lookbehind regex took 14 ms over a 1 MB schedule file, on the event loop every player shares.
// A plain character class runs as native code even on a cold server; only a string with a
// suspect (any surrogate, even a good pair) is walked from there.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/;

function firstBadChar(s: string): { at: number; code: number; lone: boolean } | undefined {
  const first = SUSPECT.exec(s);
  if (!first) return undefined;
  for (let i = first.index; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return { at: i, code: c, lone: false };
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return { at: i, code: c, lone: true };
    }
  }
  return undefined;
}

/** The first string in `value` (walked as parsed JSON) that holds such a character. */
export function findBadText(
  value: unknown,
  path: readonly (string | number)[] = [],
): BadText | undefined {
  if (typeof value === 'string') {
    const bad = firstBadChar(value);
    if (!bad) return undefined;
    const field = path.join('.');
    const at = bad.at;
    const what = bad.lone
      ? 'half of a surrogate pair (not a character)'
      : `a control character (U+${bad.code.toString(16).toUpperCase().padStart(4, '0')})`;
    return {
      field,
      message: `${field ? `${field}: ` : ''}contains ${what} at position ${at + 1}; remove it and send again (含有无法保存的字符)`,
    };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], [...path, i]);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = findBadText(k, [...path, k]) ?? findBadText(v, [...path, k]);
      if (bad) return bad;
    }
  }
  return undefined;
}
