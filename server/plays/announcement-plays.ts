import type { PlayReport } from '../../core/play-report.ts';

/**
 * The item id a player gives each play of an ad-hoc announcement: `announcement/<id>#<n>`, `n`
 * counting its plays from 1 (kiosk/src/player/player.ts). Its slot is `announcement` too.
 */
const ANNOUNCEMENT_ITEM = /^announcement\/(\d{1,12})(?:#\d{1,3})?$/;

/** The announcement a play was of, when it was one. Pure. */
export function announcementIdOf(p: { kind: string; itemId: string }): number | undefined {
  if (p.kind !== 'announcement') return undefined;
  const m = ANNOUNCEMENT_ITEM.exec(p.itemId);
  return m ? Number(m[1]) : undefined;
}

/** The announcements a batch of reports speaks of, each once. Pure. */
export function announcementsIn(reports: readonly PlayReport[]): number[] {
  const ids = new Set<number>();
  for (const r of reports) {
    const id = announcementIdOf(r);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}
