import { parseDuration } from '../common/duration.ts';

/** The day's own anchors a program time may be relative to. */
export const ANCHORS = ['onAir', 'opening', 'closing'] as const;
export type Anchor = (typeof ANCHORS)[number];

/**
 * A time of day as the program file writes it: `09:42`, `closing`, `closing-5m`, `opening+1h`.
 * Relative times are how "farewell is the last five minutes before closing" survives a later
 * weekend closing without copying the program (the seed's 顺延 rule).
 */
export type ClockExpr =
  { kind: 'clock'; msOfDay: number } | { kind: 'anchor'; anchor: Anchor; offsetMs: number };

const CLOCK_RE = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const ANCHOR_RE = /^(onAir|opening|closing)\s*(?:([+-])\s*(\S+))?$/;

export function parseClockExpr(text: string): ClockExpr | undefined {
  const t = text.trim();
  const clock = CLOCK_RE.exec(t);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    return { kind: 'clock', msOfDay: ((h * 60 + m) * 60 + s) * 1000 };
  }
  const rel = ANCHOR_RE.exec(t);
  if (!rel) return undefined;
  const anchor = rel[1] as Anchor;
  if (rel[2] === undefined) return { kind: 'anchor', anchor, offsetMs: 0 };
  const offset = parseDuration(rel[3] ?? '');
  if (offset === undefined) return undefined;
  return { kind: 'anchor', anchor, offsetMs: rel[2] === '-' ? -offset : offset };
}

/** Plain `HH:MM[:SS]` only (for the anchors themselves). */
export function parsePlainClock(text: string): number | undefined {
  const e = parseClockExpr(text);
  return e?.kind === 'clock' ? e.msOfDay : undefined;
}

export type DayAnchors = Record<Anchor, number>;

/** Milliseconds since local midnight. */
export function resolveClock(expr: ClockExpr, anchors: DayAnchors): number {
  switch (expr.kind) {
    case 'clock':
      return expr.msOfDay;
    case 'anchor':
      return anchors[expr.anchor] + expr.offsetMs;
    default: {
      const never: never = expr;
      return never;
    }
  }
}
