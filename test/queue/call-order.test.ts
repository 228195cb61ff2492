import { describe, expect, it } from 'vitest';
import {
  nextStreak,
  pickNext,
  type CounterTurn,
  type Waiting,
} from '../../server/queue/call-order.ts';

const at = (minute: number) => `2026-12-07T02:${String(minute).padStart(2, '0')}:00.000Z`;
const w = (id: number, service: string, minute: number, priority = false): Waiting => ({
  id,
  service,
  priority,
  takenAt: at(minute),
});
const turn = (over: Partial<CounterTurn> = {}): CounterTurn => ({
  services: ['enquiry', 'complaint'],
  priorityStreak: 0,
  priorityRun: 2,
  callOrder: 'services',
  ...over,
});

/** Calls until the queue is empty, as one counter pressing "call next" again and again. */
function drain(waiting: Waiting[], t: CounterTurn): number[] {
  const left = [...waiting];
  const order: number[] = [];
  let streak = t.priorityStreak;
  for (;;) {
    const next = pickNext(left, { ...t, priorityStreak: streak });
    if (!next) return order;
    order.push(next.id);
    streak = nextStreak(streak, next.priority);
    left.splice(left.indexOf(next), 1);
  }
}

describe('call order', () => {
  it('calls in order of arrival within a service', () => {
    expect(drain([w(3, 'enquiry', 3), w(1, 'enquiry', 1), w(2, 'enquiry', 2)], turn())).toEqual([
      1, 2, 3,
    ]);
  });

  it("takes the counter's services in its order, and only its services", () => {
    const waiting = [w(1, 'complaint', 1), w(2, 'enquiry', 5), w(3, 'return', 0)];
    expect(drain(waiting, turn())).toEqual([2, 1]);
    expect(drain(waiting, turn({ services: ['complaint', 'enquiry'] }))).toEqual([1, 2]);
  });

  it('takes the oldest of any of its services when the desk calls by arrival', () => {
    const waiting = [w(1, 'complaint', 1), w(2, 'enquiry', 5), w(3, 'enquiry', 0)];
    expect(drain(waiting, turn({ callOrder: 'arrival' }))).toEqual([3, 1, 2]);
  });

  it('serves priority first, but never more than priorityRun in a row while a normal one waits', () => {
    const waiting = [
      w(1, 'enquiry', 1),
      w(2, 'enquiry', 2),
      w(3, 'enquiry', 3, true),
      w(4, 'enquiry', 4, true),
      w(5, 'enquiry', 5, true),
      w(6, 'enquiry', 6, true),
      w(7, 'enquiry', 7, true),
    ];
    expect(drain(waiting, turn({ priorityRun: 2 }))).toEqual([3, 4, 1, 5, 6, 2, 7]);
    expect(drain(waiting, turn({ priorityRun: 1 }))).toEqual([3, 1, 4, 2, 5, 6, 7]);
  });

  it('keeps serving priority when no normal ticket waits, and counts a streak carried in', () => {
    const waiting = [w(1, 'enquiry', 1, true), w(2, 'enquiry', 2, true), w(3, 'enquiry', 3)];
    expect(drain(waiting, turn({ priorityStreak: 2 }))).toEqual([3, 1, 2]);
    expect(
      drain([w(1, 'enquiry', 1, true), w(2, 'enquiry', 2, true)], turn({ priorityRun: 1 })),
    ).toEqual([1, 2]);
  });

  it('gives priority no precedence when priorityRun is 0', () => {
    const waiting = [w(1, 'enquiry', 1), w(2, 'enquiry', 2, true)];
    expect(drain(waiting, turn({ priorityRun: 0 }))).toEqual([1, 2]);
  });

  it('breaks a tie of take times by ticket id, and returns nothing for an empty queue', () => {
    expect(drain([w(2, 'enquiry', 1), w(1, 'enquiry', 1)], turn())).toEqual([1, 2]);
    expect(pickNext([], turn())).toBeUndefined();
    expect(pickNext([w(1, 'return', 1)], turn())).toBeUndefined();
  });
});
