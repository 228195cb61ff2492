import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, lastBackupAt } from '../../server/backup/backup.ts';
import { startServer, withCast } from '../helpers/server.ts';

describe('backup', () => {
  it('copies the live database consistently and keeps the newest few', async () => {
    const server = await startServer();
    try {
      await withCast(server);
      const dir = await mkdtemp(join(tmpdir(), 'deskcast-backups-'));
      for (let i = 0; i < 4; i++)
        await backupDatabase(server.ctx.db, dir, 3, new Date(Date.UTC(2026, 11, 1 + i, 19, 30)));
      expect(await readdir(dir)).toEqual([
        'deskcast-20261202-193000.sqlite',
        'deskcast-20261203-193000.sqlite',
        'deskcast-20261204-193000.sqlite',
      ]);
      expect(await lastBackupAt(dir)).toEqual(new Date('2026-12-04T19:30:00Z'));
      const copy = new Database(join(dir, 'deskcast-20261204-193000.sqlite'), { readonly: true });
      expect(copy.prepare('SELECT username FROM users ORDER BY username').pluck().all()).toEqual([
        'admin',
        'announcer1',
        'desk1',
        'manager1',
      ]);
      expect(copy.prepare('SELECT count(*) FROM schedule_revisions').pluck().get()).toBe(3);
      copy.close();
    } finally {
      await server.close();
    }
  });

  it('runs as npm run backup beside a running server', async () => {
    const server = await startServer();
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts'], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: server.dataDir },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/backed up to .*backups\/deskcast-\d{8}-\d{6}\.sqlite/);
      const missing = spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts'], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: '/nonexistent/deskcast' },
      });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('no database at');
    } finally {
      await server.close();
    }
  });
});
