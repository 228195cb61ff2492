import type { AppContext } from '../context.ts';
import type { XlsxWriter } from '../plays/xlsx-writer.ts';
import type { Span } from '../records/complaint-summary.ts';
import type { Period } from './period.ts';

/** What a ledger is written for: a period of the mall's dates, at an instant. */
export interface LedgerInput {
  period: Period;
  span: Span;
  zone: string;
  mall: string;
  /** When it is written (epoch ms): deadlines still running are shown as they stand then. */
  now: number;
}

/** What a ledger may read. */
export type LedgerDeps = Pick<
  AppContext,
  'complaints' | 'merchants' | 'callbacks' | 'visits' | 'ledgers'
>;

/**
 * One of the ledgers the group checks by name (顾客投诉登记表+汇总表, 电话回访记录台帐, …), as a
 * workbook. `read` takes everything from the database at once, synchronously, and returns what
 * writes the sheets: a scheduled job then never touches a database closed while it writes.
 */
export interface Ledger {
  /** In stored file names and routes: `complaints`. */
  id: string;
  /** The group's name for it, which the file is named by. */
  title: string;
  titleEn: string;
  read(deps: LedgerDeps, input: LedgerInput): (book: XlsxWriter) => Promise<void>;
}

/**
 * One section of the nightly digest: what is left undone at `now` in one ledger (overdue
 * complaints; later callbacks due, compensation awaiting approval, …).
 */
export interface DigestSource {
  id: string;
  title: string;
  read(deps: LedgerDeps, now: number): unknown[];
}
