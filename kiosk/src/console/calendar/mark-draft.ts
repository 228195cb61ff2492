import type { MarkKind, MarkView } from './calendar-types.ts';
import { draftOfScript, emptyScript, type ScriptDraft } from './dc-mark-scripts.ts';

/** The form's state: every field a string, empty when not given. */
export interface MarkDraft {
  kind: MarkKind;
  from: string;
  to: string;
  name: string;
  note: string;
  scripts: ScriptDraft[];
  opening: string;
  closing: string;
  repeat: string;
  greetingText: string;
  greetingMedia: string;
}

/** The form on a mark, or empty from a date. */
export const draftOf = (date: string, m?: MarkView): MarkDraft => ({
  kind: m?.kind ?? 'event',
  from: m?.from ?? date,
  to: m && m.to !== m.from ? m.to : '',
  name: m?.name ?? '',
  note: m?.note ?? '',
  scripts: m?.scripts?.length ? m.scripts.map(draftOfScript) : [emptyScript()],
  opening: m?.opening ?? '',
  closing: m?.closing ?? '',
  repeat: m?.repeat ? String(m.repeat) : '',
  greetingText: m?.greeting?.text ?? '',
  greetingMedia: m?.greeting?.media ?? '',
});

const span = (d: MarkDraft) => ({ from: d.from, ...(d.to ? { to: d.to } : {}) });

/** The request for POST /api/calendar/days. */
export function bodyOf(d: MarkDraft, revision?: number): Record<string, unknown> {
  const base = revision ? { baseRevision: revision } : {};
  switch (d.kind) {
    case 'event':
      return {
        kind: 'event',
        ...span(d),
        name: d.name,
        scripts: d.scripts,
        opening: d.opening,
        closing: d.closing,
        ...(d.repeat ? { repeat: Number(d.repeat) } : {}),
        ...base,
      };
    case 'holiday':
      return {
        kind: 'holiday',
        ...span(d),
        name: d.name,
        ...(d.greetingText || d.greetingMedia
          ? { greeting: { text: d.greetingText, media: d.greetingMedia } }
          : {}),
        ...base,
      };
    case 'closed':
      return { kind: 'closed', ...span(d), note: d.note, ...base };
    case 'makeup':
      return { kind: 'makeup', from: d.from, note: d.note, ...base };
    default: {
      const never: never = d.kind;
      return never;
    }
  }
}

/** The fields of the form a server problem may name. */
export const MARK_FIELD =
  /^(from|to|name|note|opening|closing|repeat|greeting(\.media)?|scripts(\.\d+(\.\w+)?)?)$/;
