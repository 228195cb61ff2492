import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { storedName } from './formats.ts';
import { toItem, type MediaRecord } from './library.ts';
import { presentWithUses } from './present.ts';
import { probeAudio } from './probe.ts';
import { slugify, splitList, uploadFieldsSchema } from './schemas.ts';
import { receiveUpload, type Received, type ReceivedFile } from './upload.ts';
import { newScheduleIssues } from './usage.ts';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The form's text fields, checked; the id defaults to the tags' folders plus the file's name. */
function describe(received: Received, file: ReceivedFile) {
  const parsed = uploadFieldsSchema.safeParse({
    id: received.fields['id']?.[0],
    title: received.fields['title']?.[0],
    tags: splitList(received.fields['tags']),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw apiError(400, 'invalid', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const { id, title, tags } = parsed.data;
  // Without tags, an id's folders are its tags, as for the shipped media folder.
  const finalTags = tags ?? (id ? id.split('/').slice(0, -1) : []);
  const name = slugify(file.originalName) || file.sha256.slice(0, 12);
  return { id: id ?? [...finalTags, name].join('/'), title, tags: finalTags };
}

/** Checks, stores and records one uploaded file; the temp file is the caller's to remove. */
async function accept(ctx: AppContext, received: Received): Promise<MediaRecord> {
  const file = received.file;
  if (!file || file.size === 0)
    throw apiError(400, 'invalid', 'send the audio in a form field named "file"', {
      field: 'file',
    });
  const limit = ctx.config.maxUploadBytes;
  if (file.truncated)
    throw apiError(413, 'too-large', `the file is larger than the ${mb(limit)} upload limit`, {
      limit,
    });
  const { id, title, tags } = describe(received, file);
  const probe = await probeAudio(file.temp);
  if (!probe.ok)
    throw apiError(
      probe.code === 'not-audio' ? 415 : 422,
      probe.code,
      `${file.originalName || 'the file'}: ${probe.message}`,
    );
  if (ctx.media.get(id))
    throw apiError(409, 'exists', `there is already media with the id ${id}`, { field: 'id' });
  const at = ctx.now().toISOString();
  const record: MediaRecord = {
    id,
    file: storedName(file.sha256, probe.ext),
    title: title ?? probe.title ?? (file.originalName.replace(/\.[^.]*$/, '') || id),
    tags,
    durationMs: probe.durationMs,
    loudnessLufs: null,
    size: file.size,
    mime: probe.mime,
    sha256: file.sha256,
    sampleRate: probe.sampleRate ?? null,
    channels: probe.channels ?? null,
    originalName: file.originalName,
    createdAt: at,
    updatedAt: at,
  };
  // New media can still break the program: a volume range set for its tags, say.
  const issues = newScheduleIssues(ctx, ctx.media.catalogueWith({ put: toItem(record) }));
  if (issues.length)
    throw apiError(409, 'breaks-program', 'with this media the program would break', { issues });
  await ctx.media.files.adopt(file.temp, file.sha256, probe.ext);
  record.loudnessLufs = await ctx.media.measureLoudness(ctx.media.files.pathOf(record.file));
  // Another upload may have taken the id while this one was being measured.
  if (ctx.media.get(id)) {
    if (!ctx.media.byFile(record.file)) await ctx.media.files.remove(record.file);
    throw apiError(409, 'exists', `there is already media with the id ${id}`, { field: 'id' });
  }
  ctx.media.add([record]);
  return record;
}

/** `POST /api/media`: a multipart upload, streamed to disk and sniffed before it is kept. */
export const uploadRoutes = new Hono<AppEnv>().post('/media', allow(BROADCAST), async (c) => {
  const { ctx } = c.var;
  const received = await receiveUpload(c.req.raw, ctx.media.files, ctx.config.maxUploadBytes);
  try {
    const record = await accept(ctx, received);
    ctx.bus.publish('media-changed', { ids: [record.id], change: 'added' });
    ctx.schedules.invalidate(`media ${record.id} added`);
    return c.json(presentWithUses(ctx, record), 201);
  } finally {
    // Adopted files were moved away; anything still here was refused.
    if (received.file) await ctx.media.files.discard(received.file.temp);
  }
});
