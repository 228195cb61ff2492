import type { AuthStore, Device } from '../auth/store.ts';
import type { Db } from '../db/open.ts';
import type { StreamPresence } from '../events/presence.ts';
import type { PlaybackState, PlaybackStates } from '../plays/playback-state.ts';
import { zonedIso } from '../plays/play-time.ts';
import type { ScheduleService } from '../program/schedule-service.ts';
import {
  deviceAlerts,
  dueItems,
  isOnline,
  OFFLINE_AFTER_MS,
  reportKey,
  type DeviceAlert,
  type DeviceFacts,
} from './alerts.ts';

interface Deps {
  db: Db;
  auth: AuthStore;
  states: PlaybackStates;
  streams: StreamPresence;
  schedules: ScheduleService;
  /** When the server started, ms. */
  startedAt: number;
}

/** One registered device as the players page shows it. */
export interface DeviceStatus {
  id: number;
  name: string;
  kind: Device['kind'];
  createdAt: string;
  /** Its last request of any kind (written once a minute at most). */
  lastSeenAt: string | null;
  /** Its last heartbeat (player) or open event stream (guide screen). */
  heardAt: string | null;
  online: boolean;
  /** Event streams it has open now. */
  streams: number;
  state: PlaybackState | null;
  /** The plan it holds: whether it is the server's current version of that date's plan. */
  plan: { date: string; etag: string | null; current: boolean | null } | null;
  alerts: DeviceAlert[];
}

/**
 * Gathers what the alert rules (alerts.ts) need — devices, heartbeats, streams, today's plan,
 * the plays reported — and gives the players page and the banner the same answer.
 */
export function deviceStatus(deps: Deps) {
  const { auth, states, streams, schedules } = deps;
  const reported = deps.db
    .prepare('SELECT 1 FROM plays WHERE device_id = ? AND plan_date = ? AND item_id = ? LIMIT 1')
    .pluck();

  function heardAt(d: Device, state: PlaybackState | undefined, now: number): number | undefined {
    if (d.kind === 'player') return state ? Date.parse(state.receivedAt) : undefined;
    const seen = d.lastSeenAt ? Date.parse(d.lastSeenAt) : undefined;
    const stream = streams.lastOpenAt(d.id, now);
    return seen === undefined || stream === undefined ? (seen ?? stream) : Math.max(seen, stream);
  }

  function planOf(state: PlaybackState | undefined): DeviceStatus['plan'] {
    if (!state?.planDate) return null;
    const etag = state.planEtag ?? null;
    return {
      date: state.planDate,
      etag,
      current: etag === null ? null : schedules.compiled(state.planDate).etag === etag,
    };
  }

  return {
    /** Every live device with its state and warnings, and all the warnings worst first. */
    check(now: Date): { devices: DeviceStatus[]; alerts: DeviceAlert[] } {
      const t = now.getTime();
      const zone = schedules.timezone();
      const today = schedules.today();
      const live = auth.devices().filter((d) => !d.revokedAt);
      const facts: DeviceFacts[] = live.map((d) => {
        const state = states.get(d.id);
        const heard = heardAt(d, state, t);
        return {
          id: d.id,
          name: d.name,
          kind: d.kind,
          ...(heard !== undefined ? { heardAt: heard } : {}),
          ...(state?.audioBlocked || state?.state === 'blocked' ? { audioBlocked: true } : {}),
        };
      });
      const due = dueItems(
        schedules.plan(today).items.map((i) => ({
          id: i.id,
          layer: i.layer,
          startMs: Date.parse(i.start),
          title: i.title,
        })),
        t,
      );
      const done = new Set<string>();
      for (const f of facts) {
        if (f.kind !== 'player') continue;
        const state = states.get(f.id);
        for (const item of due)
          if (
            (state?.itemId === item.id && state.planDate === today) ||
            reported.get(f.id, today, item.id)
          )
            done.add(reportKey(f.id, item.id));
      }
      const alerts = deviceAlerts({
        devices: facts,
        due,
        reported: done,
        now: t,
        since: deps.startedAt,
        timezone: zone,
      });
      const devices = live.map((d, i): DeviceStatus => {
        const state = states.get(d.id);
        const heard = facts[i]?.heardAt;
        return {
          id: d.id,
          name: d.name,
          kind: d.kind,
          createdAt: zonedIso(zone, d.createdAt),
          lastSeenAt: d.lastSeenAt && zonedIso(zone, d.lastSeenAt),
          heardAt: heard === undefined ? null : zonedIso(zone, new Date(heard).toISOString()),
          online: isOnline(heard, t),
          streams: streams.count(d.id),
          state: state ? { ...state, receivedAt: zonedIso(zone, state.receivedAt) } : null,
          plan: planOf(state),
          alerts: alerts.filter((a) => a.deviceId === d.id),
        };
      });
      return { devices, alerts };
    },
    offlineAfterMs: OFFLINE_AFTER_MS,
  };
}
export type DeviceStatusService = ReturnType<typeof deviceStatus>;
