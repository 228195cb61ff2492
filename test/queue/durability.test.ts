import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, exited, spawnServer } from '../helpers/server.ts';
import { edit, scratchSchedules } from '../helpers/schedules-copy.ts';

describe('queue durability', () => {
  it('loses no issued ticket and reuses no number when killed with SIGKILL mid-burst', async () => {
    // The child runs on the real clock: enquiries are open all day, whatever the hour.
    const schedules = await scratchSchedules();
    await edit(
      schedules,
      'queue.yaml',
      'hours: { from: opening, until: closing-10m }',
      "hours: { from: '00:00', until: '24:00' }",
    );
    const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-queue-kill-'));
    const env = { SCHEDULES_DIR: schedules };
    const first = await spawnServer(dataDir, env);
    const admin = await new Client(first.url).login('admin', ADMIN_PASSWORD);
    const issued: { id: number; code: string }[] = [];
    let stop = false;
    const writers = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          const r = await admin.post('/api/queue/tickets', { service: 'enquiry' });
          if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
          issued.push({ id: r.body.ticket.id, code: r.body.ticket.code });
        } catch (err) {
          if (stop || /fetch failed|ECONNRE|socket/i.test(String(err))) return;
          throw err;
        }
      }
    });
    while (issued.length < 150) await new Promise((r) => setTimeout(r, 5));
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(await gone).toBe('SIGKILL');

    const second = await spawnServer(dataDir, env);
    try {
      const again = await new Client(second.url).login('admin', ADMIN_PASSWORD);
      const csv = (await again.get('/api/queue/export.csv')).text.split('\r\n').slice(1, -1);
      const stored = new Map(csv.map((line) => line.split(',')).map((f) => [f[1], f]));
      // Every acknowledged ticket is there, under the code it was given, once.
      expect(issued.filter((t) => !stored.has(t.code))).toEqual([]);
      expect(stored.size).toBe(csv.length);
      for (const t of issued.slice(0, 5))
        expect((await again.get(`/api/queue/tickets/${t.id}`)).body.ticket.code).toBe(t.code);
      // The next number follows the last one stored, acknowledged or not.
      const next = await again.post('/api/queue/tickets', { service: 'enquiry' });
      expect(next.status).toBe(201);
      expect(next.body.ticket.number).toBe(csv.length + 1);
      expect(issued.map((t) => t.code)).not.toContain(next.body.ticket.code);
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 60_000);
});
