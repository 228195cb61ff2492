/** Wrong passwords a user may type from one address before the delays start. */
export const FREE_FAILURES = 5;
/** The wait after the last free failure; each further failure doubles it, up to `MAX_DELAY_MS`. */
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A key with no failure for this long starts afresh. */
const FORGET_MS = 24 * 3600_000;
/** Past this many keys, those no longer holding anyone back are dropped. */
const MAX_KEYS = 10_000;

interface Entry {
  failures: number;
  /** Attempts being checked now (the password hash is asynchronous): failures until they pass. */
  inFlight: number;
  lastFailureAt: number;
}

/** How long a key waits after `failures` failures in a row. Pure. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Whether an address is this machine's own (the server's console or an SSH session on it). */
export function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(address);
}

export type Attempt = { wait: number } | { done(ok: boolean, now: number): void };

/**
 * Sign-in throttling per user name and address together: someone guessing one person's
 * password from one PC waits longer and longer, while that person signs in from their own desk
 * and other people from the guessing PC. The attempt is reserved before the password is
 * checked, so parallel guesses count as they arrive. In memory: enough for one server.
 */
export function signInThrottle() {
  const entries = new Map<string, Entry>();
  const keyOf = (username: string, address: string) => `${username.toLowerCase()}\n${address}`;

  function prune(now: number): void {
    for (const [k, e] of entries)
      if (e.inFlight === 0 && e.lastFailureAt + delayAfter(e.failures) <= now) entries.delete(k);
  }

  return {
    keyOf,
    /** Reserves an attempt: the milliseconds to wait instead, or `done` to report how it went. */
    attempt(username: string, address: string, now: number): Attempt {
      const key = keyOf(username, address);
      let e = entries.get(key);
      if (e && e.inFlight === 0 && now - e.lastFailureAt > FORGET_MS) {
        entries.delete(key);
        e = undefined;
      }
      if (e) {
        const pending = e.failures + e.inFlight;
        if (pending >= FREE_FAILURES) {
          // One attempt at a time once the delays have started; the others wait as if it failed.
          const wait =
            e.inFlight > 0 ? delayAfter(pending) : e.lastFailureAt + delayAfter(e.failures) - now;
          if (wait > 0) return { wait };
        }
      } else {
        if (entries.size >= MAX_KEYS) prune(now);
        e = { failures: 0, inFlight: 0, lastFailureAt: 0 };
        entries.set(key, e);
      }
      e.inFlight++;
      const entry = e;
      let settled = false;
      return {
        done(ok: boolean, at: number) {
          if (settled) return;
          settled = true;
          entry.inFlight--;
          if (ok) entry.failures = 0;
          else {
            entry.failures++;
            entry.lastFailureAt = at;
          }
          if (entry.failures === 0 && entry.inFlight === 0 && entries.get(key) === entry)
            entries.delete(key);
        },
      };
    },
    /** Forgets the failures of one user (from every address), or of everyone. How many keys. */
    reset(username?: string): number {
      if (username === undefined) {
        const n = entries.size;
        entries.clear();
        return n;
      }
      const prefix = `${username.toLowerCase()}\n`;
      let n = 0;
      for (const k of [...entries.keys()]) if (k.startsWith(prefix) && entries.delete(k)) n++;
      return n;
    },
  };
}
export type SignInThrottle = ReturnType<typeof signInThrottle>;
