import {
  addDays,
  dateInZone,
  formatInstant,
  offsetMinutesAt,
  wallTimeToInstant,
} from '../../../../core/zoned-time.ts';
import type { Announcement, AnnouncementPlayRow } from './announce-types.ts';

/**
 * A date and a time on the mall's clocks (the form's inputs) as the instant the server wants,
 * with the mall's offset: never the browser's zone, which a desk PC may have wrong. Pure.
 */
export function zonedInstant(zone: string, date: string, time: string): string | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const msOfDay = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
  const ms = wallTimeToInstant(zone, date, msOfDay);
  return formatInstant(ms, offsetMinutesAt(zone, ms));
}

/** The mall's date and `HH:MM`, `aheadMin` minutes from `now`, rounded up to five minutes. */
export function wallTimeAhead(zone: string, now: number, aheadMin: number) {
  const ms = Math.ceil((now + aheadMin * 60_000) / 300_000) * 300_000;
  const text = formatInstant(ms, offsetMinutesAt(zone, ms));
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/** `15:02:09` on the mall's clocks. */
export function clockOf(zone: string, instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return formatInstant(Math.floor(ms / 1000) * 1000, offsetMinutesAt(zone, ms)).slice(11, 19);
}

/** `今天 · Today`, `明天 · Tomorrow`, or `12月3日` for the mall's date of an instant. */
export function dayOf(zone: string, instant: string | number, now: number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const date = dateInZone(zone, ms);
  const today = dateInZone(zone, now);
  if (date === today) return '今天 · Today';
  if (date === addDays(today, 1)) return '明天 · Tomorrow';
  if (date === addDays(today, -1)) return '昨天 · Yesterday';
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `45 秒` / `5 分钟` / `1 分 30 秒`. */
export function secondsText(s: number): string {
  if (s < 60) return `${s} 秒`;
  const min = Math.floor(s / 60);
  return s % 60 ? `${min} 分 ${s % 60} 秒` : `${min} 分钟`;
}

/** When it is (or was) meant to play: its time, or when it was made. */
export const dueMs = (a: Announcement) => Date.parse(a.at ?? a.createdAt);

/** When its last play should be over, if it went out on time. */
export function expectedEndMs(a: Announcement): number {
  return dueMs(a) + a.repeat * a.durationMs + (a.repeat - 1) * a.intervalS * 1000;
}

/** One play (1st, 2nd…) of an announcement on one player, from its log lines. */
export interface PlayOnDevice {
  n: number;
  startedAt?: string;
  plannedAt?: string;
  endedAt?: string;
  /** Cut short (cancelled while playing) or never begun (failed), with why. */
  problem?: { status: 'skipped' | 'failed'; at: string; reason: string | null };
}

export interface DevicePlays {
  deviceId: number;
  device: string;
  plays: PlayOnDevice[];
}

/** The log lines of announcements, per announcement, per player, per play. Pure. */
export function playsByAnnouncement(
  rows: readonly AnnouncementPlayRow[],
): Map<number, DevicePlays[]> {
  const out = new Map<number, Map<number, DevicePlays>>();
  for (const r of rows) {
    if (r.announcementId === null) continue;
    let devices = out.get(r.announcementId);
    if (!devices) out.set(r.announcementId, (devices = new Map()));
    let d = devices.get(r.deviceId);
    if (!d)
      devices.set(
        r.deviceId,
        (d = { deviceId: r.deviceId, device: r.device ?? `#${r.deviceId}`, plays: [] }),
      );
    const n = Number(/#(\d+)$/.exec(r.itemId)?.[1] ?? 1);
    let p = d.plays.find((x) => x.n === n);
    if (!p) d.plays.push((p = { n }));
    switch (r.status) {
      case 'started':
        p.startedAt = r.actualAt;
        p.plannedAt = r.plannedAt;
        break;
      case 'ended':
        p.endedAt = r.actualAt;
        break;
      case 'skipped':
      case 'failed':
        p.problem = { status: r.status, at: r.actualAt, reason: r.reason };
        break;
      default: {
        const never: never = r.status;
        return never;
      }
    }
  }
  return new Map(
    [...out].map(([id, devices]) => [
      id,
      [...devices.values()].map((d) => ({ ...d, plays: d.plays.sort((a, b) => a.n - b.n) })),
    ]),
  );
}

export type AnnouncementState = 'cancelled' | 'pending' | 'waiting' | 'playing' | 'done';

/** Where an announcement has got to, from its own record and what the players said. Pure. */
export function stateOf(
  a: Announcement,
  devices: readonly DevicePlays[],
  now: number,
): AnnouncementState {
  if (a.status === 'cancelled') return 'cancelled';
  if (dueMs(a) > now) return 'pending';
  const plays = devices.flatMap((d) => d.plays);
  if (plays.length === 0) return now > expectedEndMs(a) + 120_000 ? 'done' : 'waiting';
  const finished = (p: PlayOnDevice) => p.endedAt !== undefined || p.problem !== undefined;
  const allIn = devices.every((d) => d.plays.length >= a.repeat && d.plays.every(finished));
  return allIn || now > expectedEndMs(a) + 120_000 ? 'done' : 'playing';
}

/** Whether cancelling still stops anything: it is to come, or may still be playing. */
export const cancellable = (s: AnnouncementState) =>
  s === 'pending' || s === 'waiting' || s === 'playing';
