import type { Db } from '../db/open.ts';
import type { Logger } from '../log.ts';
import { makeCatalogue, type MediaCatalogue, type MediaItem } from './catalogue.ts';
import { contentStore } from './content-store.ts';
import { loudnessMeter } from './loudness.ts';
import { peaksCache } from './peaks.ts';
import { mediaVersions } from './versions.ts';

/** One row of the library, as the API returns it. */
export interface MediaRecord {
  id: string;
  /** The stored file, `<sha256>.<ext>`, fetched by players as `/media/<file>`. */
  file: string;
  title: string;
  tags: string[];
  durationMs: number;
  loudnessLufs: number | null;
  size: number;
  mime: string;
  sha256: string;
  /** The decoded stream's format; null for rows measured before it was kept. */
  sampleRate: number | null;
  channels: number | null;
  originalName: string;
  createdAt: string;
  updatedAt: string;
}

/** The file-describing part of a record: what a new version of the same item replaces. */
export type MediaFileFields = Pick<
  MediaRecord,
  'file' | 'sha256' | 'size' | 'mime' | 'durationMs' | 'loudnessLufs' | 'sampleRate' | 'channels'
>;

interface Row {
  id: string;
  file: string;
  title: string;
  tags: string;
  duration_ms: number;
  loudness_lufs: number | null;
  size: number;
  mime: string;
  sha256: string;
  sample_rate: number | null;
  channels: number | null;
  original_name: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): MediaRecord => ({
  id: r.id,
  file: r.file,
  title: r.title,
  tags: JSON.parse(r.tags) as string[],
  durationMs: r.duration_ms,
  loudnessLufs: r.loudness_lufs,
  size: r.size,
  mime: r.mime,
  sha256: r.sha256,
  sampleRate: r.sample_rate,
  channels: r.channels,
  originalName: r.original_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toItem = (m: MediaRecord): MediaItem => ({
  id: m.id,
  file: m.file,
  title: m.title,
  tags: m.tags,
  durationMs: m.durationMs,
});

/** A library row as the API shows it, with the address players fetch it from. */
export const present = (m: MediaRecord) => ({ ...m, url: `/media/${m.file}` });

/**
 * The media library: rows in SQLite, files in a content-addressed folder, and the catalogue the
 * day-plan compiler reads (cached, rebuilt after each change).
 */
export function mediaLibrary(db: Db, dir: string, log: Logger) {
  const files = contentStore(dir);
  const versions = mediaVersions(db);
  const q = {
    all: db.prepare<[], Row>('SELECT * FROM media ORDER BY id'),
    get: db.prepare<[string], Row>('SELECT * FROM media WHERE id = ?'),
    byFile: db.prepare<[string], Row>('SELECT * FROM media WHERE file = ? LIMIT 1'),
    count: db.prepare('SELECT count(*) FROM media').pluck(),
    insert: db.prepare(
      `INSERT INTO media (id, file, title, tags, duration_ms, loudness_lufs, size, mime, sha256,
         sample_rate, channels, original_name, created_at, updated_at)
       VALUES (@id, @file, @title, @tags, @durationMs, @loudnessLufs, @size, @mime, @sha256,
         @sampleRate, @channels, @originalName, @createdAt, @updatedAt)`,
    ),
    setFile: db.prepare(
      `UPDATE media SET file = @file, sha256 = @sha256, size = @size, mime = @mime,
         duration_ms = @durationMs, loudness_lufs = @loudnessLufs, sample_rate = @sampleRate,
         channels = @channels, updated_at = @updatedAt
       WHERE id = @id`,
    ),
    update: db.prepare('UPDATE media SET title = ?, tags = ?, updated_at = ? WHERE id = ?'),
    delete: db.prepare('DELETE FROM media WHERE id = ?'),
    unmeasured: db
      .prepare('SELECT DISTINCT file FROM media WHERE loudness_lufs IS NULL ORDER BY file')
      .pluck(),
    setLoudness: db.prepare('UPDATE media SET loudness_lufs = ? WHERE file = ?'),
  };
  /** No row, current or earlier version, names the file any more. */
  const unused = (file: string) => !q.byFile.get(file) && !versions.usesFile(file);
  let cached: MediaCatalogue | undefined;

  const get = (id: string) => {
    const r = q.get.get(id);
    return r ? fromRow(r) : undefined;
  };
  const all = () => q.all.all().map(fromRow);

  return {
    files,
    measureLoudness: loudnessMeter(log),
    /** A stored file's waveform, computed once (peaks.ts). */
    peaksOf: peaksCache(dir),
    isEmpty: () => q.count.get() === 0,
    get,
    all,
    /** The row of a stored file name, if any. */
    /** Whether a row (or an earlier version of one) refers to a stored file. */
    usesFile: (file: string) => !unused(file),
    byFile(file: string) {
      const r = q.byFile.get(file);
      return r ? fromRow(r) : undefined;
    },
    /** Whether a stored file is served: some item's file now, or an earlier version's. */
    knows: (file: string) => !unused(file),
    /** The file an item had before it was normalised, while the normalised copy plays. */
    original: (id: string) => versions.oldest(id, 'normalised'),
    /** Items being normalised now: a second click is refused until the first is done. */
    normalising: new Set<string>(),
    /** The compiler's view of the library. */
    catalogue(): MediaCatalogue {
      cached ??= makeCatalogue(all().map(toItem));
      return cached;
    },
    /** The catalogue as it would be with one item replaced, added or dropped: for checks. */
    catalogueWith(change: { put?: MediaItem; drop?: string }): MediaCatalogue {
      const gone = change.put?.id ?? change.drop;
      const items = this.catalogue().items.filter((m) => m.id !== gone);
      return makeCatalogue(change.put ? [...items, change.put] : items);
    },
    /** Adds rows in one transaction; throws on a duplicate id (the caller checked first). */
    add(records: readonly MediaRecord[]): void {
      db.transaction(() => {
        for (const m of records) q.insert.run({ ...m, tags: JSON.stringify(m.tags) });
      })();
      cached = undefined;
    },
    update(id: string, change: { title?: string; tags?: string[] }, now: Date) {
      const old = get(id);
      if (!old) return undefined;
      q.update.run(
        change.title ?? old.title,
        JSON.stringify(change.tags ?? old.tags),
        now.toISOString(),
        id,
      );
      cached = undefined;
      return get(id);
    },
    /** Stored files whose loudness is not known yet. */
    unmeasured: () => q.unmeasured.all() as string[],
    setLoudness(file: string, lufs: number): void {
      q.setLoudness.run(lufs, file);
    },
    /**
     * Points an item at a new file (its normalised copy, or its original again), keeping the
     * file it had as an earlier version: still served, and the original can come back.
     */
    replaceFile(id: string, next: MediaFileFields, reason: string, now: Date) {
      const old = get(id);
      if (!old) return undefined;
      const at = now.toISOString();
      db.transaction(() => {
        if (!versions.has(id, old.file)) versions.add(old, reason, at);
        versions.drop(id, next.file);
        q.setFile.run({ id, ...next, updatedAt: at });
      })();
      cached = undefined;
      return get(id);
    },
    /** Removes a row, its earlier versions, and each file no other row shares. */
    async remove(id: string): Promise<{ fileRemoved: boolean } | undefined> {
      const old = get(id);
      if (!old) return undefined;
      const orphans = db.transaction(() => {
        const names = [old.file, ...versions.filesOf(id)];
        versions.dropAll(id);
        q.delete.run(id);
        return names.filter(unused);
      })();
      cached = undefined;
      for (const name of orphans) await files.remove(name);
      return { fileRemoved: orphans.includes(old.file) };
    },
  };
}
export type MediaLibrary = ReturnType<typeof mediaLibrary>;
