import { formatInstant, offsetMinutesAt } from '../../core/zoned-time.ts';

/** How often a player reports its state (STATE_REPORT_MS in kiosk/src/player/player-controller.ts). */
export const PLAYER_HEARTBEAT_MS = 30_000;
/** Two heartbeats missed and half of a third for a slow network: then a device is offline. */
export const OFFLINE_AFTER_MS = 2.5 * PLAYER_HEARTBEAT_MS;
/** A started item reaches the as-played log within an upload (every 10 s) and a retry or two. */
export const REPORT_GRACE_MS = 60_000;
/** A missed item is warned about this long after its start at most; proof of play keeps the rest. */
export const MISSED_WINDOW_MS = 30 * 60_000;

/** What the rules know of one registered device. */
export interface DeviceFacts {
  id: number;
  name: string;
  kind: 'player' | 'guide';
  /** Its last heartbeat (a player) or open event stream (a guide screen), ms. */
  heardAt?: number;
  audioBlocked?: boolean;
}

/** A plan item that should have started by now. */
export interface DueItem {
  id: string;
  layer: string;
  startMs: number;
  title: string;
}

/** One warning for the console's banner and the players page. */
export interface DeviceAlert {
  level: 'warning' | 'danger';
  kind: 'offline' | 'blocked' | 'missed';
  deviceId: number;
  zh: string;
  en: string;
  page: 'players';
}

/** Heard from within `OFFLINE_AFTER_MS`. */
export const isOnline = (heardAt: number | undefined, now: number) =>
  heardAt !== undefined && now - heardAt <= OFFLINE_AFTER_MS;

/**
 * The latest item of each layer (music, speech) that should have started at least
 * `REPORT_GRACE_MS` ago and not more than `MISSED_WINDOW_MS` ago: what a working player has
 * reported by now. Per layer, so a missed announcement is not hidden by the next song.
 */
export function dueItems(items: readonly DueItem[], now: number): DueItem[] {
  const latest = new Map<string, DueItem>();
  for (const item of items) {
    if (item.startMs > now - REPORT_GRACE_MS) continue;
    const kept = latest.get(item.layer);
    if (!kept || item.startMs > kept.startMs) latest.set(item.layer, item);
  }
  return [...latest.values()]
    .filter((i) => now - i.startMs <= MISSED_WINDOW_MS)
    .sort((a, b) => a.startMs - b.startMs);
}

/** `${deviceId}/${itemId}`: the key of a play a device reported (or is reporting as playing). */
export const reportKey = (deviceId: number, itemId: string) => `${deviceId}/${itemId}`;

export interface AlertInput {
  devices: readonly DeviceFacts[];
  due: readonly DueItem[];
  /** `reportKey`s of the due items each player reported. */
  reported: ReadonlySet<string>;
  now: number;
  /** When the server started: nobody is called offline before a heartbeat could have come. */
  since: number;
  timezone: string;
}

/**
 * The warnings about the mall's devices, worst first: a device not heard from (a player is
 * danger: the PA may be silent; a guide screen a warning), a player whose browser blocks
 * sound, a player that has not reported an item that should have started.
 */
export function deviceAlerts(input: AlertInput): DeviceAlert[] {
  const { now, since, timezone } = input;
  const alerts: DeviceAlert[] = [];
  const clock = (ms: number) => formatInstant(ms, offsetMinutesAt(timezone, ms)).slice(11, 16);
  for (const d of input.devices) {
    const player = d.kind === 'player';
    const what = player ? { zh: '播放器', en: 'Player' } : { zh: '屏幕', en: 'Screen' };
    const at = { deviceId: d.id, page: 'players' as const };
    if (!isOnline(d.heardAt, now)) {
      if (now - since <= OFFLINE_AFTER_MS) continue;
      const last = d.heardAt === undefined ? undefined : clock(d.heardAt);
      alerts.push({
        ...at,
        level: player ? 'danger' : 'warning',
        kind: 'offline',
        zh: `${what.zh}「${d.name}」离线：${last ? `${last} 以后` : '启动以来'}没有收到它的消息`,
        en: `${what.en} "${d.name}" is offline: nothing heard from it ${last ? `since ${last}` : 'since the server started'}`,
      });
      continue;
    }
    if (!player) continue;
    if (d.audioBlocked) {
      alerts.push({
        ...at,
        level: 'danger',
        kind: 'blocked',
        zh: `播放器「${d.name}」的声音被浏览器阻止：请到现场点一下它的屏幕`,
        en: `Sound is blocked on player "${d.name}": tap its screen`,
      });
      continue;
    }
    for (const item of input.due) {
      if (input.reported.has(reportKey(d.id, item.id))) continue;
      alerts.push({
        ...at,
        level: 'warning',
        kind: 'missed',
        zh: `播放器「${d.name}」没有报告 ${clock(item.startMs)} 应开始的「${item.title}」`,
        en: `Player "${d.name}" has not reported "${item.title}", due at ${clock(item.startMs)}`,
      });
    }
  }
  const rank = { danger: 0, warning: 1 } as const;
  return alerts.sort((a, b) => rank[a.level] - rank[b.level]);
}
