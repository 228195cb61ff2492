/** A string in a request that cannot be stored or spoken as sent, and where it is. */
export interface BadText {
  /** The field's path, `lines.2.text`; empty for the body itself. */
  field: string;
  message: string;
}

// C0 controls other than tab, newline and carriage return: a NUL cuts text short in the speech
// synthesiser and in C libraries. A surrogate half alone is not a character at all: SQLite would
// store it as U+FFFD, so what is read back is not what was sent.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in `value` (walked as parsed JSON) that holds such a character. */
export function findBadText(
  value: unknown,
  path: readonly (string | number)[] = [],
): BadText | undefined {
  if (typeof value === 'string') {
    const control = CONTROL.exec(value);
    const lone = LONE_SURROGATE.exec(value);
    if (!control && !lone) return undefined;
    const field = path.join('.');
    const at = Math.min(control?.index ?? Infinity, lone?.index ?? Infinity);
    const what =
      control && control.index === at
        ? `a control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`
        : 'half of a surrogate pair (not a character)';
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
