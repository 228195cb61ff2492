import { isSeq, parseDocument, YAMLSeq } from 'yaml';

/** Marking dates from the console: one entry added to calendar.yaml, its comments kept. */
export type DayMark =
  | {
      kind: 'event';
      from: string;
      to?: string;
      name: string;
      scripts: { title?: string; media?: string; text?: string }[];
      repeat?: number;
    }
  | { kind: 'holiday'; from: string; to?: string; name: string; greeting?: string }
  | { kind: 'closed'; from: string; to?: string; note?: string }
  | { kind: 'makeup'; from: string; note?: string };

const LIST: Record<DayMark['kind'], string> = {
  event: 'events',
  holiday: 'holidays',
  closed: 'closed',
  makeup: 'makeupWorkdays',
};

function entryOf(mark: DayMark): Record<string, unknown> {
  const span =
    mark.kind !== 'makeup' && mark.to && mark.to !== mark.from
      ? { from: mark.from, to: mark.to }
      : { date: mark.from };
  switch (mark.kind) {
    case 'event':
      return {
        name: mark.name,
        ...span,
        scripts: mark.scripts,
        ...(mark.repeat ? { repeat: mark.repeat } : {}),
      };
    case 'holiday':
      return {
        name: mark.name,
        ...span,
        ...(mark.greeting ? { greeting: { text: mark.greeting } } : {}),
      };
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

/** The calendar text with the mark appended to its list; the result is validated like any edit. */
export function markDays(text: string, mark: DayMark): string {
  const doc = parseDocument(text);
  const key = LIST[mark.kind];
  let list = doc.get(key, true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set(key, list);
  }
  const seq = list as YAMLSeq;
  seq.flow = false; // `closed: []` becomes a block list once it has entries
  const node = doc.createNode(entryOf(mark));
  if (mark.kind !== 'event') node.flow = true;
  seq.add(node);
  return doc.toString({ lineWidth: 0 });
}
