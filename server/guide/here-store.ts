import type { Db } from '../db/open.ts';

/** Each guide screen's "you are here": a place id from floors.yaml, or none. */
export function guideScreenStore(db: Db) {
  const q = {
    get: db.prepare<[number], { here: string | null }>(
      'SELECT here FROM guide_screens WHERE device_id = ?',
    ),
    all: db.prepare<[], { deviceId: number; here: string | null }>(
      'SELECT device_id AS deviceId, here FROM guide_screens',
    ),
    set: db.prepare(
      `INSERT INTO guide_screens (device_id, here, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET here = excluded.here,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
  };
  return {
    hereOf: (deviceId: number): string | null => q.get.get(deviceId)?.here ?? null,
    all: (): Map<number, string | null> => new Map(q.all.all().map((r) => [r.deviceId, r.here])),
    setHere(deviceId: number, here: string | null, by: string, now: Date): void {
      q.set.run(deviceId, here, now.toISOString(), by);
    },
  };
}
export type GuideScreenStore = ReturnType<typeof guideScreenStore>;
