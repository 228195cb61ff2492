import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';

/** A key path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];
export type YamlValue = string | number;

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const i = text.indexOf('\n', at);
  return i === -1 ? text.length : i;
};
const indentAt = (text: string, at: number) => {
  const from = lineStart(text, at);
  return /^[ \t]*/.exec(text.slice(from))?.[0] ?? '';
};

const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

/**
 * A value as the program files write it: numbers bare, strings bare when YAML reads them back
 * as the same string in a flow map too, else single-quoted (times like '09:20' always are).
 */
export function scalarText(value: YamlValue, style?: Scalar.Type): string {
  if (typeof value === 'number') return String(value);
  const quoted = `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.QUOTE_SINGLE || style === Scalar.QUOTE_DOUBLE) return quoted;
  const plain =
    value !== '' &&
    !RESERVED.test(value) &&
    !/^[-?:,[\]{}#&*!|>'"%@`\s\d.+]/.test(value) &&
    !/[:#,[\]{}]|\s$/.test(value);
  return plain ? value : quoted;
}

const nodeAt = (doc: Document, path: YamlPath): Node | undefined =>
  path.length ? (doc.getIn(path, true) as Node | undefined) : (doc.contents as Node | undefined);

/** One change to a document: the text with it applied, or undefined to try another way. */
type Splice = (text: string, doc: Document) => string | undefined;

/**
 * Applies a change as a splice of the source text at the nodes' ranges, so every other byte —
 * comments, quoting, flow maps, blank lines — stays as the person wrote it; proves the result
 * reads back as intended, and otherwise falls back to the Document API (comments survive that
 * too, only some spacing is normalised).
 */
function apply(text: string, splice: Splice, viaDocument: (doc: Document) => void): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error('the file has YAML errors: fix them in the file first');
  const expected = parseDocument(text);
  viaDocument(expected);
  const want = JSON.stringify(expected.toJS());
  let spliced: string | undefined;
  try {
    spliced = splice(text, doc);
  } catch {
    // A shape the splice does not handle: the Document API below does.
  }
  if (spliced !== undefined) {
    const back = parseDocument(spliced);
    if (!back.errors.length && JSON.stringify(back.toJS()) === want) return spliced;
  }
  return expected.toString({ lineWidth: 0 });
}

/** `key: value` into a block map, on a line of its own after its last entry. */
function insertIntoBlockMap(text: string, map: Node, key: string, valueText: string): string {
  if (!isMap(map) || map.items.length === 0) throw new Error('not a block map with entries');
  const first = map.items[0]?.key as Node;
  const last = map.items[map.items.length - 1];
  const end = ((last?.value as Node | null)?.range ?? (last?.key as Node).range)?.[1] ?? 0;
  const indent = indentAt(text, first.range?.[0] ?? 0);
  const at = lineEnd(text, end);
  const lines = valueText.includes('\n') ? valueText : ` ${valueText}`;
  return `${text.slice(0, at)}\n${indent}${key}:${lines.replace(/\n/g, `\n${indent}`)}${text.slice(at)}`;
}

/** Sets (or, with undefined, removes) the value at `path`: a key of a map. */
export function setValue(text: string, path: YamlPath, value: YamlValue | undefined): string {
  const mapPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  return apply(
    text,
    (src, doc) => {
      const map = nodeAt(doc, mapPath);
      if (!isMap(map)) return undefined;
      const index = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
      const pair = map.items[index];
      if (value === undefined) {
        if (!pair) return src;
        const k = (pair.key as Node).range;
        const v = ((pair.value as Node | null)?.range ?? k) as [number, number, number];
        if (!k) return undefined;
        if (map.flow) {
          const prev = map.items[index - 1];
          const next = map.items[index + 1];
          if (prev) {
            const p = ((prev.value as Node | null)?.range ?? (prev.key as Node).range) as number[];
            return src.slice(0, p[1]) + src.slice(v[1]);
          }
          const n = (next?.key as Node | undefined)?.range;
          return n ? src.slice(0, k[0]) + src.slice(n[0]) : src.slice(0, k[0]) + src.slice(v[1]);
        }
        const from = lineStart(src, k[0]);
        const to = lineEnd(src, v[1]);
        return src.slice(0, from) + src.slice(to + 1);
      }
      if (pair && isScalar(pair.value) && pair.value.range) {
        const [a, b] = pair.value.range;
        return src.slice(0, a) + scalarText(value, pair.value.type) + src.slice(b);
      }
      if (pair) return undefined;
      if (map.flow) {
        const end = map.range?.[1];
        if (end === undefined || src[end - 1] !== '}') return undefined;
        const close = end - 1;
        const before = src.slice(0, close).trimEnd();
        const sep = map.items.length ? ', ' : ' ';
        return `${before}${sep}${key}: ${scalarText(value)} ${src.slice(close)}`;
      }
      return insertIntoBlockMap(src, map, key, scalarText(value));
    },
    (doc) => {
      if (value === undefined) doc.deleteIn(path);
      else doc.setIn(path, value);
    },
  );
}

/** A flow map on one line, as the program's rows are written: `{ slot: x, at: '12:00' }`. */
export function flowMapText(fields: Readonly<Record<string, YamlValue>>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => `${k}: ${scalarText(v)}`)
    .join(', ');
  return `{ ${inner} }`;
}

/**
 * Appends a row to the sequence at `path` (one line after its last row, in its indentation),
 * making the sequence when the map holding it has none yet.
 */
export function appendRow(
  text: string,
  path: YamlPath,
  fields: Readonly<Record<string, YamlValue>>,
): string {
  const row = flowMapText(fields);
  return apply(
    text,
    (src, doc) => {
      const seq = nodeAt(doc, path);
      if (isSeq(seq) && !seq.flow && seq.items.length) {
        const last = seq.items[seq.items.length - 1] as Node;
        const [a, b] = last.range ?? [0, 0];
        const at = lineEnd(src, b);
        return `${src.slice(0, at)}\n${indentAt(src, a)}- ${row}${src.slice(at)}`;
      }
      if (isSeq(seq) && seq.flow && seq.items.length === 0 && seq.range) {
        // `items: []` becomes a list of rows under its key.
        const [a, b] = seq.range;
        const indent = indentAt(src, a);
        return `${src.slice(0, a).trimEnd()}\n${indent}  - ${row}${src.slice(b)}`;
      }
      if (seq !== undefined && seq !== null) return undefined;
      const owner = nodeAt(doc, path.slice(0, -1));
      return insertIntoBlockMap(src, owner as Node, String(path[path.length - 1]), `\n  - ${row}`);
    },
    (doc) => {
      const seq = doc.getIn(path, true);
      const node = doc.createNode(fields, { flow: true });
      if (isSeq(seq)) seq.items.push(node);
      else doc.setIn(path, doc.createNode([fields], { flow: false }));
      const made = doc.getIn(path, true);
      if (isSeq(made)) for (const n of made.items) if (isMap(n)) n.flow = true;
    },
  );
}

/** Removes row `index` of the sequence at `path`; removing the last leaves `[]`. */
export function removeRow(text: string, path: YamlPath, index: number): string {
  return apply(
    text,
    (src, doc) => {
      const seq = nodeAt(doc, path);
      if (!isSeq(seq) || seq.flow) return undefined;
      const item = seq.items[index] as Node | undefined;
      if (!item?.range) return undefined;
      const from = lineStart(src, item.range[0]);
      const to = lineEnd(src, item.range[1]);
      const without = src.slice(0, from) + src.slice(to + 1);
      if (seq.items.length > 1) return without;
      // The last row: `items:` alone would read as null, not as an empty list.
      const owner = nodeAt(doc, path.slice(0, -1));
      const key = String(path[path.length - 1]);
      const pair = isMap(owner)
        ? owner.items.find((p) => isScalar(p.key) && String(p.key.value) === key)
        : undefined;
      const k = (pair?.key as Node | undefined)?.range;
      if (!k || k[1] > from) return undefined;
      const colon = without.indexOf(':', k[1]) + 1;
      return `${without.slice(0, colon)} []${without.slice(colon)}`;
    },
    (doc) => {
      const seq = doc.getIn(path, true);
      if (!isSeq(seq)) return;
      seq.items.splice(index, 1);
      if (seq.items.length === 0) seq.flow = true;
    },
  );
}
