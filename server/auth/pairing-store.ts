import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open.ts';
import { codeFrom, CODE_LENGTH, PAIRING_TTL_MS, pairingState } from './pairing-code.ts';
import { failureLimiter } from './rate-limit.ts';
import type { DeviceKind } from './roles.ts';
import type { AuthStore, Device } from './store.ts';
import { hashToken, newToken } from './tokens.ts';

/** At most this many codes wait at once: anonymous callers cannot fill the table. */
export const MAX_OPEN_REQUESTS = 100;
/** Pairing requests one address may make in `PAIRING_WINDOW_MS`; a page asks once per code. */
export const PAIRING_REQUESTS_PER_WINDOW = 20;
export const PAIRING_WINDOW_MS = 10 * 60_000;
/** Finished requests are kept a day, so a late typist is told "expired" or "used", not "wrong". */
const KEEP_MS = 86_400_000;

interface Row {
  id: string;
  code: string;
  secret_hash: string;
  kind: DeviceKind;
  created_at: string;
  expires_at: string;
  approved_at: string | null;
  device_id: number | null;
  claimed_at: string | null;
}

const times = (r: Row) => ({
  expiresAt: r.expires_at,
  approvedAt: r.approved_at,
  claimedAt: r.claimed_at,
});

export type ApproveResult =
  | { kind: 'approved'; device: Device }
  | { kind: 'wrong-code' }
  | { kind: 'expired' }
  | { kind: 'used' }
  | { kind: 'name-taken' };

export type CollectResult =
  | { kind: 'pending'; expiresAt: string }
  | { kind: 'paired'; token: string; device: Device }
  | { kind: 'expired' }
  | { kind: 'claimed' }
  | { kind: 'unknown' };

/**
 * Pairing requests in SQLite: a device page asks (`create`), an admin types its code
 * (`approve`, which registers the device), the page collects its token (`collect`). The token
 * is made at collection and handed out that once; before, no usable token exists anywhere.
 */
export function pairingStore(db: Db, auth: AuthStore) {
  const q = {
    insert: db.prepare(
      'INSERT INTO pairing_requests (id, code, secret_hash, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    byId: db.prepare<[string], Row>('SELECT * FROM pairing_requests WHERE id = ?'),
    open: db.prepare<[string, string], Row>(
      'SELECT * FROM pairing_requests WHERE code = ? AND approved_at IS NULL AND expires_at > ?',
    ),
    latest: db.prepare<[string], Row>(
      'SELECT * FROM pairing_requests WHERE code = ? ORDER BY created_at DESC LIMIT 1',
    ),
    openCount: db
      .prepare('SELECT count(*) FROM pairing_requests WHERE approved_at IS NULL AND expires_at > ?')
      .pluck(),
    approve: db.prepare(
      'UPDATE pairing_requests SET approved_at = ?, approved_by = ?, device_id = ? WHERE id = ?',
    ),
    claim: db.prepare('UPDATE pairing_requests SET claimed_at = ? WHERE id = ?'),
    prune: db.prepare('DELETE FROM pairing_requests WHERE expires_at < ?'),
  };

  return {
    /** Per address, in memory like the sign-in throttle. */
    throttle: failureLimiter(PAIRING_REQUESTS_PER_WINDOW, PAIRING_WINDOW_MS),

    /** A new code for a page; undefined when too many are open already. */
    create(
      kind: DeviceKind,
      now: Date,
    ): { id: string; code: string; secret: string; expiresAt: string } | undefined {
      return db.transaction(() => {
        const at = now.toISOString();
        q.prune.run(new Date(now.getTime() - KEEP_MS).toISOString());
        if ((q.openCount.get(at) as number) >= MAX_OPEN_REQUESTS) return undefined;
        let code = codeFrom(randomBytes(CODE_LENGTH));
        // One open request per code: with 32⁶ codes a clash is rare, but it must not pair two.
        while (q.open.get(code, at)) code = codeFrom(randomBytes(CODE_LENGTH));
        const id = randomBytes(16).toString('base64url');
        const secret = newToken();
        const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS).toISOString();
        q.insert.run(id, code, hashToken(secret), kind, at, expiresAt);
        return { id, code, secret, expiresAt };
      })();
    },

    /** An admin typed `code`: the device is registered as `name`, and its page may collect. */
    approve(
      code: string,
      name: string,
      kind: DeviceKind | undefined,
      approvedBy: number,
      now: Date,
    ): ApproveResult {
      return db.transaction((): ApproveResult => {
        const row = q.open.get(code, now.toISOString());
        if (!row) {
          const last = q.latest.get(code);
          if (!last) return { kind: 'wrong-code' };
          return pairingState(times(last), now) === 'expired' && !last.approved_at
            ? { kind: 'expired' }
            : { kind: 'used' };
        }
        if (auth.deviceNameTaken(name)) return { kind: 'name-taken' };
        // The token made here is dropped: the page collects a fresh one, so none is stored.
        const { device } = auth.createDevice(name, kind ?? row.kind, now);
        q.approve.run(now.toISOString(), approvedBy, device.id, row.id);
        return { kind: 'approved', device };
      })();
    },

    /** The page asks whether it was paired; the first ask after approval gets the token. */
    collect(id: string, secret: string, now: Date): CollectResult {
      return db.transaction((): CollectResult => {
        const row = q.byId.get(id);
        if (!row || row.secret_hash !== hashToken(secret)) return { kind: 'unknown' };
        const state = pairingState(times(row), now);
        switch (state) {
          case 'pending':
            return { kind: 'pending', expiresAt: row.expires_at };
          case 'expired':
          case 'claimed':
            return { kind: state };
          case 'approved': {
            const device = row.device_id === null ? undefined : auth.device(row.device_id);
            // Revoked before its page came for the token: nothing to hand out.
            if (!device || device.revokedAt) return { kind: 'expired' };
            q.claim.run(now.toISOString(), row.id);
            return { kind: 'paired', token: auth.issueDeviceToken(device.id), device };
          }
          default: {
            const never: never = state;
            return never;
          }
        }
      })();
    },
  };
}
export type PairingStore = ReturnType<typeof pairingStore>;
