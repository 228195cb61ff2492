import type { ConsoleApi } from '../console-api.ts';
import type { Draft } from './announce-draft.ts';
import type { MediaItem } from './announce-types.ts';

/** What a preview plays: the audio the players will get, and for a template the filled words. */
export type Preview =
  { ok: true; url: string; text?: string } | { ok: false; field: string; message: string };

const speech = async (api: ConsoleApi, text: string) =>
  (await api.get<{ url: string }>(`/api/speech?text=${encodeURIComponent(text)}`)).url;

/**
 * The draft's audio: text rendered by the server's speech engine (GET /api/speech, the same
 * rendering the announcement gets), a template filled in by the server then rendered, or the
 * recording itself. A refusal from the server is thrown as its `ApiError`.
 */
export async function previewOf(
  api: ConsoleApi,
  d: Draft,
  media: readonly MediaItem[],
): Promise<Preview> {
  switch (d.source) {
    case 'text':
      if (!d.text.trim())
        return {
          ok: false,
          field: 'text',
          message: '请先写下要播报的内容 · Write what to say first',
        };
      return { ok: true, url: await speech(api, d.text) };
    case 'template': {
      if (!d.templateId)
        return { ok: false, field: 'template', message: '请选择一个模板 · Choose a template' };
      const { text } = await api.post<{ text: string }>(
        `/api/announcements/templates/${encodeURIComponent(d.templateId)}/fill`,
        { fields: d.fields },
      );
      return { ok: true, url: await speech(api, text), text };
    }
    case 'media': {
      const m = media.find((x) => x.id === d.mediaId);
      if (!m)
        return { ok: false, field: 'mediaId', message: '请选择一段录音 · Choose a recording' };
      return { ok: true, url: m.url };
    }
    default: {
      const never: never = d.source;
      return never;
    }
  }
}
