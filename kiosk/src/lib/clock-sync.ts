import { estimateOffset, type ClockSample } from '../../../core/clock-offset.ts';

/** This machine's clock, from a monotonic source so a clock step here does not move it. */
export const localNow = () => performance.timeOrigin + performance.now();

/**
 * The server's clock as seen from here: several round trips to /api/time, the fastest kept,
 * done again every few minutes. Scheduling uses `now()`, never the raw local clock.
 */
export class ClockSync {
  offsetMs = 0;
  rttMs = Number.NaN;
  syncedAt = 0;
  /** Change of the offset at the last re-sync: how much the two clocks drift. */
  driftMs = 0;
  private _timer?: ReturnType<typeof setInterval>;

  constructor(private readonly _headers: () => Record<string, string>) {}

  now(): number {
    return localNow() + this.offsetMs;
  }

  /** Server instant → this machine's clock. */
  toLocal(serverMs: number): number {
    return serverMs - this.offsetMs;
  }

  async sync(samples = 6): Promise<boolean> {
    const taken: ClockSample[] = [];
    for (let i = 0; i < samples; i++) {
      try {
        const sentAt = localNow();
        const res = await fetch('/api/time', { headers: this._headers(), cache: 'no-store' });
        const receivedAt = localNow();
        if (!res.ok) continue;
        const { now } = (await res.json()) as { now: number };
        taken.push({ sentAt, receivedAt, serverTime: now });
      } catch {
        break; // unreachable: keep the last estimate
      }
    }
    const est = estimateOffset(taken);
    if (!est) return false;
    if (this.syncedAt) this.driftMs = est.offsetMs - this.offsetMs;
    if (this.syncedAt && Math.abs(this.driftMs) > 50)
      console.info(`clock drift ${this.driftMs.toFixed(0)} ms since last sync`);
    this.offsetMs = est.offsetMs;
    this.rttMs = est.rttMs;
    this.syncedAt = localNow();
    return true;
  }

  start(everyMs = 5 * 60_000): void {
    this._timer = setInterval(() => void this.sync(), everyMs);
  }

  stop(): void {
    clearInterval(this._timer);
  }
}
