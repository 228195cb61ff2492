import type { IsoDate } from '../../core/zoned-time.ts';
import { overdueComplaints } from '../records/complaint-digest.ts';
import { awaitingApproval, callbacksLeft } from '../records/ledger-digest.ts';
import type { DigestSource, LedgerDeps } from './ledger.ts';

/** The digest's sections, in the order the console shows them; a new ledger adds its own. */
export const DIGEST_SOURCES: readonly DigestSource[] = [
  overdueComplaints,
  callbacksLeft,
  awaitingApproval,
];

export interface DigestSection {
  id: string;
  title: string;
  count: number;
  items: unknown[];
}

/** The nightly digest (逾期汇总): what is left undone at the end of a mall day. */
export interface Digest {
  /** The mall's date it is the digest of. */
  date: IsoDate;
  /** When it was made (ISO). */
  at: string;
  total: number;
  sections: DigestSection[];
}

/** The digest at `now`, read from every source. */
export function makeDigest(deps: LedgerDeps, now: number, date: IsoDate): Digest {
  const sections = DIGEST_SOURCES.map((s) => {
    const items = s.read(deps, now, date);
    return { id: s.id, title: s.title, count: items.length, items };
  });
  return {
    date,
    at: new Date(now).toISOString(),
    total: sections.reduce((n, s) => n + s.count, 0),
    sections,
  };
}
