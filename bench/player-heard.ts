import type { SeenStart } from './player-errors.ts';
import type { Onset, Pairing } from './player-onsets.ts';

/** The player schedules each start this far ahead (SCHEDULE_AHEAD_MS in kiosk/src/player/player.ts). */
export const SCHEDULE_LEAD_MS = 3000;

const usable = (pairings: readonly Pairing[]) =>
  pairings.filter((p) => Number.isFinite(p.ctxTime) && p.ctxTime > 0 && Number.isFinite(p.epochMs));

/** Wall-clock time of audio-clock zero by a pairing: constant while the two clocks agree. */
const originOf = (p: Pairing) => p.epochMs - p.ctxTime * 1000;

/** An onset further than this from every planned start is not taken as that start. */
const MATCH_MS = 150;

/**
 * Server time of an audio-clock instant, from the pairings taken around it (interpolated),
 * not from one taken seconds before as the player must when it schedules.
 */
export function serverTimeOf(audioTime: number, pairings: readonly Pairing[]): number {
  let i = pairings.findIndex((p) => p.ctxTime >= audioTime);
  if (i <= 0) i = i === 0 ? 1 : pairings.length - 1;
  const a = pairings[i - 1];
  const b = pairings[i];
  if (!a || !b) return Number.NaN;
  const rate = b.ctxTime > a.ctxTime ? (b.epochMs - a.epochMs) / (b.ctxTime - a.ctxTime) : 1000;
  return a.epochMs + (audioTime - a.ctxTime) * rate + a.offsetMs;
}

/** Each planned start matched to the sound heard on its bus nearest to it, if any. */
export function heardStarts(
  plan: readonly { id: string; startMs: number; layer: string }[],
  onsets: readonly Onset[],
  pairings: readonly Pairing[],
): SeenStart[] {
  const ps = usable(pairings).sort((x, y) => x.ctxTime - y.ctxTime);
  const heard = onsets.map((o) => ({ layer: o.layer, ms: serverTimeOf(o.audioTime, ps) }));
  const seen: SeenStart[] = [];
  for (const item of plan) {
    let best: number | undefined;
    for (const h of heard)
      if (h.layer === item.layer && Math.abs(h.ms - item.startMs) <= MATCH_MS)
        if (best === undefined || Math.abs(h.ms - item.startMs) < Math.abs(best - item.startMs))
          best = h.ms;
    if (best !== undefined) seen.push({ itemId: item.id, plannedMs: item.startMs, actualMs: best });
  }
  return seen;
}

/**
 * The page's starts moved by how far the audio clock slipped against the page's clock between
 * scheduling (a lead before) and sounding. Web Audio starts a source on its exact frame (the
 * `--listen` tap shows it), so a start scheduled on time is late by exactly that slip.
 */
export function slippedStarts(
  seen: readonly SeenStart[],
  pairings: readonly Pairing[],
  leadMs = SCHEDULE_LEAD_MS,
): SeenStart[] {
  const ps = usable(pairings).sort((x, y) => x.epochMs - y.epochMs);
  // The median of the three pairings around an instant: one reading off by a few ms is noise.
  const originAt = (wallMs: number) => {
    let i = ps.findIndex((p) => p.epochMs >= wallMs);
    if (i < 0) i = ps.length - 1;
    const around = ps.slice(Math.max(0, i - 1), i + 2).map(originOf);
    return around.sort((x, y) => x - y)[Math.floor(around.length / 2)] ?? Number.NaN;
  };
  return seen.map((s) => ({
    ...s,
    actualMs: s.actualMs + originAt(s.actualMs) - originAt(s.actualMs - leadMs),
  }));
}

/**
 * How the audio clock kept time against the page's wall clock: the net slip over the run, the
 * largest jump between two pairings a quarter second apart (a render stall shows as one), and
 * how many jumps passed 1 ms.
 */
export function audioClockSlip(pairings: readonly Pairing[]): {
  netMs: number;
  largestJumpMs: number;
  jumps: number;
  ppm: number;
} {
  const ps = usable(pairings).sort((x, y) => x.ctxTime - y.ctxTime);
  const first = ps[0];
  const last = ps.at(-1);
  if (!first || !last || last === first)
    return { netMs: Number.NaN, largestJumpMs: Number.NaN, jumps: 0, ppm: Number.NaN };
  let largestJumpMs = 0;
  let jumps = 0;
  for (let i = 1; i < ps.length; i++) {
    const jump = originOf(ps[i] ?? last) - originOf(ps[i - 1] ?? first);
    if (Math.abs(jump) > 1) jumps++;
    if (Math.abs(jump) > Math.abs(largestJumpMs)) largestJumpMs = jump;
  }
  const netMs = originOf(last) - originOf(first);
  return {
    netMs,
    largestJumpMs,
    jumps,
    ppm: (netMs / ((last.ctxTime - first.ctxTime) * 1000)) * 1e6,
  };
}
