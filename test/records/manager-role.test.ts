import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.ts';
import { SESSION_COOKIE } from '../../server/auth/middleware.ts';
import { authStore } from '../../server/auth/store.ts';
import { migrate } from '../../server/db/open.ts';
import {
  ADMIN_PASSWORD,
  Client,
  startServer,
  withCast,
  type TestServer,
} from '../helpers/server.ts';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '../../server/db/migrations');

/** A database as a server before the manager role left it: migrations up to 018 only. */
async function databaseBeforeManagers() {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskcast-roles-'));
  const oldDir = join(dataDir, 'old-migrations');
  mkdirSync(oldDir);
  for (const f of readdirSync(MIGRATIONS).filter((f) => f < '019'))
    copyFileSync(join(MIGRATIONS, f), join(oldDir, f));
  const db = new Database(join(dataDir, 'deskcast.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, oldDir);
  const auth = authStore(db);
  const at = new Date();
  const hash = await hashPassword(ADMIN_PASSWORD);
  auth.createUser({ username: 'admin', role: 'admin', passwordHash: hash }, at);
  const desk = auth.createUser(
    { username: 'wang', displayName: '王芳', role: 'desk', passwordHash: hash },
    at,
  );
  const session = auth.createSession(desk.id, at);
  db.prepare(
    `INSERT INTO pairing_requests (id, code, secret_hash, kind, created_at, expires_at, approved_at, approved_by)
     VALUES ('p1', 'ABCDEF', 'x', 'player', ?, ?, ?, ?)`,
  ).run(at.toISOString(), at.toISOString(), at.toISOString(), desk.id);
  db.close();
  return { dataDir, desk, session };
}

describe('the manager role', () => {
  it('is added without losing a user, a session or a pairing approval', async () => {
    const { dataDir, desk, session } = await databaseBeforeManagers();
    const server = await startServer({}, dataDir);
    try {
      // Still signed in: the rebuilt users table kept the session pointing at its user.
      const wang = new Client(server.url);
      wang.cookie = `${SESSION_COOKIE}=${session.token}`;
      wang.csrf = session.csrfToken;
      const me = await wang.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ username: 'wang', displayName: '王芳', role: 'desk' });

      const admin = await new Client(server.url).login('admin', ADMIN_PASSWORD);
      const promoted = await admin.patch(`/api/users/${desk.id}`, { role: 'manager' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.user.role).toBe('manager');

      const db = server.ctx.db;
      expect(db.prepare('SELECT approved_by FROM pairing_requests').pluck().get()).toBe(desk.id);
      // The rules kept: a role outside the list, and a session of nobody, are refused.
      expect(() => db.prepare("UPDATE users SET role = 'boss' WHERE id = ?").run(desk.id)).toThrow(
        /CHECK/,
      );
      expect(() =>
        db
          .prepare(
            "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ('s', 999, 'c', '', '', '')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('a department manager', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof withCast>>;
  beforeAll(async () => {
    server = await startServer();
    cast = await withCast(server);
  });
  afterAll(() => server?.close());

  it('does the desk’s work and alone sees the escalated complaints, with why', async () => {
    const made = await cast.manager.post('/api/complaints', {
      source: 'phone',
      customerName: '李先生',
      customerPhone: '139 1234 5678',
      category: '送货安装',
      what: '送货延误三次。',
    });
    expect(made.status).toBe(201);
    const id = made.body.complaint.id as number;
    await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'escalate',
      note: '顾客要求经理处理',
    });
    expect((await cast.manager.get('/api/queue/waiting')).status).toBe(200);

    const view = await cast.manager.get('/api/complaints/escalated');
    expect(view.status).toBe(200);
    expect(view.body.complaints.map((c: { id: number }) => c.id)).toEqual([id]);
    expect(view.body.complaints[0].customerPhone).toBe('139****5678');
    expect(view.body.complaints[0].escalations[0]).toMatchObject({
      by: 'desk1',
      data: { note: '顾客要求经理处理' },
    });
    const desk = await cast.desk.get('/api/complaints/escalated');
    expect(desk.status).toBe(403);
  });
});
