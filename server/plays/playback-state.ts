import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';

export const PLAYBACK_STATES = ['playing', 'idle', 'blocked', 'offline-recovered'] as const;

/** What a player says it is doing; sent on every change and as a heartbeat. */
export const playbackStateSchema = z.object({
  state: z.enum(PLAYBACK_STATES),
  planDate: isoDate.optional(),
  /** The ETag of the plan of `planDate` the player holds, to tell an outdated plan. */
  planEtag: z.string().trim().min(1).max(100).optional(),
  itemId: z.string().trim().min(1).max(200).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  /** Player clock minus server clock, from its `/api/time` round trips. */
  clockOffsetMs: z.number().finite().min(-86_400_000).max(86_400_000).optional(),
  /** The browser refused to start audio (autoplay policy): someone must tap the screen. */
  audioBlocked: z.boolean().optional(),
  positionMs: z.number().finite().min(0).optional(),
  /** Play reports waiting to be uploaded (after an outage). */
  pendingReports: z.number().int().min(0).optional(),
  /** The kiosk build, to spot a screen running old code. */
  version: z.string().max(100).optional(),
  message: z.string().max(500).optional(),
});
export type PlaybackStateReport = z.infer<typeof playbackStateSchema>;

/** The latest state of one player, as the console lists it. */
export type PlaybackState = PlaybackStateReport & {
  deviceId: number;
  device: string;
  receivedAt: string;
};

/**
 * The latest state per player, in memory: it describes the present, so a restart that forgets
 * it loses nothing a player will not send again within its heartbeat.
 */
export function playbackStates() {
  const latest = new Map<number, PlaybackState>();
  return {
    set(state: PlaybackState): void {
      latest.set(state.deviceId, state);
    },
    get: (deviceId: number) => latest.get(deviceId),
    /** Every player that reported since start-up, by name. */
    list(): PlaybackState[] {
      return [...latest.values()].sort((a, b) => a.device.localeCompare(b.device));
    },
  };
}
export type PlaybackStates = ReturnType<typeof playbackStates>;
