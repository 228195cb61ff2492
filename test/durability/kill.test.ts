import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, exited, spawnServer } from '../helpers/server.ts';
import { openStream } from '../helpers/sse.ts';

describe('durability', () => {
  it('loses no acknowledged write when the server is killed with SIGKILL mid-burst', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-kill-'));
    const first = await spawnServer(dataDir);
    const admin = await new Client(first.url).login('admin', ADMIN_PASSWORD);
    const acknowledged: string[] = [];
    let stop = false;
    // Eight writers register devices as fast as they can; the kill lands while they write.
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const name = `kiosk-${w}-${i}`;
        try {
          const r = await admin.post('/api/devices', { name, kind: 'player' });
          if (r.status === 201) acknowledged.push(name);
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    });
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(await gone).toBe('SIGKILL');

    const second = await spawnServer(dataDir);
    try {
      const again = await new Client(second.url).login('admin', ADMIN_PASSWORD);
      const stored = new Set(
        ((await again.get('/api/devices')).body.devices as { name: string }[]).map((d) => d.name),
      );
      const lost = acknowledged.filter((n) => !stored.has(n));
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
    }
  });

  it('shuts down cleanly on SIGTERM with event streams open', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-term-'));
    const server = await spawnServer(dataDir);
    const admin = await new Client(server.url).login('admin', ADMIN_PASSWORD);
    const { token } = (await admin.post('/api/devices', { name: 'p', kind: 'player' })).body;
    const streams = await Promise.all(
      [1, 2, 3].map(() =>
        openStream(`${server.url}/api/events`, { Authorization: `Bearer ${token}` }),
      ),
    );
    await Promise.all(streams.map((s) => s.waitFor(1)));
    const started = Date.now();
    const gone = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await gone).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000); // not the 5 s fallback
    await Promise.all(streams.map((s) => s.done));
    expect(streams.every((s) => s.ended)).toBe(true);
  });
});
