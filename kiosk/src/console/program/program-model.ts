import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export const DAY_TYPES = ['normal', 'weekend', 'holiday', 'event'] as const;
export type DayTypeName = (typeof DAY_TYPES)[number];

export const DAY_TYPE_NAMES: Record<DayTypeName, { zh: string; en: string; note: string }> = {
  normal: { zh: '平日', en: 'Normal', note: '每个营业日的节目 · The program of every open day' },
  weekend: {
    zh: '双休',
    en: 'Weekend',
    note: '周末在平日节目上的改动 · What weekends change on top of the normal day',
  },
  holiday: {
    zh: '节假日',
    en: 'Holiday',
    note: '节假日在平日节目上的改动 · What public holidays change on top of the normal day',
  },
  event: {
    zh: '活动日',
    en: 'Event',
    note: '活动日在平日节目上的改动 · What event days change on top of the normal day',
  },
};

export const SLOT_TYPES: Record<string, { zh: string; en: string }> = {
  music: { zh: '音乐', en: 'Music' },
  speech: { zh: '播音', en: 'Speech' },
  'holiday-greeting': { zh: '节日祝福', en: 'Holiday greeting' },
  'event-announcement': { zh: '活动广播', en: 'Event announcement' },
  weather: { zh: '天气', en: 'Weather' },
  promos: { zh: '促销循环', en: 'Promo loop' },
};

/** How a row of a slot type is timed: a stretch (from–until) or a moment (at). */
export function timingOf(type: string | undefined): 'span' | 'moment' | 'either' {
  switch (type) {
    case 'music':
    case 'promos':
    case 'weather':
      return 'span';
    case 'speech':
    case 'holiday-greeting':
      return 'moment';
    default:
      return 'either';
  }
}

/** A line range of the file, 1-based, for showing the server's problems at their row. */
export interface Lines {
  first: number;
  last: number;
}

export interface SlotRow {
  name: string;
  type: string;
  title?: string;
  playlist?: string;
  bed?: string;
  volume?: number;
  repeat?: number;
  lines: Lines;
}

export interface ItemRow {
  index: number;
  id?: string;
  slot: string;
  at?: string;
  from?: string;
  until?: string;
  every?: string;
  window?: string;
  playlist?: string;
  volume?: number;
  lines: Lines;
}

export interface DayTypeView {
  name: DayTypeName;
  /** Present in the file: an overlay may be left out altogether. */
  present: boolean;
  onAir?: string;
  opening?: string;
  closing?: string;
  items: ItemRow[];
  /** Ids of normal rows this day type does not play. */
  remove: string[];
}

export interface ProgramView {
  slots: SlotRow[];
  playlists: string[];
  dayTypes: Record<DayTypeName, DayTypeView>;
}

type Plain = Record<string, unknown>;
const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const obj = (v: unknown): Plain =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Plain) : {};

/**
 * The program file as the form shows it: its slots and each day type's rows, with the lines
 * each sits on. Only reads; a file the form cannot show says why (fix it in the file).
 */
export function readProgram(text: string): { view: ProgramView } | { error: string } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const first = doc.errors[0];
  if (first) {
    const at = lines.linePos(first.pos[0]);
    return { error: `第 ${at.line} 行 · line ${at.line}: ${first.message.split('\n')[0]}` };
  }
  const linesOf = (path: readonly (string | number)[]): Lines => {
    const node = doc.getIn(path, true) as Node | undefined;
    const r = node?.range;
    if (!r) return { first: 0, last: 0 };
    return { first: lines.linePos(r[0]).line, last: lines.linePos(Math.max(r[0], r[1] - 1)).line };
  };
  const js = obj(doc.toJS());
  if (!isMap(doc.contents)) return { error: '文件不是映射 · the file is not a YAML map' };
  const slots = Object.entries(obj(js['slots'])).map(([name, raw]): SlotRow => {
    const s = obj(raw);
    const row: SlotRow = { name, type: str(s['type']) ?? '?', lines: linesOf(['slots', name]) };
    for (const k of ['title', 'playlist', 'bed'] as const) {
      const v = str(s[k]);
      if (v !== undefined) row[k] = v;
    }
    for (const k of ['volume', 'repeat'] as const) {
      const v = num(s[k]);
      if (v !== undefined) row[k] = v;
    }
    return row;
  });
  const dayTypesJs = obj(js['dayTypes']);
  const dayTypes = Object.fromEntries(
    DAY_TYPES.map((name): [DayTypeName, DayTypeView] => {
      const d = obj(dayTypesJs[name]);
      const itemsNode = doc.getIn(['dayTypes', name, 'items'], true);
      const rawItems = Array.isArray(d['items']) ? (d['items'] as unknown[]) : [];
      const items = rawItems.map((raw, index): ItemRow => {
        const i = obj(raw);
        const row: ItemRow = {
          index,
          slot: str(i['slot']) ?? '',
          lines: linesOf(['dayTypes', name, 'items', index]),
        };
        for (const k of ['id', 'at', 'from', 'until', 'every', 'window', 'playlist'] as const) {
          const v = str(i[k]);
          if (v !== undefined) row[k] = v;
        }
        const v = num(i['volume']);
        if (v !== undefined) row.volume = v;
        return row;
      });
      const view: DayTypeView = {
        name,
        present: dayTypesJs[name] !== undefined,
        items: isSeq(itemsNode) || rawItems.length ? items : [],
        remove: Array.isArray(d['remove']) ? (d['remove'] as unknown[]).map(String) : [],
      };
      for (const k of ['onAir', 'opening', 'closing'] as const) {
        const v = str(d[k]);
        if (v !== undefined) view[k] = v;
      }
      return [name, view];
    }),
  ) as Record<DayTypeName, DayTypeView>;
  return { view: { slots, playlists: Object.keys(obj(js['playlists'])), dayTypes } };
}

/** The id a row is known by (its own, else its slot's name), as the server names rows. */
export const rowId = (row: Pick<ItemRow, 'id' | 'slot'>) => row.id ?? row.slot;

/** An id no row of the day type has yet: `background-2`, `background-3`… */
export function freshId(view: DayTypeView, slot: string): string {
  const taken = new Set(view.items.map(rowId));
  for (let n = 2; ; n++) if (!taken.has(`${slot}-${n}`)) return `${slot}-${n}`;
}

/** The fields of a new row of a slot, timed the way its type is. */
export function newRowFields(view: DayTypeView, slot: SlotRow): Record<string, string> {
  const id = freshId(view, slot.name);
  switch (timingOf(slot.type)) {
    case 'moment':
      return { id, slot: slot.name, at: '12:00' };
    case 'span':
      return { id, slot: slot.name, from: '12:00', until: '12:30' };
    case 'either':
      return { id, slot: slot.name, from: '10:00', until: '12:00', every: '30m' };
  }
}
