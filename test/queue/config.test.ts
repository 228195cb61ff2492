import { afterEach, describe, expect, it } from 'vitest';
import { queueServer, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(() => q?.close());

const service = async (id: string) =>
  (
    (await q.desk.get('/api/queue/services')).body.services as {
      id: string;
      name: string;
      hours: { until: string };
      prefix: string;
    }[]
  ).find((s) => s.id === id);

describe('queue configuration', () => {
  it('shows queue.yaml as imported and applies an admin’s edit at once, keeping today’s tickets', async () => {
    q = await queueServer();
    const { yaml } = (await q.desk.get('/api/queue/config')).body;
    expect(yaml).toContain('id: enquiry');
    const taken = (await q.guide.post('/api/queue/tickets', { service: 'enquiry' })).body.ticket;
    const edited = (yaml as string)
      .replace('    name: 咨询\n', '    name: 咨询服务\n')
      .replace(
        /counters:\n/,
        'counters:\n  - number: 7\n    name: 7号窗口\n    services: [enquiry]\n',
      );
    const r = await q.admin.put('/api/queue/config', { yaml: edited });
    expect(r.status).toBe(200);
    expect((await service('enquiry'))?.name).toBe('咨询服务');
    expect(
      ((await q.desk.get('/api/queue/state')).body.counters as { number: number }[]).some(
        (c) => c.number === 7,
      ),
    ).toBe(true);
    expect(q.published('queue-changed').map((e) => e.reason)).toContain('queue.yaml edited');
    // Numbering goes on: the next enquiry follows the one taken before the edit.
    const next = (await q.guide.post('/api/queue/tickets', { service: 'enquiry' })).body.ticket;
    expect(next.number).toBe(taken.number + 1);
    expect((await q.desk.get('/api/queue/config')).body.yaml).toBe(edited);
  });

  it('refuses a broken file with every problem at its line, and changes nothing', async () => {
    q = await queueServer();
    const { yaml } = (await q.desk.get('/api/queue/config')).body;
    const broken = (yaml as string).replace('    prefix: B\n', '    prefix: BB\n');
    const r = await q.admin.put('/api/queue/config', { yaml: broken });
    expect(r.status).toBe(422);
    const line = broken.split('\n').findIndex((l) => l.includes('prefix: BB')) + 1;
    expect(r.body.issues[0]).toMatchObject({ file: 'queue.yaml', line });
    expect((await service('complaint'))?.prefix).toBe('B');
  });

  it('refuses to remove a service with customers still waiting, and lets only admins edit', async () => {
    q = await queueServer();
    const { yaml } = (await q.desk.get('/api/queue/config')).body;
    await q.guide.post('/api/queue/tickets', { service: 'prize' });
    const withoutPrize = (yaml as string)
      .replace(/ {2}- id: prize\n( {4}.*\n)+?(?= {2}- id:)/, '')
      .replaceAll(', prize', '')
      .replaceAll('prize, ', '');
    const r = await q.admin.put('/api/queue/config', { yaml: withoutPrize });
    expect(r.status, r.text).toBe(409);
    expect(r.body.error).toBe('service-in-use');
    expect(await service('prize')).toBeDefined();
    expect((await q.desk.put('/api/queue/config', { yaml })).status).toBe(403);
  });
});
