/**
 * Server-clock estimation for players, NTP style: each sample is a round trip to /api/time;
 * the one with the shortest round trip bounds the error best. Pure, shared by kiosk and tests.
 */
export interface ClockSample {
  /** Local clock when the request left, and when the answer came back. */
  sentAt: number;
  receivedAt: number;
  /** The server's clock in its answer. */
  serverTime: number;
}

export interface ClockEstimate {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample used: the offset is right within half of it. */
  rttMs: number;
}

export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | undefined {
  let best: ClockSample | undefined;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return undefined;
  const rttMs = best.receivedAt - best.sentAt;
  return { offsetMs: best.serverTime - (best.sentAt + rttMs / 2), rttMs };
}
