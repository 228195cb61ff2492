import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

const allServices = ['enquiry', 'complaint', 'return', 'prize', 'merchant'];

describe('at the same instant', () => {
  it('gives fifty tickets taken at once fifty different numbers', async () => {
    q = await queueServer();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? q.guide : q.desk).post('/api/queue/tickets', { service: 'enquiry' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.body.ticket.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('never gives two of ten counters pressing call-next together the same ticket', async () => {
    q = await queueServer();
    // Six counters are configured; four more for this test, as a bigger desk would have.
    const insert = q.server.ctx.db.prepare(
      'INSERT INTO queue_counters (number, name, default_services) VALUES (?, ?, ?)',
    );
    for (const n of [7, 8, 9, 10]) insert.run(n, `${n}号窗口`, JSON.stringify(allServices));
    const counters = Array.from({ length: 10 }, (_, i) => i + 1);
    for (const n of counters) await openCounter(q.desk, n, allServices);
    for (let i = 0; i < 7; i++) await take(q.guide, allServices[i % 5]!);

    const press = () =>
      Promise.all(counters.map((n) => q.desk.post(`/api/queue/counters/${n}/call-next`)));
    const first = await press();
    const called = first.filter((r) => r.status === 200).map((r) => r.body.ticket.code as string);
    expect(called).toHaveLength(7);
    expect(new Set(called).size).toBe(7);
    expect(first.filter((r) => r.status !== 200).map((r) => r.body.error)).toEqual(
      Array(3).fill('queue-empty'),
    );
    // Each ticket is at exactly the counter that was told it got it.
    const state = (await q.guide.get('/api/queue/state')).body;
    for (const r of first.filter((x) => x.status === 200)) {
      const at = state.counters.find(
        (c: { number: number }) => c.number === r.body.ticket.counter.number,
      );
      expect(at.current.code).toBe(r.body.ticket.code);
    }
    // Pressed again at once: those with a ticket are busy, the others find the queue empty.
    const second = await press();
    expect(second.map((r) => r.body.error).sort()).toEqual(
      [...Array(7).fill('counter-busy'), ...Array(3).fill('queue-empty')].sort(),
    );
    expect(q.published('queue-called')).toHaveLength(7);
  });

  it('lets only one of two counters calling the same number have it', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await openCounter(q.desk, 2);
    const [a, b] = await Promise.all(
      [1, 2].map((n) => q.desk.post(`/api/queue/counters/${n}/call`, { code: 'A001' })),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect([a!.body.error, b!.body.error]).toContain('ticket-taken');
  });
});
