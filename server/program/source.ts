import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** A problem found in a file, where a person can find it: `program.yaml:12:5: message`. */
export interface SourceIssue {
  file: string;
  line: number;
  col: number;
  message: string;
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

export function parseYaml(
  file: string,
  text: string,
): { source: SourceFile; issues: SourceIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = { file, doc, lines };
  const issues = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file, line: pos.line, col: pos.col, message: e.message.split('\n')[0] ?? e.message };
  });
  return { source, issues };
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
  const result = schema.safeParse(source.doc.toJS() ?? {});
  if (result.success) return { value: result.data, issues: [] };
  const issues = result.error.issues.flatMap((issue): SourceIssue[] => {
    const where = describePath(issue.path);
    const prefix = where ? `${where}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        issueAt(source, [...issue.path, key], `${prefix}unknown field "${key}"`, true),
      );
    }
    // zod says "expected string, received undefined" for a field that is simply not there.
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [issueAt(source, issue.path, `${prefix}${message}`)];
  });
  return { issues };
}
