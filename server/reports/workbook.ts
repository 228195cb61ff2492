import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { XlsxWriter } from '../plays/xlsx-writer.ts';

export type WriteSheets = (book: XlsxWriter) => Promise<void>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook as a response body, sent as it is written. */
export function workbookStream(write: WriteSheets): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new XlsxWriter(out);
  void write(book)
    .then(() => book.finish())
    .catch((err: unknown) => out.destroy(err as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/**
 * A workbook written to `path` whole or not at all (a `.part` file renamed); its size. Each
 * write has a part file of its own: two writers never interleave in one.
 */
export async function workbookFile(write: WriteSheets, path: string): Promise<number> {
  const part = `${path}.${randomUUID()}.part`;
  const out = createWriteStream(part);
  try {
    const book = new XlsxWriter(out);
    await write(book);
    await book.finish();
    await finished(out);
    await rename(part, path);
  } catch (err) {
    out.destroy();
    await rm(part, { force: true });
    throw err;
  }
  return (await stat(path)).size;
}
