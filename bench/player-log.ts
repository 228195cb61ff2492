import type { Client } from '../test/helpers/server.ts';
import type { SeenStart } from './player-errors.ts';

/** The day's `started` reports in the as-played log, as a staff member reads them (every page). */
export async function startedPlays(
  staff: Client,
  date: string,
): Promise<{ starts: SeenStart[]; total: number; duplicates: number }> {
  const starts: SeenStart[] = [];
  let cursor: string | null = null;
  let total = 0;
  for (let page = 0; page < 100; page++) {
    const r = await staff.get(
      `/api/plays?date=${date}&status=started&limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (r.status !== 200) throw new Error(`GET /api/plays: ${r.status} ${r.text}`);
    total = r.body.total as number;
    for (const p of r.body.plays as { itemId: string; plannedAt: string; actualAt: string }[])
      starts.push({
        itemId: p.itemId,
        plannedMs: Date.parse(p.plannedAt),
        actualMs: Date.parse(p.actualAt),
      });
    cursor = r.body.nextCursor as string | null;
    if (!cursor) break;
  }
  const duplicates = starts.length - new Set(starts.map((s) => s.itemId)).size;
  return { starts, total, duplicates };
}
