import type { SourceIssue } from '../program/source.ts';

/** A floor map is a drawing of a few hundred shapes; anything far larger is a mistake. */
export const MAX_SVG_BYTES = 1024 * 1024;

/**
 * What would run code or fetch something from elsewhere when the kiosk puts the SVG into its
 * page: refused, not stripped, so what the screen draws is exactly the mall's file.
 */
const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  { pattern: /<script\b/gi, what: 'a <script> element' },
  { pattern: /<foreignObject\b/gi, what: 'a <foreignObject> element' },
  { pattern: /\son[a-z]+\s*=/gi, what: 'an event handler attribute (onclick=…)' },
  { pattern: /javascript:/gi, what: 'a javascript: link' },
  {
    pattern: /\s(?:xlink:)?href\s*=\s*["'](?!#)[^"']*["']/gi,
    what: 'a link to another file (only #id links are allowed)',
  },
  { pattern: /@import\b|url\(\s*["']?(?!#)/gi, what: 'a style that loads another file' },
];

const ID = /\sid\s*=\s*["']([^"']+)["']/g;

/** Line and column (1-based) of an offset in a text. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

/**
 * Checks one floor map's text: an `<svg>` with a viewBox (so it scales to any screen), nothing
 * that runs or loads, and the ids it defines (the floors file points at them). Pure.
 */
export function checkSvg(file: string, text: string): { ids: Set<string>; issues: SourceIssue[] } {
  const issues: SourceIssue[] = [];
  const at = (offset: number, message: string) =>
    issues.push({ file, ...positionOf(text, offset), message: `${file}: ${message}` });
  const root = /<svg\b[^>]*>/i.exec(text);
  if (!root) at(0, 'is not an SVG drawing (no <svg> element)');
  else if (!/\sviewBox\s*=\s*["'][^"']+["']/.test(root[0]))
    at(
      root.index,
      'the <svg> element needs a viewBox="0 0 width height", so it scales to the screen',
    );
  for (const { pattern, what } of FORBIDDEN) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m) at(m.index, `contains ${what}; floor maps may only draw`);
  }
  const ids = new Set<string>();
  for (const m of text.matchAll(ID)) ids.add(m[1] as string);
  return { ids, issues };
}
