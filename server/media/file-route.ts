import { Hono } from 'hono';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { STAFF, STAFF_AND_PLAYERS } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { AUDIO_MIME, STORED_NAME, type AudioExt } from './formats.ts';
import { etagMatches, parseRange } from './range.ts';

/**
 * `GET /media/<sha256>.<ext>`: the stored audio, for players and the console. A name is its
 * content, so it is cached forever; byte ranges let players seek and resume. Only names of the
 * stored pattern that the library knows are served: no path can reach outside the store.
 */
export const mediaFileRoutes = new Hono<AppEnv>()
  .get('/media/:file/peaks', allow(STAFF), async (c) => {
    // The waveform the console draws: a file name is its content, so it is cached forever.
    const name = c.req.param('file');
    const media = c.var.ctx.media;
    const item = STORED_NAME.test(name) ? media.byFile(name) : undefined;
    if (!item) throw notFound(`media file ${name}`);
    const peaks = await media.peaksOf(name, media.files.pathOf(name), item.durationMs);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.json(peaks);
  })
  .get('/media/:file', allow(STAFF_AND_PLAYERS), async (c) => {
    const name = c.req.param('file');
    const match = STORED_NAME.exec(name);
    const media = c.var.ctx.media;
    if (!match || !media.knows(name)) throw notFound(`media file ${name}`);
    const path = media.files.pathOf(name);
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) throw notFound(`media file ${name}`);

    const etag = `"${match[1]}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Accept-Ranges', 'bytes');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', AUDIO_MIME[match[2] as AudioExt]);

    // If-Range: a range of another version of the file would be garbage; send it whole.
    const ifRange = c.req.header('If-Range');
    const range =
      ifRange === undefined || ifRange === etag
        ? parseRange(c.req.header('Range'), size)
        : undefined;
    if (range === 'unsatisfiable')
      throw apiError(
        416,
        'range-not-satisfiable',
        `the file has ${size} bytes`,
        {},
        {
          'Content-Range': `bytes */${size}`,
        },
      );
    const { start, end } = range ?? { start: 0, end: size - 1 };
    c.header('Content-Length', String(end - start + 1));
    if (range) c.header('Content-Range', `bytes ${start}-${end}/${size}`);
    const status = range ? 206 : 200;
    // HEAD runs this handler too: answer the headers without opening the file.
    if (c.req.method === 'HEAD') return c.body(null, status);
    const stream = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream;
    return c.body(stream, status);
  });
