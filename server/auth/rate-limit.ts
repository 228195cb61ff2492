/** Failures counted per key in a fixed window, in memory: enough for one server's sign-in. */
export function failureLimiter(limit: number, windowMs: number) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Milliseconds to wait before this key may try again, or 0. */
    waitFor(key: string, now: number): number {
      const w = windows.get(key);
      return w && w.resetAt > now && w.count >= limit ? w.resetAt - now : 0;
    },
    fail(key: string, now: number): void {
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      const w = windows.get(key);
      if (!w || w.resetAt <= now) windows.set(key, { count: 1, resetAt: now + windowMs });
      else w.count++;
    },
    clear(key: string): void {
      windows.delete(key);
    },
  };
}
