import { Hono } from 'hono';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { sha256OfFile } from './content-store.ts';
import { toItem, type MediaFileFields, type MediaRecord } from './library.ts';
import { LOUDNESS_TARGET } from './loudness-target.ts';
import { renderNormalised } from './normalise.ts';
import { presentWithUses } from './present.ts';
import { probeAudio } from './probe.ts';
import { newScheduleIssues } from './usage.ts';

const idParam = z.object({ id: z.string().min(1) });

/** Closer than this to the target, normalising again would only cost quality. */
const ALREADY_LU = 0.5;

/** The new file may not break the program (its length changes by a few ms at most). */
function checkProgram(ctx: AppContext, old: MediaRecord, next: MediaFileFields): void {
  const put = toItem({ ...old, ...next });
  const issues = newScheduleIssues(ctx, ctx.media.catalogueWith({ put }));
  if (issues.length)
    throw apiError(409, 'breaks-program', 'with the new file the program would break', { issues });
}

/**
 * Renders a copy of the item at the mall's loudness and makes it the item's file: same id,
 * title and tags, so every slot, playlist and promo plays it at once. The original stays stored
 * (and served) until the copy is measured and stored, and afterwards as the item's original.
 */
async function normalise(ctx: AppContext, old: MediaRecord): Promise<MediaRecord> {
  const { files } = ctx.media;
  const source = await probeAudio(files.pathOf(old.file));
  if (!source.ok) throw apiError(422, source.code, `${old.id}: ${source.message}`);
  const temp = files.tempPath();
  try {
    const made = await renderNormalised(files.pathOf(old.file), temp, source);
    if (!made.ok) throw apiError(422, 'normalise-failed', `${old.id}: ${made.message}`);
    const copy = await probeAudio(temp);
    // The same measurement as an upload: a copy that lost audio is never stored.
    if (!copy.ok || Math.abs(copy.durationMs - source.durationMs) > 250)
      throw apiError(
        422,
        'normalise-failed',
        `${old.id}: 标准化后的文件长度不对 · the normalised copy does not have the original's length`,
      );
    const sha256 = await sha256OfFile(temp);
    const next: MediaFileFields = {
      file: `${sha256}.${source.ext}`,
      sha256,
      size: (await stat(temp)).size,
      mime: source.mime,
      durationMs: copy.durationMs,
      loudnessLufs: await ctx.media.measureLoudness(temp),
      sampleRate: copy.sampleRate ?? null,
      channels: copy.channels ?? null,
    };
    checkProgram(ctx, old, next);
    await files.adopt(temp, sha256, source.ext);
    const updated = ctx.media.replaceFile(old.id, next, 'normalised', ctx.now());
    if (!updated) throw notFound(`media ${old.id}`);
    return updated;
  } finally {
    await files.discard(temp);
  }
}

/** `POST /api/media/<id>/normalise` and `…/restore-original`, for those who run the broadcast. */
export const mediaActionRoutes = new Hono<AppEnv>()
  .post('/media/:id{.+}/normalise', allow(BROADCAST), validate('param', idParam), async (c) => {
    const { ctx } = c.var;
    const { id } = c.req.valid('param');
    const old = ctx.media.get(id);
    if (!old) throw notFound(`media ${id}`);
    const target = LOUDNESS_TARGET.lufs;
    if (old.loudnessLufs !== null && Math.abs(old.loudnessLufs - target) < ALREADY_LU)
      throw apiError(
        409,
        'already-normalised',
        `${id} 已是目标响度 (${old.loudnessLufs.toFixed(1)} LUFS) · is already at the target of ${target} LUFS`,
      );
    const running = ctx.media.normalising;
    if (running.has(id))
      throw apiError(409, 'busy', `${id} 正在标准化 · is being normalised already`);
    running.add(id);
    try {
      const updated = await normalise(ctx, old);
      ctx.bus.publish('media-changed', { ids: [id], change: 'updated' });
      ctx.schedules.invalidate(`media ${id} normalised`);
      return c.json(presentWithUses(ctx, updated));
    } finally {
      running.delete(id);
    }
  })
  .post(
    '/media/:id{.+}/restore-original',
    allow(BROADCAST),
    validate('param', idParam),
    async (c) => {
      const { ctx } = c.var;
      const { id } = c.req.valid('param');
      const old = ctx.media.get(id);
      if (!old) throw notFound(`media ${id}`);
      const original = ctx.media.original(id);
      if (!original)
        throw apiError(
          409,
          'no-original',
          `${id} 没有被替换过 · has no earlier original to go back to`,
        );
      const { file, sha256, size, mime, durationMs, loudnessLufs, sampleRate, channels } = original;
      const next = { file, sha256, size, mime, durationMs, loudnessLufs, sampleRate, channels };
      checkProgram(ctx, old, next);
      // The normalised copy stays stored and served (a cached plan may name it), not offered.
      const updated = ctx.media.replaceFile(id, next, 'undone', ctx.now());
      if (!updated) throw notFound(`media ${id}`);
      ctx.bus.publish('media-changed', { ids: [id], change: 'updated' });
      ctx.schedules.invalidate(`media ${id} restored`);
      return c.json(presentWithUses(ctx, updated));
    },
  );
