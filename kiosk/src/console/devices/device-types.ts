/** A registered device, as GET /api/devices gives it (admins). */
export interface Device {
  id: number;
  name: string;
  kind: 'player' | 'guide';
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** One warning about a device (GET /api/alerts, and each device's own in its status). */
export interface DeviceAlert {
  level: 'warning' | 'danger';
  kind: 'offline' | 'blocked' | 'missed';
  deviceId: number;
  zh: string;
  en: string;
}

/** What a player last reported (POST /api/playback-state). */
export interface PlaybackState {
  state: 'playing' | 'idle' | 'blocked' | 'offline-recovered';
  planDate?: string;
  planEtag?: string;
  itemId?: string;
  title?: string;
  clockOffsetMs?: number;
  audioBlocked?: boolean;
  pendingReports?: number;
  version?: string;
  message?: string;
  receivedAt: string;
}

/** One device on the players page (GET /api/devices/status); instants on the mall's clocks. */
export interface DeviceStatus {
  id: number;
  name: string;
  kind: 'player' | 'guide';
  createdAt: string;
  lastSeenAt: string | null;
  heardAt: string | null;
  online: boolean;
  streams: number;
  state: PlaybackState | null;
  plan: { date: string; etag: string | null; current: boolean | null } | null;
  alerts: DeviceAlert[];
}

export interface DeviceStatusList {
  checkedAt: string;
  offlineAfterMs: number;
  devices: DeviceStatus[];
  alerts: DeviceAlert[];
}

export const KIND_NAMES = {
  player: { zh: '广播播放器', en: 'PA player' },
  guide: { zh: '导视屏', en: 'Guide screen' },
} as const;

/** `14:03:22` of a zoned instant the server gave (`2026-03-02T14:03:22.5+08:00`): mall time. */
export const wallClock = (zoned: string | null | undefined) => zoned?.slice(11, 19) ?? '—';

/** `3月2日 14:03` when not today, else `14:03:22`. */
export function whenText(zoned: string | null | undefined, today: string): string {
  if (!zoned) return '—';
  if (zoned.slice(0, 10) === today) return wallClock(zoned);
  return `${Number(zoned.slice(5, 7))}月${Number(zoned.slice(8, 10))}日 ${zoned.slice(11, 16)}`;
}

/** Players first, then guide screens; each by name as a Chinese reader orders them. */
export const sortDevices = <T extends { kind: string; name: string }>(devices: readonly T[]) =>
  [...devices].sort(
    (a, b) =>
      Number(a.kind !== 'player') - Number(b.kind !== 'player') ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
