import type { Db } from '../db/open.ts';
import type { DeviceKind, Principal, Role } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** The password was set by someone else: nothing but changing it is allowed until then. */
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Device {
  id: number;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  must_change_password: number;
  created_at: string;
  password_hash: string;
}

interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
});

const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  revokedAt: r.revoked_at,
});

/** What was revoked: open event streams of it must end (server/events/routes.ts). */
export type Revocation =
  | { kind: 'session'; sessionId: string }
  | { kind: 'user'; userId: number }
  | { kind: 'device'; deviceId: number };

/** Session lifetime; each use within it extends it (a desk PC stays signed in through a shift). */
export const SESSION_TTL_MS = 12 * 3600_000;
/** Don't write last-seen on every request: once a minute is enough to see who is active. */
const TOUCH_EVERY_MS = 60_000;

/** Users, sessions and devices in SQLite; statements prepared once. */
export function authStore(db: Db) {
  const q = {
    countUsers: db.prepare('SELECT count(*) FROM users').pluck(),
    insertUser: db.prepare(
      'INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    userByName: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    userById: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
    listUsers: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
    insertSession: db.prepare(
      'INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    sessionById: db.prepare<
      [string],
      {
        id: string;
        user_id: number;
        csrf_token: string;
        expires_at: string;
        last_seen_at: string;
        revoked_at: string | null;
      }
    >(
      'SELECT id, user_id, csrf_token, expires_at, last_seen_at, revoked_at FROM sessions WHERE id = ?',
    ),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?'),
    revokeSession: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    revokeUserSessions: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
    ),
    insertDevice: db.prepare(
      'INSERT INTO devices (name, kind, token_hash, created_at) VALUES (?, ?, ?, ?)',
    ),
    deviceByHash: db.prepare<[string], DeviceRow>(
      'SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    deviceById: db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
    listDevices: db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY name'),
    deviceByName: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE name = ?'),
    renameDevice: db.prepare('UPDATE devices SET name = ? WHERE id = ?'),
    setDeviceToken: db.prepare('UPDATE devices SET token_hash = ? WHERE id = ?'),
    touchDevice: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    revokeDevice: db.prepare(
      'UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
  };

  const revoked = new Set<(r: Revocation) => void>();
  const notify = (r: Revocation) => {
    for (const l of revoked) l(r);
  };

  /**
   * A name held by a revoked device is given to the new one: the old row is renamed
   * `PA-1 · 已撤销 #3`, which also keeps its plays apart from the new PA-1's in proof of play.
   */
  function freeDeviceName(name: string): void {
    const holder = q.deviceByName.get(name);
    if (holder?.revoked_at) q.renameDevice.run(`${name} · 已撤销 #${holder.id}`, holder.id);
  }

  return {
    /** Calls `listener` on every revocation of a session, a user's sessions or a device. */
    onRevoke(listener: (r: Revocation) => void): () => void {
      revoked.add(listener);
      return () => revoked.delete(listener);
    },
    countUsers: () => q.countUsers.get() as number,
    createUser(
      u: {
        username: string;
        displayName?: string;
        role: Role;
        passwordHash: string;
        mustChangePassword?: boolean;
      },
      now: Date,
    ): User {
      const info = q.insertUser.run(
        u.username,
        u.displayName ?? '',
        u.role,
        u.passwordHash,
        Number(u.mustChangePassword ?? false),
        now.toISOString(),
      );
      return toUser(q.userById.get(Number(info.lastInsertRowid)) as UserRow);
    },
    /** The user and their password hash, for signing in. */
    credentials(username: string): { user: User; passwordHash: string } | undefined {
      const row = q.userByName.get(username);
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    user(id: number): User | undefined {
      const row = q.userById.get(id);
      return row && toUser(row);
    },
    users: () => q.listUsers.all().map(toUser),
    updateUser(
      id: number,
      changes: {
        displayName?: string;
        role?: Role;
        passwordHash?: string;
        disabled?: boolean;
        mustChangePassword?: boolean;
      },
    ): User | undefined {
      const flag = (b: boolean | undefined) => (b === undefined ? undefined : Number(b));
      const columns: [string, string | number | undefined][] = [
        ['display_name', changes.displayName],
        ['role', changes.role],
        ['password_hash', changes.passwordHash],
        ['disabled', flag(changes.disabled)],
        ['must_change_password', flag(changes.mustChangePassword)],
      ];
      const set = columns.filter(([, v]) => v !== undefined);
      if (set.length)
        db.prepare(`UPDATE users SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
          ...set.map(([, v]) => v),
          id,
        );
      return this.user(id);
    },

    createSession(
      userId: number,
      now: Date,
    ): { token: string; csrfToken: string; expiresAt: string } {
      const token = newToken();
      const csrfToken = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      q.insertSession.run(
        hashToken(token),
        userId,
        csrfToken,
        now.toISOString(),
        now.toISOString(),
        expiresAt,
      );
      return { token, csrfToken, expiresAt };
    },
    /** The signed-in user behind a cookie token, if the session is live and the user enabled. */
    sessionPrincipal(token: string, now: Date): Principal | undefined {
      const s = q.sessionById.get(hashToken(token));
      if (!s || s.revoked_at || s.expires_at <= now.toISOString()) return undefined;
      const user = q.userById.get(s.user_id);
      if (!user || user.disabled) return undefined;
      if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS)
        q.touchSession.run(
          now.toISOString(),
          new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
          s.id,
        );
      return {
        kind: 'user',
        id: user.id,
        username: user.username,
        role: user.role,
        sessionId: s.id,
        csrfToken: s.csrf_token,
        mustChangePassword: user.must_change_password === 1,
      };
    },
    revokeSession(sessionId: string, now: Date): boolean {
      const changed = q.revokeSession.run(now.toISOString(), sessionId).changes > 0;
      notify({ kind: 'session', sessionId });
      return changed;
    },
    /** Ends every session of a user; how many were live. */
    revokeUserSessions(userId: number, now: Date): number {
      const changes = q.revokeUserSessions.run(now.toISOString(), userId).changes;
      notify({ kind: 'user', userId });
      return changes;
    },

    /**
     * Registers a device; its token is returned this once and only its hash is kept. The name
     * must not be a live device's (`deviceNameTaken`): the table's unique name refuses it.
     */
    createDevice(name: string, kind: DeviceKind, now: Date): { device: Device; token: string } {
      return db.transaction(() => {
        freeDeviceName(name);
        const token = newToken();
        const info = q.insertDevice.run(name, kind, hashToken(token), now.toISOString());
        return {
          device: toDevice(q.deviceById.get(Number(info.lastInsertRowid)) as DeviceRow),
          token,
        };
      })();
    },
    /** Whether a device that is not revoked (other than `exceptId`) has this name. */
    deviceNameTaken(name: string, exceptId?: number): boolean {
      const holder = q.deviceByName.get(name);
      return !!holder && !holder.revoked_at && holder.id !== exceptId;
    },
    /** A new token for a device, replacing the old one (a paired page collects it once). */
    issueDeviceToken(id: number): string {
      const token = newToken();
      q.setDeviceToken.run(hashToken(token), id);
      return token;
    },
    /** Renames a device; the name must not be another live device's (`deviceNameTaken`). */
    renameDevice(id: number, name: string): Device | undefined {
      db.transaction(() => {
        if (q.deviceById.get(id)?.name === name) return;
        freeDeviceName(name);
        q.renameDevice.run(name, id);
      })();
      return this.device(id);
    },
    devicePrincipal(token: string, now: Date): Principal | undefined {
      const d = q.deviceByHash.get(hashToken(token));
      if (!d) return undefined;
      if (!d.last_seen_at || now.getTime() - Date.parse(d.last_seen_at) > TOUCH_EVERY_MS)
        q.touchDevice.run(now.toISOString(), d.id);
      return { kind: 'device', id: d.id, name: d.name, deviceKind: d.kind };
    },
    device(id: number): Device | undefined {
      const row = q.deviceById.get(id);
      return row && toDevice(row);
    },
    devices: () => q.listDevices.all().map(toDevice),
    revokeDevice(id: number, now: Date): boolean {
      const changed = q.revokeDevice.run(now.toISOString(), id).changes > 0;
      notify({ kind: 'device', deviceId: id });
      return changed;
    },
  };
}
export type AuthStore = ReturnType<typeof authStore>;
