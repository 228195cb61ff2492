import type { Db } from '../db/open.ts';
import { playStore } from './play-store.ts';
import { playSummary } from './play-summary.ts';
import { playbackStates } from './playback-state.ts';

/** The as-played log and the players' latest states: what `ctx.plays` holds. */
export function playLog(db: Db) {
  return { store: playStore(db), summary: playSummary(db), states: playbackStates() };
}
export type PlayLog = ReturnType<typeof playLog>;
