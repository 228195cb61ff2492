import { describe, expect, it } from 'vitest';
import {
  countStates,
  itemStates,
  REPORT_GRACE_MS,
  type PlayRecord,
} from '../../core/item-states.ts';

// A morning of three items on the mall's clock (+08:00); `now` is always given explicitly.
const at = (hms: string) => `2026-03-02T${hms}+08:00`;
const ms = (hms: string) => Date.parse(at(hms));
const items = [
  { id: 'bed#1', start: at('10:00:00'), end: at('10:03:00') },
  { id: 'bed#2', start: at('10:03:00'), end: at('10:06:00') },
  { id: 'speech#1', start: at('10:04:00'), end: at('10:04:30') },
];

const play = (
  itemId: string,
  status: PlayRecord['status'],
  hms: string,
  deviceId = 1,
  extra: Partial<PlayRecord> = {},
): PlayRecord => ({
  itemId,
  deviceId,
  device: `player-${deviceId}`,
  status,
  actualAt: at(hms),
  ...extra,
});

const stateAt = (plays: PlayRecord[], now: number) =>
  Object.fromEntries(itemStates(items, plays, now).map((s) => [s.id, s.state]));

describe('itemStates', () => {
  it('calls everything upcoming before the day begins', () => {
    expect(stateAt([], ms('09:00:00'))).toEqual({
      'bed#1': 'upcoming',
      'bed#2': 'upcoming',
      'speech#1': 'upcoming',
    });
  });

  it('calls an item playing when a player started it and its end has not come', () => {
    const plays = [play('bed#1', 'started', '10:00:00.040')];
    expect(stateAt(plays, ms('10:01:00'))['bed#1']).toBe('playing');
    // Its end passed without an `ended` report yet (uploads lag): it was played.
    expect(stateAt(plays, ms('10:03:10'))['bed#1']).toBe('played');
  });

  it('calls an item played when its end is reported, even before the plan end', () => {
    const plays = [play('bed#1', 'started', '10:00:00'), play('bed#1', 'ended', '10:02:30')];
    expect(stateAt(plays, ms('10:02:40'))['bed#1']).toBe('played');
  });

  it('gives an unreported item the grace of an upload before calling it missed', () => {
    expect(stateAt([], ms('10:00:00'))['bed#1']).toBe('due');
    expect(stateAt([], ms('10:00:00') + REPORT_GRACE_MS - 1)['bed#1']).toBe('due');
    expect(stateAt([], ms('10:00:00') + REPORT_GRACE_MS)['bed#1']).toBe('missed');
    // An item shorter than the grace is missed once it is over.
    expect(stateAt([], ms('10:04:29'))['speech#1']).toBe('due');
    expect(stateAt([], ms('10:04:30'))['speech#1']).toBe('missed');
    // A past day nobody played.
    expect(stateAt([], ms('23:00:00'))).toEqual({
      'bed#1': 'missed',
      'bed#2': 'missed',
      'speech#1': 'missed',
    });
  });

  it('tells failed (a file to fix) from skipped (an announcement had the air)', () => {
    const plays = [
      play('bed#2', 'failed', '10:03:00', 1, { reason: 'file missing or not playable' }),
      play('speech#1', 'skipped', '10:04:00', 1, { reason: 'an announcement was playing' }),
    ];
    const states = itemStates(items, plays, ms('10:05:00'));
    expect(states.map((s) => s.state)).toEqual(['missed', 'failed', 'skipped']);
    expect(states[1]!.plays).toEqual([
      {
        device: 'player-1',
        status: 'failed',
        at: at('10:03:00'),
        reason: 'file missing or not playable',
      },
    ]);
  });

  it('calls speech interrupted after its start skipped, not played', () => {
    const plays = [
      play('speech#1', 'started', '10:04:00'),
      play('speech#1', 'skipped', '10:04:10', 1, {
        reason: 'interrupted by a urgent announcement',
      }),
    ];
    expect(stateAt(plays, ms('10:05:00'))['speech#1']).toBe('skipped');
  });

  it('counts an item played when one player played it, whatever another made of it', () => {
    const plays = [
      play('bed#2', 'failed', '10:03:00', 2),
      play('bed#2', 'started', '10:03:00.020', 1),
    ];
    const [, bed2] = itemStates(items, plays, ms('10:04:00'));
    expect(bed2!.state).toBe('playing');
    // Which player did what, and when, oldest first.
    expect(bed2!.plays.map((p) => `${p.device} ${p.status}`)).toEqual([
      'player-2 failed',
      'player-1 started',
    ]);
    // Only failures: failed outranks skipped.
    const bad = [play('bed#2', 'skipped', '10:03:00', 1), play('bed#2', 'failed', '10:03:00', 2)];
    expect(stateAt(bad, ms('10:04:00'))['bed#2']).toBe('failed');
  });

  it('names a removed device by its number and ignores plays of other items', () => {
    const plays = [
      play('bed#1', 'started', '10:00:00', 7, { device: null }),
      play('announcement-3', 'started', '10:01:00'),
    ];
    const [bed1, bed2] = itemStates(items, plays, ms('10:01:00'));
    expect(bed1!.plays[0]!.device).toBe('#7');
    expect(bed2!.plays).toEqual([]);
  });

  it('counts the states', () => {
    const plays = [play('bed#1', 'started', '10:00:00')];
    expect(countStates(itemStates(items, plays, ms('10:03:20')))).toEqual({
      upcoming: 1,
      due: 1,
      playing: 0,
      played: 1,
      skipped: 0,
      failed: 0,
      missed: 0,
    });
  });
});
