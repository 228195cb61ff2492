/** A wall-clock step bigger than this (NTP correction, someone setting the date) is acted on. */
export const STEP_THRESHOLD_MS = 2000;

/**
 * How far the wall clock jumped between two readings, beyond what the monotonic clock says
 * passed; 0 when within the threshold. Pure, so it is tested with plain numbers.
 */
export function clockStep(
  prev: { wall: number; mono: number },
  next: { wall: number; mono: number },
  threshold = STEP_THRESHOLD_MS,
): number {
  const drift = next.wall - prev.wall - (next.mono - prev.mono);
  return Math.abs(drift) > threshold ? drift : 0;
}

/** Calls `onStep` when the wall clock jumps; returns a stop function. */
export function watchClock(
  onStep: (stepMs: number) => void,
  everyMs = 5000,
  read = () => ({ wall: Date.now(), mono: performance.now() }),
): () => void {
  let prev = read();
  const timer = setInterval(() => {
    const next = read();
    const step = clockStep(prev, next);
    prev = next;
    if (step !== 0) onStep(step);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
