import { describe, expect, it } from 'vitest';
import { nextOpening } from '../../server/queue/service-hours.ts';

const H = 3_600_000;
/** A day whose plan opens at 10:00 and closes at 22:00 (on air from 09:30). */
const day = { onAir: 9.5 * H, opening: 10 * H, closing: 22 * H };
/** A later day: opening at 09:00. */
const weekend = { onAir: 8.5 * H, opening: 9 * H, closing: 22 * H };

describe('nextOpening', () => {
  it('says nothing while the service is open', () => {
    expect(
      nextOpening({ from: 'opening', until: 'closing' }, day, weekend, 12 * H),
    ).toBeUndefined();
  });

  it("says today's opening before it, tomorrow's by tomorrow's plan after the closing", () => {
    const hours = { from: 'opening', until: 'closing-10m' };
    expect(nextOpening(hours, day, weekend, 8 * H)).toEqual({ day: 'today', from: '10:00' });
    expect(nextOpening(hours, day, weekend, 21.9 * H)).toEqual({ day: 'tomorrow', from: '09:00' });
  });

  it('says nothing of hours that never open, or of a day without a plan', () => {
    expect(nextOpening({ from: '00:00', until: '00:00' }, day, day, 12 * H)).toBeUndefined();
    expect(
      nextOpening({ from: 'opening', until: 'closing' }, day, undefined, 23 * H),
    ).toBeUndefined();
  });
});
