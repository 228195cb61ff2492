import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { Digest } from './digest.ts';
import type { Period } from './period.ts';
import { workbookFile, type WriteSheets } from './workbook.ts';

/** A workbook made on schedule and kept under `DATA_DIR/reports`. */
export interface StoredReport {
  /** The stored file's name, ASCII: `complaints-2026-W49.xlsx`. */
  file: string;
  ledger: string;
  /** As a download is named: `顾客投诉登记表+汇总表 2026-W49.xlsx`. */
  name: string;
  period: Period;
  generatedAt: string;
  size: number;
}

/** The names this module gives workbooks: a ledger's id and a period's label. */
const FILE_RE = /^[a-z][a-z0-9-]*-\d{4}-[0-9W-]+\.xlsx$/;
const DIGEST_RE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** Written beside, then renamed: a reader never sees half a file. */
function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.part`, JSON.stringify(value, null, 1));
  renameSync(`${path}.part`, path);
}

/**
 * The stored reports: each workbook with a small JSON beside it (period, when made, size),
 * written last, so a workbook counts as made only once it is whole; and the nightly digests,
 * one JSON per mall date under `digests/`.
 */
export function reportFiles(dir: string) {
  const digestDir = join(dir, 'digests');
  const metaPath = (file: string) => join(dir, `${file}.json`);
  const readMeta = (file: string) => {
    try {
      return JSON.parse(readFileSync(metaPath(file), 'utf8')) as StoredReport;
    } catch {
      return undefined;
    }
  };

  return {
    has: (file: string) => existsSync(metaPath(file)),
    async save(meta: Omit<StoredReport, 'size'>, write: WriteSheets): Promise<StoredReport> {
      mkdirSync(dir, { recursive: true });
      const size = await workbookFile(write, join(dir, meta.file));
      const stored = { ...meta, size };
      writeJson(metaPath(meta.file), stored);
      return stored;
    },
    /** Newest period first. */
    list(): StoredReport[] {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.xlsx.json'))
        .flatMap((f) => readMeta(f.slice(0, -'.json'.length)) ?? [])
        .sort(
          (a, b) =>
            (a.period.to < b.period.to ? 1 : a.period.to > b.period.to ? -1 : 0) ||
            (a.ledger < b.ledger ? -1 : 1),
        );
    },
    /** The stored workbook's path and description, for a name this module made. */
    find(file: string): { path: string; meta: StoredReport } | undefined {
      if (!FILE_RE.test(file)) return undefined;
      const meta = readMeta(file);
      return meta && { path: join(dir, file), meta };
    },
    hasDigest: (date: IsoDate) => existsSync(join(digestDir, `${date}.json`)),
    saveDigest(d: Digest): void {
      mkdirSync(digestDir, { recursive: true });
      writeJson(join(digestDir, `${d.date}.json`), d);
    },
    latestDigest(): Digest | undefined {
      if (!existsSync(digestDir)) return undefined;
      const last = readdirSync(digestDir)
        .filter((f) => DIGEST_RE.test(f))
        .sort()
        .at(-1);
      return last ? (JSON.parse(readFileSync(join(digestDir, last), 'utf8')) as Digest) : undefined;
    },
  };
}
export type ReportFiles = ReturnType<typeof reportFiles>;
