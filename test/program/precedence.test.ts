import { describe, expect, it } from 'vitest';
import { parseClockExpr } from '../../server/program/clock-expr.ts';
import { compileDayPlan } from '../../server/program/compile.ts';
import { clock, ms, ofSlot, shipped } from '../helpers/shipped.ts';

describe('fixed speech precedence', () => {
  it('keeps the event announcement at 11:00 on a holiday event day and plays the greeting right after', async () => {
    const { schedules, catalogue } = await shipped();
    const calendar = {
      ...schedules.calendar,
      events: [
        {
          name: '国庆家居节',
          from: '2026-10-02',
          to: '2026-10-02',
          scripts: [{ media: 'speech/event/01-event-demo' }],
        },
      ],
    };
    const plan = compileDayPlan({ ...schedules, calendar, catalogue }, '2026-10-02');
    expect(plan.dayTypes).toEqual(['normal', 'holiday', 'event']);
    const atEleven = ofSlot(plan, 'event-announcement').filter(
      (i) => clock(i.start) >= '11:00:00' && clock(i.start) < '11:30:00',
    );
    expect(clock(atEleven[0]!.start)).toBe('11:00:00');
    const greeting = ofSlot(plan, 'holiday-greeting')[0]!;
    expect(greeting.shiftedFrom).toBe('2026-10-02T11:00:00+08:00');
    expect(ms(greeting.start) - ms(atEleven[1]!.end)).toBe(schedules.program.voiceGap);
    expect(plan.warnings).toEqual([]);
  });

  it('leaves out a displaced item that cannot start within its window, and says so', async () => {
    const { schedules, catalogue } = await shipped();
    const program = structuredClone(schedules.program);
    program.dayTypes.holiday.items.push({
      id: 'extra-welcome',
      slot: 'welcome-speech',
      at: parseClockExpr('11:00')!,
      window: 10_000,
    });
    const plan = compileDayPlan({ ...schedules, program, catalogue }, '2026-10-01');
    expect(plan.items.some((i) => i.row === 'extra-welcome')).toBe(false);
    expect(plan.warnings).toContainEqual(
      'extra-welcome at 11:00: left out, no room before 11:00:10',
    );
    expect(clock(ofSlot(plan, 'holiday-greeting')[0]!.start)).toBe('11:00:00');
  });

  it('says the forecast when there is one and only the reminders when there is none', async () => {
    const { schedules, catalogue } = await shipped();
    const inputs = { ...schedules, catalogue };
    const none = compileDayPlan(inputs, '2026-12-02');
    expect(ofSlot(none, 'weather', 'voice').map((i) => i.kind)).toEqual([
      'speech',
      'speech',
      'speech',
    ]);
    const sunny = compileDayPlan(inputs, '2026-12-02', {
      forecast: { condition: '晴', low: -2, high: 6 },
    });
    const [forecast] = ofSlot(sunny, 'weather', 'voice');
    expect(forecast).toMatchObject({
      kind: 'weather',
      estimated: true,
      start: '2026-12-02T10:00:00+08:00',
    });
    expect(forecast!.text).toBe(
      '各位顾客，今天是12月2日，星期三。今天天气晴，气温零下2到6摄氏度。',
    );
  });
});
