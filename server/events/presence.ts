import type { Principal } from '../auth/roles.ts';
import type { Revocation } from '../auth/store.ts';

/**
 * Which devices have an event stream open now, and when each last had one: a guide screen
 * sends no heartbeat of its own, but its calling board and ticket machine keep a stream open.
 * In memory: after a restart every screen reconnects within seconds.
 */
export function streamPresence() {
  const open = new Map<number, number>();
  const closedAt = new Map<number, number>();
  return {
    /** A device's stream opened; call the answer with the time when it closes. */
    opened(deviceId: number): (now: number) => void {
      open.set(deviceId, (open.get(deviceId) ?? 0) + 1);
      let done = false;
      return (now) => {
        if (done) return;
        done = true;
        const left = (open.get(deviceId) ?? 1) - 1;
        if (left > 0) open.set(deviceId, left);
        else open.delete(deviceId);
        closedAt.set(deviceId, now);
      };
    },
    /** Streams the device has open now. */
    count: (deviceId: number) => open.get(deviceId) ?? 0,
    /** When the device last had a stream open: `now` while it has one. */
    lastOpenAt(deviceId: number, now: number): number | undefined {
      return open.has(deviceId) ? now : closedAt.get(deviceId);
    },
  };
}
export type StreamPresence = ReturnType<typeof streamPresence>;

/** Whether revoking `r` takes away what `who` signed in with. Pure. */
export function revokes(r: Revocation, who: Principal): boolean {
  switch (r.kind) {
    case 'device':
      return who.kind === 'device' && who.id === r.deviceId;
    case 'user':
      return who.kind === 'user' && who.id === r.userId;
    case 'session':
      return who.kind === 'user' && who.sessionId === r.sessionId;
    default: {
      const never: never = r;
      return never;
    }
  }
}
