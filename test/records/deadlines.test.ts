import { describe, expect, it } from 'vitest';
import {
  ANSWER_WITHIN_MS,
  deadline,
  deadlineState,
  PLAN_WITHIN_MS,
} from '../../server/records/deadlines.ts';

const H = 3600_000;
/** 2026-12-03 in Asia/Shanghai at `hh:mm`, as epoch ms. */
const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 11, day, hh - 8, mm);

describe('complaint deadlines', () => {
  it('are 24 h and 72 h of wall clock, across midnight', () => {
    const received = at(3, 21, 30);
    expect(deadline(received, ANSWER_WITHIN_MS, [])).toEqual({ kind: 'due', at: at(4, 21, 30) });
    expect(deadline(received, PLAN_WITHIN_MS, [])).toEqual({ kind: 'due', at: at(6, 21, 30) });
  });

  it('move by the length of a pause that began before they ran out', () => {
    const received = at(3, 10);
    // Waiting on the merchant's reply from 16:00 to 09:00 the next morning: 17 h not counted.
    const pauses = [{ from: at(3, 16), to: at(4, 9) }];
    expect(deadline(received, ANSWER_WITHIN_MS, pauses)).toEqual({
      kind: 'due',
      at: at(4, 10) + 17 * H,
    });
    // A pause after the deadline changes nothing.
    expect(deadline(received, ANSWER_WITHIN_MS, [{ from: at(5, 9), to: at(5, 12) }])).toEqual({
      kind: 'due',
      at: at(4, 10),
    });
  });

  it('stand still during a pause that has not ended, with what was left', () => {
    const received = at(3, 10);
    const d = deadline(received, ANSWER_WITHIN_MS, [{ from: at(3, 20) }]);
    expect(d).toEqual({ kind: 'paused', leftMs: 14 * H, since: at(3, 20) });
  });

  it('are met, missed or open at a given instant', () => {
    const received = at(3, 10);
    const s = (doneAt: number | undefined, now: number) =>
      deadlineState(received, ANSWER_WITHIN_MS, [], doneAt, now).state;
    expect(s(at(4, 9), at(5, 0))).toBe('met');
    expect(s(at(4, 11), at(5, 0))).toBe('missed');
    expect(s(undefined, at(4, 9, 59))).toBe('open');
    expect(s(undefined, at(4, 10, 1))).toBe('missed');
    // A pause that began after the answer does not excuse a late one.
    expect(
      deadlineState(received, ANSWER_WITHIN_MS, [{ from: at(4, 12), to: at(4, 20) }], at(4, 11), 0)
        .state,
    ).toBe('missed');
  });

  it('are met or missed once done, even while a pause is still running', () => {
    const received = at(3, 10);
    // Waiting on the merchant since 20:00, the customer answered at 09:00 the next morning:
    // 10 h counted, kept (and judged, not left "paused" for good).
    const waiting = [{ from: at(3, 20) }];
    expect(deadlineState(received, ANSWER_WITHIN_MS, waiting, at(4, 9), at(6, 0))).toEqual({
      state: 'met',
      at: at(4, 10) + 13 * H,
      doneAt: at(4, 9),
    });
    // A pause begun after the time ran out excuses nothing.
    expect(
      deadlineState(received, ANSWER_WITHIN_MS, [{ from: at(4, 12) }], at(4, 14), at(6, 0)).state,
    ).toBe('missed');
  });
});
