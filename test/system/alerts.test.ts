import { describe, expect, it } from 'vitest';
import {
  deviceAlerts,
  dueItems,
  isOnline,
  MISSED_WINDOW_MS,
  OFFLINE_AFTER_MS,
  PLAYER_HEARTBEAT_MS,
  REPORT_GRACE_MS,
  reportKey,
  type AlertInput,
  type DeviceFacts,
  type DueItem,
} from '../../server/system/alerts.ts';

// 2026-03-02 14:00:00 in Shanghai; the test config's TZ is elsewhere, so zone bugs show.
const T = Date.parse('2026-03-02T14:00:00+08:00');
const S = 1000;
const STARTED = T - 3600 * S;
const player = (over: Partial<DeviceFacts> = {}): DeviceFacts => ({
  id: 1,
  name: 'PA-1',
  kind: 'player',
  heardAt: T - 10 * S,
  ...over,
});
const item = (id: string, layer: string, startMs: number, title = id): DueItem => ({
  id,
  layer,
  startMs,
  title,
});
const input = (over: Partial<AlertInput>): AlertInput => ({
  devices: [],
  due: [],
  reported: new Set(),
  now: T,
  since: STARTED,
  timezone: 'Asia/Shanghai',
  ...over,
});

describe('device alerts', () => {
  it('calls a device offline after two and a half heartbeats of silence, not before', () => {
    expect(OFFLINE_AFTER_MS).toBe(2.5 * PLAYER_HEARTBEAT_MS);
    expect(isOnline(T - OFFLINE_AFTER_MS, T)).toBe(true);
    expect(isOnline(T - OFFLINE_AFTER_MS - 1, T)).toBe(false);
    expect(isOnline(undefined, T)).toBe(false);

    const quiet = deviceAlerts(input({ devices: [player({ heardAt: T - OFFLINE_AFTER_MS })] }));
    expect(quiet).toEqual([]);
    const silent = deviceAlerts(
      input({ devices: [player({ heardAt: T - OFFLINE_AFTER_MS - S })] }),
    );
    expect(silent).toEqual([
      expect.objectContaining({ level: 'danger', kind: 'offline', deviceId: 1, page: 'players' }),
    ]);
    // On the mall's clock (13:58:44 in Shanghai), whatever the host's zone.
    expect(silent[0]?.zh).toContain('13:58 以后');
    expect(silent[0]?.en).toBe('Player "PA-1" is offline: nothing heard from it since 13:58');
  });

  it('gives devices one heartbeat window after a server start before calling them offline', () => {
    const never = player({ heardAt: undefined });
    expect(deviceAlerts(input({ devices: [never], since: T - OFFLINE_AFTER_MS }))).toEqual([]);
    const late = deviceAlerts(input({ devices: [never], since: T - OFFLINE_AFTER_MS - 1 }));
    expect(late.map((a) => a.kind)).toEqual(['offline']);
    expect(late[0]?.en).toContain('since the server started');
  });

  it('warns about an offline guide screen less loudly than about a silent player', () => {
    const guide: DeviceFacts = { id: 2, name: 'guide-1', kind: 'guide', heardAt: T - 600 * S };
    const alerts = deviceAlerts(input({ devices: [guide, player({ id: 3, heardAt: undefined })] }));
    expect(alerts.map((a) => [a.deviceId, a.level])).toEqual([
      [3, 'danger'],
      [2, 'warning'],
    ]);
    expect(alerts[1]?.zh).toContain('屏幕「guide-1」离线');
  });

  it('says when a player cannot make sound, and not whether it missed items then', () => {
    const due = [item('weather#1', 'voice', T - 5 * 60 * S, '天气预报')];
    const alerts = deviceAlerts(input({ devices: [player({ audioBlocked: true })], due }));
    expect(alerts).toEqual([expect.objectContaining({ level: 'danger', kind: 'blocked' })]);
    expect(alerts[0]?.zh).toContain('点一下它的屏幕');
    // Offline wins: a stale "blocked" from a player not heard from says nothing of now.
    const gone = deviceAlerts(
      input({ devices: [player({ audioBlocked: true, heardAt: T - 600 * S })], due }),
    );
    expect(gone.map((a) => a.kind)).toEqual(['offline']);
  });

  it('warns about a started item not reported after the grace period, until it is', () => {
    const weather = item('weather#1', 'voice', T - REPORT_GRACE_MS - S, '天气预报');
    const devices = [player()];
    const alerts = deviceAlerts(input({ devices, due: [weather] }));
    expect(alerts).toEqual([expect.objectContaining({ level: 'warning', kind: 'missed' })]);
    expect(alerts[0]?.zh).toBe('播放器「PA-1」没有报告 13:58 应开始的「天气预报」');
    const reported = new Set([reportKey(1, 'weather#1')]);
    expect(deviceAlerts(input({ devices, due: [weather], reported }))).toEqual([]);
    // Another player's report does not count for this one.
    const other = new Set([reportKey(2, 'weather#1')]);
    expect(deviceAlerts(input({ devices, due: [weather], reported: other }))).toHaveLength(1);
    // Guide screens play no program.
    const guide: DeviceFacts = { id: 2, name: 'guide-1', kind: 'guide', heardAt: T };
    expect(deviceAlerts(input({ devices: [guide], due: [weather] }))).toEqual([]);
  });

  it('takes the latest item of each layer that should have started, within the window', () => {
    const items = [
      item('bed#1', 'bed', T - 20 * 60 * S),
      item('bed#2', 'bed', T - 4 * 60 * S),
      item('bed#3', 'bed', T - REPORT_GRACE_MS + S), // still in its grace period
      item('weather#1', 'voice', T - 10 * 60 * S),
      item('later#1', 'voice', T + 60 * S),
    ];
    expect(dueItems(items, T).map((i) => i.id)).toEqual(['weather#1', 'bed#2']);
    expect(dueItems(items, T + S).map((i) => i.id)).toEqual(['weather#1', 'bed#3']);
    // Long ago is proof of play's business, not the banner's.
    const old = [item('speech#1', 'voice', T - MISSED_WINDOW_MS - S)];
    expect(dueItems(old, T)).toEqual([]);
    expect(dueItems([item('speech#1', 'voice', T - MISSED_WINDOW_MS)], T)).toHaveLength(1);
  });
});
