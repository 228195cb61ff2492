import { describe, expect, it } from 'vitest';
import {
  filterRegister,
  periodDates,
  rangeQuery,
} from '../../kiosk/src/console/complaints/complaint-register.ts';
import { deadlineText, spanText } from '../../kiosk/src/console/complaints/complaint-text.ts';
import type { Complaint } from '../../kiosk/src/console/complaints/complaint-types.ts';
import { actionsFor } from '../../kiosk/src/console/complaints/complaint-types.ts';

const H = 3600_000;

describe('complaint register helpers', () => {
  it('covers Monday to Sunday, whole months, and last month across the new year', () => {
    // Thursday 3 December 2026.
    expect(periodDates('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodDates('last-week', '2026-12-03')).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(periodDates('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDates('last-month', '2027-01-05')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    // A Sunday is the end of its week, not the start of the next.
    expect(periodDates('week', '2026-12-06').from).toBe('2026-11-30');
  });

  it('asks for the dates from the mall’s midnight to the midnight after the last', () => {
    const q = new URLSearchParams(
      rangeQuery({ from: '2026-12-01', to: '2026-12-31' }, 'Asia/Shanghai'),
    );
    expect(q.get('from')).toBe('2026-11-30T16:00:00.000Z');
    expect(q.get('to')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('finds a complaint by customer or order number, and "open" means not yet resolved', () => {
    const c = (id: number, over: Partial<Complaint>) =>
      ({
        id,
        customerName: '王女士',
        category: '商品质量',
        status: 'received',
        receivedAt: id,
        ...over,
      }) as Complaint;
    const list = [
      c(1, { orderNo: 'XS-2026 018' }),
      c(2, { customerName: '李先生', status: 'resolved' }),
      c(3, { customerName: '赵女士', status: 'planned' }),
    ];
    const none = { status: '', category: '', merchant: '', q: '' } as const;
    expect(filterRegister(list, { ...none, q: 'xs2026018' }).map((x) => x.id)).toEqual([1]);
    expect(filterRegister(list, { ...none, q: '李' }).map((x) => x.id)).toEqual([2]);
    expect(filterRegister(list, { ...none, status: 'open' }).map((x) => x.id)).toEqual([3, 1]);
  });
});

describe('complaint deadline text', () => {
  it('counts down, then says how long overdue, never "0 min"', () => {
    const now = Date.UTC(2026, 11, 7, 2, 30);
    expect(
      deadlineText({ state: 'open', at: now + 90 * 60_000, leftMs: 0 }, now, 'UTC'),
    ).toMatchObject({ zh: '剩 1 小时 30 分', tone: 'soon' });
    expect(deadlineText({ state: 'open', at: now + 30 * H, leftMs: 0 }, now, 'UTC').tone).toBe(
      'open',
    );
    expect(
      deadlineText({ state: 'missed', at: now - 49 * H, overdueMs: 49 * H }, now, 'UTC'),
    ).toMatchObject({ zh: '已超时 2 天 1 小时', tone: 'overdue' });
    expect(spanText(10_000).zh).toBe('1 分钟');
    expect(spanText(3 * H).zh).toBe('3 小时');
  });

  it('offers pause or resume as the clock stands, and escalation once', () => {
    const c: Parameters<typeof actionsFor>[0] = {
      status: 'received',
      escalated: false,
      pauses: [],
    };
    expect(actionsFor(c)).toEqual(['answer', 'reject', 'pause', 'escalate', 'correct']);
    expect(
      actionsFor({ ...c, escalated: true, pauses: [{ from: 1, reason: 'merchant' }] }),
    ).toEqual(['answer', 'reject', 'resume', 'correct']);
    expect(actionsFor({ ...c, status: 'resolved' })).toEqual(['call-back', 'correct']);
  });
});
