import type { Db } from '../db/open.ts';
import type { MediaFileFields, MediaRecord } from './library.ts';

/** An earlier file of a media item, as the API shows it. */
export interface MediaVersion extends MediaFileFields {
  reason: string;
  replacedAt: string;
  url: string;
}

interface Row {
  file: string;
  sha256: string;
  size: number;
  mime: string;
  duration_ms: number;
  loudness_lufs: number | null;
  sample_rate: number | null;
  channels: number | null;
  reason: string;
  replaced_at: string;
}

const fromRow = (r: Row): MediaVersion => ({
  file: r.file,
  sha256: r.sha256,
  size: r.size,
  mime: r.mime,
  durationMs: r.duration_ms,
  loudnessLufs: r.loudness_lufs,
  sampleRate: r.sample_rate,
  channels: r.channels,
  reason: r.reason,
  replacedAt: r.replaced_at,
  url: `/media/${r.file}`,
});

/** The `media_versions` table: files a media item had before (013-media-versions.sql). */
export function mediaVersions(db: Db) {
  const q = {
    add: db.prepare(
      `INSERT INTO media_versions (id, file, sha256, size, mime, duration_ms, loudness_lufs,
         sample_rate, channels, reason, replaced_at)
       VALUES (@id, @file, @sha256, @size, @mime, @durationMs, @loudnessLufs, @sampleRate,
         @channels, @reason, @replacedAt)`,
    ),
    has: db.prepare('SELECT 1 FROM media_versions WHERE id = ? AND file = ?').pluck(),
    usesFile: db.prepare('SELECT 1 FROM media_versions WHERE file = ? LIMIT 1').pluck(),
    oldest: db.prepare<[string, string], Row>(
      `SELECT * FROM media_versions WHERE id = ? AND reason = ?
       ORDER BY replaced_at, rowid LIMIT 1`,
    ),
    filesOf: db.prepare('SELECT file FROM media_versions WHERE id = ?').pluck(),
    drop: db.prepare('DELETE FROM media_versions WHERE id = ? AND file = ?'),
    dropAll: db.prepare('DELETE FROM media_versions WHERE id = ?'),
  };
  return {
    add(m: MediaRecord, reason: string, replacedAt: string): void {
      const { id, file, sha256, size, mime, durationMs, loudnessLufs, sampleRate, channels } = m;
      q.add.run({
        ...{ id, file, sha256, size, mime, durationMs, loudnessLufs, sampleRate, channels },
        ...{ reason, replacedAt },
      });
    },
    has: (id: string, file: string) => q.has.get(id, file) !== undefined,
    usesFile: (file: string) => q.usesFile.get(file) !== undefined,
    /** The first file of `id` that was replaced for `reason`. */
    oldest(id: string, reason: string): MediaVersion | undefined {
      const r = q.oldest.get(id, reason);
      return r ? fromRow(r) : undefined;
    },
    filesOf: (id: string) => q.filesOf.all(id) as string[],
    drop: (id: string, file: string) => void q.drop.run(id, file),
    dropAll: (id: string) => void q.dropAll.run(id),
  };
}
