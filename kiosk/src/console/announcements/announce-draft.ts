import { zonedInstant } from './announce-format.ts';
import type { MediaItem, Priority, Template } from './announce-types.ts';

export type Source = 'text' | 'template' | 'media';

/** The announcement being written, as the form holds it. */
export interface Draft {
  source: Source;
  text: string;
  templateId: string;
  /** The template's blanks, by field name. */
  fields: Record<string, string>;
  mediaId: string;
  when: 'now' | 'at';
  /** The mall's date and `HH:MM`, for `when: 'at'`. */
  date: string;
  time: string;
  repeat: number;
  interval: number;
  intervalUnit: 's' | 'min';
  priority: Priority;
  targets: 'all' | 'some';
  targetIds: number[];
}

export const emptyDraft = (date: string, time: string): Draft => ({
  source: 'text',
  text: '',
  templateId: '',
  fields: {},
  mediaId: '',
  when: 'now',
  date,
  time,
  repeat: 1,
  interval: 1,
  intervalUnit: 's',
  priority: 'normal',
  targets: 'all',
  targetIds: [],
});

/** A template chosen: its blanks empty, and it goes out as it usually does. */
export function withTemplate(d: Draft, t: Template | undefined): Draft {
  if (!t) return { ...d, templateId: '', fields: {} };
  const minutes = t.intervalS >= 60 && t.intervalS % 60 === 0;
  return {
    ...d,
    templateId: t.id,
    fields: Object.fromEntries(t.fields.map((f) => [f.name, ''])),
    priority: t.priority,
    repeat: t.repeat,
    interval: minutes ? t.intervalS / 60 : t.intervalS,
    intervalUnit: minutes ? 'min' : 's',
  };
}

export const intervalSeconds = (d: Draft) =>
  Math.round(d.interval * (d.intervalUnit === 'min' ? 60 : 1));

/** The request that sends a draft, or the field a person must fix first (in the server's terms). */
export type Request =
  | { ok: true; path: string; body: Record<string, unknown> }
  | { ok: false; field: string; message: string };

/** Builds the request for a draft; the mall's zone turns its date and time into an instant. Pure. */
export function requestOf(d: Draft, zone: string): Request {
  const options: Record<string, unknown> = {
    repeat: d.repeat,
    intervalS: intervalSeconds(d),
    priority: d.priority,
    targets: d.targets === 'all' ? 'all' : d.targetIds,
  };
  if (d.targets === 'some' && d.targetIds.length === 0)
    return {
      ok: false,
      field: 'targets',
      message: '请至少选择一台播放器 · Choose at least one player',
    };
  if (d.when === 'at') {
    const at = zonedInstant(zone, d.date, d.time);
    if (!at)
      return { ok: false, field: 'at', message: '请填写日期和时间 · Give a date and a time' };
    options['at'] = at;
  }
  switch (d.source) {
    case 'text':
      return { ok: true, path: '/api/announcements', body: { text: d.text, ...options } };
    case 'media':
      if (!d.mediaId)
        return { ok: false, field: 'mediaId', message: '请选择一段录音 · Choose a recording' };
      return { ok: true, path: '/api/announcements', body: { mediaId: d.mediaId, ...options } };
    case 'template':
      if (!d.templateId)
        return { ok: false, field: 'template', message: '请选择一个模板 · Choose a template' };
      return {
        ok: true,
        path: '/api/announcements/from-template',
        body: { template: d.templateId, fields: d.fields, ...options },
      };
    default: {
      const never: never = d.source;
      return never;
    }
  }
}

/** What the draft will be called in the toast: the text's start, the recording, the template. */
export function labelOf(d: Draft, templates: readonly Template[], media: readonly MediaItem[]) {
  switch (d.source) {
    case 'text': {
      const chars = [...d.text.trim()];
      return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
    }
    case 'media':
      return media.find((m) => m.id === d.mediaId)?.title ?? d.mediaId;
    case 'template':
      return templates.find((t) => t.id === d.templateId)?.name ?? d.templateId;
    default: {
      const never: never = d.source;
      return never;
    }
  }
}
