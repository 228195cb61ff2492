import { afterEach, describe, expect, it } from 'vitest';
import { openStream } from '../helpers/sse.ts';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

describe('queue events', () => {
  it('publishes queue-changed for every change, and one queue-called per call or recall', async () => {
    q = await queueServer();
    const steps: [string, () => Promise<unknown>][] = [
      ['take', () => take(q.guide, 'enquiry')],
      ['open', () => openCounter(q.desk, 2)],
      ['call-next', () => q.desk.post('/api/queue/counters/2/call-next')],
      ['recall', () => q.desk.post('/api/queue/counters/2/recall')],
      ['start', () => q.desk.post('/api/queue/counters/2/start')],
      ['finish', () => q.desk.post('/api/queue/counters/2/finish', { category: '其他' })],
      ['pause', () => q.desk.post('/api/queue/counters/2/pause', { paused: true })],
      ['close', () => q.desk.post('/api/queue/counters/2/close')],
    ];
    for (const [name, step] of steps) {
      const changed = q.published('queue-changed').length;
      const called = q.published('queue-called').length;
      await step();
      expect(q.published('queue-changed').length, name).toBeGreaterThan(changed);
      const calls = name === 'call-next' || name === 'recall' ? 1 : 0;
      expect(q.published('queue-called').length - called, name).toBe(calls);
    }
    const [first, again] = q.published('queue-called');
    expect(first).toEqual({
      ticketId: 1,
      code: 'A001',
      counter: { number: 2, name: '2号窗口' },
      callCount: 1,
      calledAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      clips: [
        'chime',
        'zh/qing',
        'zh/A',
        'zh/0',
        'zh/0',
        'zh/1',
        'zh/hao-guke',
        'zh/dao',
        'zh/2',
        'zh/hao-chuangkou',
        'en/ticket',
        'en/A',
        'en/0',
        'en/0',
        'en/1',
        'en/please-go-to',
        'en/counter',
        'en/2',
      ],
      text: '请A001号顾客到2号窗口',
      textEn: 'Ticket A001, please go to counter 2',
    });
    expect(again).toMatchObject({ code: 'A001', callCount: 2 });
  });

  it('announces a call made by number the same way as call-next', async () => {
    q = await queueServer();
    await take(q.guide, 'return');
    await openCounter(q.desk, 3);
    await q.desk.post('/api/queue/counters/3/call', { code: 'C001' });
    expect(q.published('queue-called')).toEqual([
      expect.objectContaining({ code: 'C001', text: '请C001号顾客到3号窗口' }),
    ]);
  });

  it('reaches a board on the event stream, and the board’s state shows the call', async () => {
    q = await queueServer();
    const stream = await openStream(`${q.server.url}/api/events`, {
      Authorization: `Bearer ${q.guide.bearer}`,
    });
    try {
      await stream.waitFor(1);
      await take(q.guide, 'enquiry');
      await openCounter(q.desk, 1);
      await q.desk.post('/api/queue/counters/1/call-next');
      let messages = stream.messages;
      while (!messages.some((m) => m.event === 'queue-called') && !stream.ended)
        messages = await stream.waitFor(messages.length + 1, 2000);
      const called = messages.filter((m) => m.event === 'queue-called');
      expect(called).toHaveLength(1);
      expect(JSON.parse(called[0]!.data)).toMatchObject({ code: 'A001', counter: { number: 1 } });
      const state = (await q.guide.get('/api/queue/state')).body;
      expect(state.counters[0]).toMatchObject({
        number: 1,
        status: 'open',
        current: { code: 'A001', status: 'called', callCount: 1 },
      });
      expect(state.recentCalls).toEqual([
        {
          code: 'A001',
          counter: { number: 1, name: '1号窗口' },
          calledAt: '2026-12-07T10:00:00+08:00',
          callCount: 1,
        },
      ]);
    } finally {
      await stream.close();
    }
  });

  it('shows the last five calls on the board, newest first, each ticket once', async () => {
    q = await queueServer();
    for (let i = 0; i < 7; i++) await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    for (let i = 0; i < 7; i++) {
      q.tick();
      await q.desk.post('/api/queue/counters/1/call-next');
      if (i === 6) await q.desk.post('/api/queue/counters/1/recall');
      else await q.desk.post('/api/queue/counters/1/finish', { category: '其他' });
    }
    const state = (await q.guide.get('/api/queue/state')).body;
    expect(state.recentCalls.map((c: { code: string }) => c.code)).toEqual([
      'A007',
      'A006',
      'A005',
      'A004',
      'A003',
    ]);
    expect(state.recentCalls[0].callCount).toBe(2);
    expect(state.waiting).toEqual({ enquiry: 0, complaint: 0, return: 0, prize: 0, merchant: 0 });
  });
});
