import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { apiError } from '../http/errors.ts';
import type { ContentStore } from './content-store.ts';

export interface ReceivedFile {
  /** Where the bytes are, under the store's `.incoming/`; the caller removes or adopts it. */
  temp: string;
  originalName: string;
  size: number;
  sha256: string;
  /** Cut off at the size limit: the file is incomplete. */
  truncated: boolean;
}

export interface Received {
  file?: ReceivedFile;
  fields: Record<string, string[]>;
}

/** Counts and hashes the bytes on their way to disk. */
function measuring(into: ReceivedFile) {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      into.size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      into.sha256 = hash.digest('hex');
      done();
    },
  });
}

/**
 * Reads a multipart form, streaming its `file` field to a temp file (never the whole body in
 * memory) and keeping the text fields. Past `maxBytes` the file is cut off and marked truncated;
 * the rest of the body is read and dropped so the client gets its answer.
 */
export async function receiveUpload(
  req: Request,
  store: ContentStore,
  maxBytes: number,
): Promise<Received> {
  const type = req.headers.get('Content-Type') ?? '';
  if (!/^multipart\/form-data/i.test(type) || !req.body)
    throw apiError(415, 'invalid', 'send a multipart/form-data form with the audio in "file"');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      // Browsers send file names as raw UTF-8 (商场铃声.mp3); busboy's default is latin1.
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4096, parts: 40 },
    });
  } catch (err) {
    throw apiError(400, 'invalid', `malformed multipart form: ${(err as Error).message}`);
  }
  const received: Received = { fields: {} };
  const writes: Promise<void>[] = [];
  let writeError: Error | undefined;
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || received.file) {
      stream.resume();
      return;
    }
    const file: ReceivedFile = {
      temp: store.tempPath(),
      originalName: info.filename ?? '',
      size: 0,
      sha256: '',
      truncated: false,
    };
    received.file = file;
    stream.on('limit', () => (file.truncated = true));
    writes.push(
      pipeline(stream, measuring(file), createWriteStream(file.temp)).catch((err: Error) => {
        // The parser, when it failed first, ends the file too: that is a read error, not this.
        if (parser.destroyed) return;
        // A failed write (disk full) stops the parser, or it would wait on the file forever.
        writeError = err;
        parser.destroy(err);
      }),
    );
  });
  parser.on('field', (name, value) => (received.fields[name] ??= []).push(value));
  let readError: Error | undefined;
  try {
    await pipeline(Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>), parser);
  } catch (err) {
    readError = err as Error;
  }
  await Promise.all(writes);
  if (readError || writeError) {
    if (received.file) await store.discard(received.file.temp);
    if (writeError) throw writeError; // the server's fault: logged, a plain 500
    throw apiError(400, 'invalid', `the upload could not be read: ${String(readError?.message)}`);
  }
  return received;
}
