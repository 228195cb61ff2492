import { isMap, isSeq, parseDocument, YAMLSeq, type Document, type Node } from 'yaml';
import { datesBetween, type IsoDate } from '../../core/zoned-time.ts';
import { datesOf } from './calendar.ts';

/** A script to announce: a recording from the library, text to speak, or both. */
export interface MarkScript {
  title?: string | undefined;
  media?: string | undefined;
  text?: string | undefined;
}

/** Marking dates from the console: one entry added to calendar.yaml, its comments kept. */
export type DayMark =
  | {
      kind: 'event';
      from: string;
      to?: string | undefined;
      name: string;
      scripts: MarkScript[];
      repeat?: number | undefined;
      /** The event's own opening hours, `HH:MM`. */
      opening?: string | undefined;
      closing?: string | undefined;
    }
  | {
      kind: 'holiday';
      from: string;
      to?: string | undefined;
      name: string;
      /** Words to speak, or a script (a recording, or both). */
      greeting?: string | MarkScript | undefined;
    }
  | { kind: 'closed'; from: string; to?: string | undefined; note?: string | undefined }
  | { kind: 'makeup'; from: string; note?: string | undefined };

export type MarkKind = DayMark['kind'];

/** Taking a kind of mark off dates: `name` narrows it to one event or holiday. */
export interface Unmark {
  kind: MarkKind;
  from: IsoDate;
  to?: IsoDate | undefined;
  name?: string | undefined;
}

export const LIST: Record<MarkKind, string> = {
  event: 'events',
  holiday: 'holidays',
  closed: 'closed',
  makeup: 'makeupWorkdays',
};

type Entry = Record<string, unknown>;

const spanOf = (from: string, to?: string) =>
  to && to !== from ? { from, to } : ({ date: from } as Entry);

function entryOf(mark: DayMark): Entry {
  const span = spanOf(mark.from, mark.kind === 'makeup' ? undefined : mark.to);
  switch (mark.kind) {
    case 'event':
      return {
        name: mark.name,
        ...span,
        ...(mark.opening ? { opening: mark.opening } : {}),
        ...(mark.closing ? { closing: mark.closing } : {}),
        scripts: mark.scripts.map(compact),
        ...(mark.repeat ? { repeat: mark.repeat } : {}),
      };
    case 'holiday': {
      const g = typeof mark.greeting === 'string' ? { text: mark.greeting } : mark.greeting;
      return {
        name: mark.name,
        ...span,
        ...(g && (g.text || g.media) ? { greeting: compact(g) } : {}),
      };
    }
    case 'closed':
      return { ...span, ...(mark.note ? { note: mark.note } : {}) };
    case 'makeup':
      return { date: mark.from, ...(mark.note ? { note: mark.note } : {}) };
    default: {
      const never: never = mark;
      return never;
    }
  }
}

/** A script without its empty fields (a form sends `title: ''`). */
const compact = (s: MarkScript): Entry =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== ''));

/** The dates an entry of the file covers, read from its YAML node. */
function entryDates(node: unknown): { dates: IsoDate[]; name?: string } {
  if (typeof node === 'string') return { dates: [node] }; // a bare make-up date
  if (!node || typeof node !== 'object') return { dates: [] };
  const e = node as { date?: string; from?: string; to?: string; name?: unknown };
  const dates = datesOf({
    ...(typeof e.date === 'string' ? { date: e.date } : {}),
    ...(typeof e.from === 'string' ? { from: e.from } : {}),
    ...(typeof e.to === 'string' ? { to: e.to } : {}),
  });
  return typeof e.name === 'string' ? { dates, name: e.name } : { dates };
}

function listOf(doc: Document, key: string): YAMLSeq {
  let list = doc.get(key, true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set(key, list);
  }
  const seq = list as YAMLSeq;
  seq.flow = false; // `closed: []` becomes a block list once it has entries
  return seq;
}

/** The same mark as one already in the file: a holiday or event of that name and those dates. */
function sameIndex(seq: YAMLSeq, mark: DayMark): number {
  const want = datesOf(spanOf(mark.from, mark.kind === 'makeup' ? undefined : mark.to)).join();
  return seq.items.findIndex((item) => {
    const { dates, name } = entryDates((item as Node).toJSON());
    if (dates.join() !== want) return false;
    return mark.kind === 'event' || mark.kind === 'holiday' ? name === mark.name : true;
  });
}

/**
 * The calendar text with the mark added to its list, and where it went. Marking the same dates
 * again (a holiday or event of the same name) changes that entry: its greeting, scripts,
 * hours or note. The result is validated like any edit.
 */
export function markDays(
  text: string,
  mark: DayMark,
): { text: string; list: string; index: number } {
  const doc = parseDocument(text);
  const key = LIST[mark.kind];
  const seq = listOf(doc, key);
  const node = doc.createNode(entryOf(mark));
  // One line per entry, as the file writes them; an event's scripts read better as a block.
  node.flow = mark.kind !== 'event' && !(mark.kind === 'holiday' && mark.greeting);
  const at = sameIndex(seq, mark);
  if (at === -1) seq.add(node);
  else {
    const old = seq.items[at] as Node;
    node.commentBefore = old.commentBefore;
    node.comment = old.comment;
    seq.items[at] = node;
  }
  return {
    text: doc.toString({ lineWidth: 0 }),
    list: key,
    index: at === -1 ? seq.items.length - 1 : at,
  };
}

/**
 * The calendar text with `kind` taken off the dates `from`–`to`: entries inside the range go,
 * entries that reach past it keep their other dates (a range cut in two becomes two entries).
 * `removed` names what changed; empty when nothing was marked so. Comments are kept.
 */
export function unmarkDays(
  text: string,
  unmark: Unmark,
): { text: string; removed: { name?: string; dates: IsoDate[] }[] } {
  const doc = parseDocument(text);
  const seq = doc.get(LIST[unmark.kind], true);
  if (!isSeq(seq)) return { text, removed: [] };
  const gone = new Set(datesBetween(unmark.from, unmark.to ?? unmark.from));
  const removed: { name?: string; dates: IsoDate[] }[] = [];
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const node = seq.items[i] as Node;
    const { dates, name } = entryDates(node.toJSON());
    if (unmark.name !== undefined && name !== unmark.name) continue;
    const hit = dates.filter((d) => gone.has(d));
    if (hit.length === 0) continue;
    removed.unshift(name !== undefined ? { name, dates: hit } : { dates: hit });
    const kept = runs(dates.filter((d) => !gone.has(d)));
    const replacements = kept.map(([from, to]) => {
      const copy = isMap(node) ? (node.toJSON() as Entry) : {};
      delete copy['date'];
      delete copy['from'];
      delete copy['to'];
      const { name: n, ...rest } = copy;
      const entry = doc.createNode({
        ...(n !== undefined ? { name: n } : {}),
        ...spanOf(from, to),
        ...rest,
      });
      entry.flow = isMap(node) ? Boolean(node.flow) : true;
      return entry;
    });
    const first = replacements[0];
    if (first) {
      first.commentBefore = node.commentBefore;
      first.comment = node.comment;
    } else if (node.commentBefore && seq.items[i + 1]) {
      // A comment above the entry (`2027: 国办发明电…`) belongs to the list, not to the date.
      const next = seq.items[i + 1] as Node;
      next.commentBefore = [node.commentBefore, next.commentBefore].filter(Boolean).join('\n');
    }
    seq.items.splice(i, 1, ...replacements);
  }
  return { text: removed.length ? doc.toString({ lineWidth: 0 }) : text, removed };
}

/** Consecutive dates as `[first, last]` runs. */
function runs(dates: readonly IsoDate[]): [IsoDate, IsoDate][] {
  const out: [IsoDate, IsoDate][] = [];
  for (const d of dates) {
    const last = out.at(-1);
    if (last && datesBetween(last[1], d).length === 2) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}
