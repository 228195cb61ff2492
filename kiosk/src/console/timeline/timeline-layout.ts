/**
 * The timeline's geometry, pure: which part of the day is in view, where an instant falls on
 * screen, the ticks of the time axis, which blocks are visible and which one is under the
 * pointer. No DOM here, so it is unit-tested with plain numbers.
 */

/** A span of time, epoch ms, `from` included, `to` excluded. */
export interface Span {
  from: number;
  to: number;
}

/** The closest zoom: a couple of minutes across the whole width. */
export const MIN_SPAN_MS = 2 * 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const spanOf = (s: Span) => s.to - s.from;

/** Where `t` falls, in pixels from the left edge of a `width`-wide view. */
export const xOf = (view: Span, width: number, t: number) =>
  ((t - view.from) / spanOf(view)) * width;

/** The instant at `x` pixels. */
export const timeAt = (view: Span, width: number, x: number) =>
  view.from + (x / width) * spanOf(view);

/** The view made to fit: no narrower than `minSpan`, no wider than the bounds, and inside them. */
export function clampView(view: Span, bounds: Span, minSpan = MIN_SPAN_MS): Span {
  const span = Math.min(Math.max(spanOf(view), Math.min(minSpan, spanOf(bounds))), spanOf(bounds));
  let from = view.from;
  if (from < bounds.from) from = bounds.from;
  if (from + span > bounds.to) from = bounds.to - span;
  return { from, to: from + span };
}

/** Zoomed by `factor` (below 1 zooms in) around `anchor`, which stays where it is on screen. */
export function zoomView(view: Span, factor: number, anchor: number, bounds: Span): Span {
  const span = spanOf(view);
  const next = Math.min(Math.max(span * factor, MIN_SPAN_MS), spanOf(bounds));
  const from = anchor - ((anchor - view.from) / span) * next;
  return clampView({ from, to: from + next }, bounds);
}

/** Moved later by `deltaMs` (earlier when negative), stopping at the bounds. */
export const panView = (view: Span, deltaMs: number, bounds: Span): Span =>
  clampView({ from: view.from + deltaMs, to: view.to + deltaMs }, bounds);

/** A view `spanMs` wide with `t` at `at` (0 left edge, 1 right edge) of it. */
export function viewAround(t: number, spanMs: number, bounds: Span, at = 0.5): Span {
  const from = t - spanMs * at;
  return clampView({ from, to: from + spanMs }, bounds);
}

/** The broadcast day, a little padded: what "whole day" shows. The date's bounds when empty. */
export function dayView(
  items: readonly { startMs: number; endMs: number }[],
  bounds: Span,
  padMs = 10 * MINUTE,
): Span {
  if (items.length === 0) return bounds;
  let from = Infinity;
  let to = -Infinity;
  for (const i of items) {
    from = Math.min(from, i.startMs);
    to = Math.max(to, i.endMs);
  }
  return clampView({ from: from - padMs, to: to + padMs }, bounds);
}

const STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
];

export interface Tick {
  t: number;
  x: number;
  /** `HH:MM` on the mall's clock. */
  label: string;
  /** On the hour. */
  major: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The axis ticks: the finest step that keeps labels `minGapPx` apart, on round minutes of the
 * mall's clock (`offsetMinutes` from UTC; a DST day's ticks may sit an hour off after the change).
 */
export function ticks(view: Span, width: number, offsetMinutes: number, minGapPx = 64): Tick[] {
  const msPerPx = spanOf(view) / width;
  const step = STEPS.find((s) => s / msPerPx >= minGapPx) ?? DAY;
  const offset = offsetMinutes * MINUTE;
  const out: Tick[] = [];
  for (let local = Math.ceil((view.from + offset) / step) * step; local - offset < view.to;) {
    const t = local - offset;
    const ofDay = ((local % DAY) + DAY) % DAY;
    out.push({
      t,
      x: xOf(view, width, t),
      label: `${pad(Math.floor(ofDay / HOUR))}:${pad(Math.floor(ofDay / MINUTE) % 60)}`,
      major: ofDay % HOUR === 0,
    });
    local += step;
  }
  return out;
}

/** One lane's items sorted by start, with what finding the visible ones needs. */
export interface LaneIndex {
  /** Indexes into the items given, by start. */
  order: number[];
  starts: number[];
  /** The longest item: anything starting earlier than `from - longest` has ended by `from`. */
  longest: number;
}

export function indexLane(items: readonly { startMs: number; endMs: number }[]): LaneIndex {
  const byStart = items
    .map((it, i) => ({ i, start: it.startMs }))
    .sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const i of items) longest = Math.max(longest, i.endMs - i.startMs);
  return { order: byStart.map((b) => b.i), starts: byStart.map((b) => b.start), longest };
}

/** The first position whose value is at least `v`. */
function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A visible item: its index among the items given, and where it is drawn. */
export interface Block {
  index: number;
  x: number;
  w: number;
}

/**
 * The items of a lane that show in the view, clipped to it, each at least `minW` px wide so
 * that a 20 s promo still shows on the whole day. Cost: a binary search plus what is visible.
 */
export function visibleBlocks(
  lane: LaneIndex,
  items: readonly { startMs: number; endMs: number }[],
  view: Span,
  width: number,
  minW = 1,
): Block[] {
  const out: Block[] = [];
  for (let k = lowerBound(lane.starts, view.from - lane.longest); k < lane.order.length; k++) {
    const index = lane.order[k] ?? -1;
    const item = items[index];
    if (!item) continue;
    if (item.startMs >= view.to) break;
    if (item.endMs <= view.from) continue;
    const x0 = Math.max(0, xOf(view, width, item.startMs));
    const x1 = Math.min(width, xOf(view, width, item.endMs));
    out.push({ index, x: x0, w: Math.max(minW, x1 - x0) });
  }
  return out;
}

/** The block under `x`, or failing that the nearest within `tolerancePx` (tiny blocks). */
export function hitTest(blocks: readonly Block[], x: number, tolerancePx = 4): Block | undefined {
  let best: Block | undefined;
  let bestDistance = tolerancePx;
  for (const b of blocks) {
    if (x >= b.x && x < b.x + b.w) return b;
    const d = x < b.x ? b.x - x : x - (b.x + b.w);
    if (d <= bestDistance) {
      best = b;
      bestDistance = d;
    }
  }
  return best;
}

/** A CJK character is about one em wide; Latin letters and digits a little over half. */
const charWidth = (ch: string, fontPx: number) =>
  (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontPx : fontPx * 0.6;

/** The text cut to fit `widthPx` with an ellipsis; empty when not even a character fits. */
export function fitLabel(text: string, widthPx: number, fontPx: number): string {
  const chars = [...text];
  if (chars.reduce((sum, c) => sum + charWidth(c, fontPx), 0) <= widthPx) return text;
  const room = widthPx - charWidth('…', fontPx);
  let used = 0;
  let kept = '';
  for (const c of chars) {
    used += charWidth(c, fontPx);
    if (used > room) break;
    kept += c;
  }
  return kept ? `${kept}…` : '';
}

/** `10:00–11:30`, the view as the toolbar states it. */
export function spanLabel(view: Span, offsetMinutes: number): string {
  const clock = (t: number) => {
    const ofDay = (((t + offsetMinutes * MINUTE) % DAY) + DAY) % DAY;
    return `${pad(Math.floor(ofDay / HOUR))}:${pad(Math.floor(ofDay / MINUTE) % 60)}`;
  };
  return `${clock(view.from)}–${clock(view.to)}`;
}
