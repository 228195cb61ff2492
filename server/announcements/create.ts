import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { SpeechBusyError } from '../tts/synthesiser.ts';
import { parseInstant } from './instant.ts';
import type { Announcement, Priority } from './schema.ts';

type Deps = Pick<AppContext, 'announcements' | 'auth' | 'media' | 'bus' | 'now' | 'speech' | 'log'>;

/** What is said: text for text-to-speech, or a recording from the media library. */
export type Content =
  | { kind: 'text'; text: string; title?: string | undefined }
  | { kind: 'media'; mediaId: string; title?: string | undefined };

export interface Settings {
  at?: string | null | undefined;
  repeat: number;
  intervalS: number;
  priority: Priority;
  targets: 'all' | number[];
  template?: string;
  fields?: Record<string, string>;
}

/** A time set this far in the past is a mistake, not a slow form. */
export const LATE_GRACE_MS = 60_000;
/** Further ahead than this belongs in the program, not an ad-hoc announcement. */
export const MAX_AHEAD_MS = 7 * 86_400_000;

/**
 * Makes an announcement: checks when and to whom, renders text to speech (so every player gets
 * the same audio and its length), stores it, and pushes it to the players.
 */
export async function announce(
  ctx: Deps,
  content: Content,
  settings: Settings,
  author: string,
): Promise<Announcement> {
  const at = dueAt(settings.at, ctx.now());
  const targets = checkTargets(ctx, settings.targets);
  const audio =
    content.kind === 'text' ? await speak(ctx, content.text) : recording(ctx, content.mediaId);
  const base =
    content.kind === 'text'
      ? { kind: 'text' as const, text: content.text }
      : { kind: 'media' as const, mediaId: content.mediaId };
  const announcement = ctx.announcements.add({
    ...base,
    title: content.title ?? audio.title,
    audioUrl: audio.url,
    durationMs: audio.durationMs,
    at,
    repeat: settings.repeat,
    intervalS: settings.intervalS,
    priority: settings.priority,
    targets,
    ...(settings.template ? { template: settings.template, fields: settings.fields ?? {} } : {}),
    createdBy: author,
    createdAt: ctx.now().toISOString(),
  });
  ctx.bus.publish('announcement', { ...announcement });
  return announcement;
}

function dueAt(at: string | null | undefined, now: Date): string | null {
  if (at === undefined || at === null) return null;
  const ms = parseInstant(at) as number; // the request schema already checked it
  if (ms < now.getTime() - LATE_GRACE_MS)
    throw apiError(400, 'invalid', `at: ${at} is in the past`, { field: 'at' });
  if (ms > now.getTime() + MAX_AHEAD_MS)
    throw apiError(400, 'invalid', 'at: an announcement can be set at most 7 days ahead', {
      field: 'at',
    });
  return new Date(ms).toISOString();
}

function checkTargets(ctx: Deps, targets: 'all' | number[]): 'all' | number[] {
  if (targets === 'all') return 'all';
  const ids = [...new Set(targets)];
  targets.forEach((id, i) => {
    const d = ctx.auth.device(id);
    if (!d || d.revokedAt !== null || d.kind !== 'player')
      throw apiError(400, 'invalid', `targets.${i}: ${id} is not a registered player`, {
        field: `targets.${i}`,
      });
  });
  return ids;
}

async function speak(ctx: Deps, text: string) {
  try {
    const s = await ctx.speech.render(text);
    const chars = [...text];
    const title = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
    return { url: s.url, durationMs: s.durationMs, title };
  } catch (err) {
    if (err instanceof SpeechBusyError)
      throw apiError(503, 'tts-busy', `text-to-speech is busy (${err.message}); try again`);
    if (err instanceof RangeError)
      throw apiError(400, 'invalid', `text: ${err.message}`, { field: 'text' });
    ctx.log.error('text-to-speech failed', { err: String(err) });
    throw apiError(503, 'tts-failed', 'text-to-speech failed; the error has been logged');
  }
}

function recording(ctx: Deps, mediaId: string) {
  const item = ctx.media.catalogue().byId.get(mediaId);
  if (!item)
    throw apiError(400, 'invalid', `mediaId: there is no media "${mediaId}" in the library`, {
      field: 'mediaId',
    });
  const url = `/media/${item.file.split('/').map(encodeURIComponent).join('/')}`;
  return { url, durationMs: item.durationMs, title: item.title };
}
