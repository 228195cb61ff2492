import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';

/** A problem found in a file, where a person can find it: `program.yaml:12:5: message`. */
export interface SourceIssue {
  file: string;
  line: number;
  col: number;
  message: string;
  /** A stable name for warnings that something else acts on (`next-year-holidays-missing`). */
  code?: string;
}

export type Path = readonly PropertyKey[];

/** A YAML file parsed with positions kept, so any path in it can be pointed at. */
export interface SourceFile {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** `file:line:col: message`, or `file: message` for a whole file. */
export function formatIssue(i: SourceIssue): string {
  return i.line > 0 ? `${i.file}:${i.line}:${i.col}: ${i.message}` : `${i.file}: ${i.message}`;
}

// `fatal`: a byte that is not UTF-8 is an error, not a silent U+FFFD; a leading BOM is dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

const NOT_UTF8 =
  'save it as UTF-8 and try again (in Notepad: 另存为 → 编码 UTF-8; 请用 UTF-8 编码保存)';

/**
 * A file's bytes as text, or where they stop being UTF-8. A file saved by Windows Notepad as
 * "ANSI" is GBK/GB18030: read as UTF-8 its Chinese would become mojibake that TTS reads aloud.
 */
export function decodeUtf8(
  file: string,
  bytes: Uint8Array,
): { text: string; issue?: undefined } | { issue: SourceIssue; text?: undefined } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    let gbk = false;
    try {
      gb18030.decode(bytes);
      gbk = true;
    } catch {
      // Neither encoding: say only that it is not UTF-8.
    }
    const lineStartOf = (i: number) => bytes.lastIndexOf(0x0a, i - 1) + 1;
    let at = firstInvalidUtf8(bytes);
    // GBK's first character may pass for UTF-8 (元 is D4 AA): point at where the line's
    // non-ASCII text starts, the character a person sees garbled. GBK never uses 0x0A in a
    // character, so lines are the same in either reading.
    const from = lineStartOf(at);
    const firstHigh = bytes.findIndex((b, i) => i >= from && b >= 0x80);
    if (gbk && firstHigh !== -1 && firstHigh < at) at = firstHigh;
    const lineStart = lineStartOf(at);
    const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
    const col = [...utf8.decode(bytes.subarray(lineStart, at))].length + 1;
    const what = gbk
      ? 'is not UTF-8 text: it reads as GBK/GB18030, the encoding Windows Notepad calls "ANSI"'
      : 'is not UTF-8 text';
    return { issue: { file, line, col, message: `${baseName(file)} ${what}; ${NOT_UTF8}` } };
  }
}

/** Bytes in a UTF-8 sequence that starts with `b`; 0 when no sequence starts so. */
const sequenceLength = (b: number) =>
  b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes[i] as number);
    if (n === 0) return i;
    try {
      if (n > 1) utf8.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return bytes.length;
}

/**
 * Text that went through a lenient decoder (a browser's FileReader, `Buffer#toString`) carries
 * U+FFFD where its bytes were not UTF-8: refuse it rather than speak it.
 */
export function replacementCharIssue(file: string, text: string): SourceIssue | undefined {
  const at = text.indexOf('\uFFFD');
  if (at === -1) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return {
    file,
    line,
    col,
    message: `${baseName(file)} contains "\uFFFD" where its bytes were not UTF-8 (saved as GBK/GB18030?); ${NOT_UTF8}`,
  };
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/**
 * The most lines (and comma-separated flow items) a YAML file may have: the shipped program has
 * 114 lines, a calendar with ten years of holidays about 600. Past it a file is refused
 * before it is parsed: parsing costs time that every player's clock sync and every call waits
 * behind, and counting lines costs a millisecond for the largest file a route accepts.
 */
export const MAX_YAML_LINES = 2_000;
/** Past this many problems a person reads no further: the rest are counted, not listed. */
export const MAX_ISSUES = 200;

export function parseYaml(
  file: string,
  text: string,
): { source: SourceFile; issues: SourceIssue[] } {
  const lines = new LineCounter();
  const tooBig = sizeLimitIssue(file, text);
  if (tooBig) return { source: { file, doc: parseDocument(''), lines }, issues: [tooBig] };
  // yaml's own `uniqueKeys` compares every key with every other: a file of 16,000 keys took
  // seconds. Duplicates are found below with a set per map instead.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const source = { file, doc, lines };
  const issues: SourceIssue[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (issues.length >= MAX_ISSUES) break;
    const pos = lines.linePos(e.pos[0]);
    issues.push({
      file,
      line: pos.line,
      col: pos.col,
      message: e.message.split('\n')[0] ?? e.message,
    });
  }
  if (issues.length === 0) issues.push(...duplicateKeys(source));
  return { source, issues: capIssues(issues, doc.errors.length + doc.warnings.length) };
}

/**
 * The file has more lines and flow items than any real one: where it passed the cap. Native
 * `indexOf` hops from one newline or comma to the next: a loop over every character ran
 * uncompiled on a cold server and held the event loop 23 ms over a 1 MB file.
 */
function sizeLimitIssue(file: string, text: string): SourceIssue | undefined {
  let line = 1;
  let nl = text.indexOf('\n');
  let comma = text.indexOf(',');
  for (let items = 1; nl !== -1 || comma !== -1; items++) {
    if (items > MAX_YAML_LINES)
      return {
        file,
        line,
        col: 1,
        message: `${baseName(file)} is too large to check: more than ${MAX_YAML_LINES.toLocaleString('en')} lines and list items by line ${line} (the shipped program has 114 lines); 文件过大，未保存`,
      };
    if (comma === -1 || (nl !== -1 && nl < comma)) {
      line++;
      nl = text.indexOf('\n', nl + 1);
    } else comma = text.indexOf(',', comma + 1);
  }
  return undefined;
}

/** Each map's keys that occur twice, found in one pass with a set per map. */
function duplicateKeys(source: SourceFile): SourceIssue[] {
  const issues: SourceIssue[] = [];
  visit(source.doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const pos = source.lines.linePos(pair.key.range?.[0] ?? 0);
        issues.push({ ...pos, file: source.file, message: `duplicate key "${key}"` });
        if (issues.length >= MAX_ISSUES) return visit.BREAK;
      }
      return undefined;
    },
  });
  return issues;
}

/**
 * The first `MAX_ISSUES` of `total` problems, and one more line saying how many were left
 * out: a file of 100,000 mistakes answers in a page, not in megabytes.
 */
export function capIssues(issues: SourceIssue[], total = issues.length): SourceIssue[] {
  if (total <= MAX_ISSUES && issues.length <= MAX_ISSUES) return issues;
  const shown = issues.slice(0, MAX_ISSUES);
  const more = Math.max(total, issues.length) - shown.length;
  const first = shown[0];
  return [
    ...shown,
    {
      file: first?.file ?? '',
      line: 0,
      col: 0,
      message: `… and ${more.toLocaleString('en')} more problem(s) not listed (还有 ${more} 处问题未列出)`,
    },
  ];
}

interface Found {
  node: Node | null;
  keyNode?: Node;
}

/** The deepest node along `path` (the whole path when it exists). */
function walk(source: SourceFile, path: Path): Found {
  let found: Found = { node: (source.doc.contents as Node | null) ?? null };
  for (const seg of path) {
    const node = found.node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      found = {
        node: (pair.value as Node | null) ?? (pair.key as Node),
        keyNode: pair.key as Node,
      };
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      found = { node: node.items[seg] as Node };
    } else break;
  }
  return found;
}

export function locate(
  source: SourceFile,
  path: Path,
  atKey = false,
): { line: number; col: number } {
  const { node, keyNode } = walk(source, path);
  const target = atKey && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}

export function issueAt(
  source: SourceFile,
  path: Path,
  message: string,
  atKey = false,
): SourceIssue {
  return { file: source.file, ...locate(source, path, atKey), message };
}

function describePath(path: Path): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

/** Validates a parsed file with its schema; every problem comes back with its line and column. */
export function validateSource<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
): { value?: z.output<S>; issues: SourceIssue[] } {
  let data: unknown;
  try {
    data = source.doc.toJS() ?? {};
  } catch (err) {
    // An alias bomb ("billion laughs"): yaml stops expanding it and says so.
    return {
      issues: [
        {
          file: source.file,
          line: 1,
          col: 1,
          message: `${baseName(source.file)} cannot be read: ${(err as Error).message.split('\n')[0]} (too many *aliases)`,
        },
      ],
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, issues: [] };
  const issues: SourceIssue[] = [];
  let total = 0;
  for (const issue of result.error.issues) {
    const where = describePath(issue.path);
    const prefix = where ? `${where}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      total += issue.keys.length;
      // Located one by one, each a walk of its map: only those a person will read.
      for (const key of issue.keys.slice(0, Math.max(0, MAX_ISSUES - issues.length)))
        issues.push(issueAt(source, [...issue.path, key], `${prefix}unknown field "${key}"`, true));
      continue;
    }
    total++;
    if (issues.length >= MAX_ISSUES) continue;
    // zod says "expected string, received undefined" for a field that is simply not there.
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    issues.push(issueAt(source, issue.path, `${prefix}${message}`));
  }
  return { issues: capIssues(issues, total) };
}
