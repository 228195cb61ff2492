/** Busy stretches of the voice layer, kept sorted, so speech never overlaps speech. */
export interface Busy {
  start: number;
  end: number;
}

export function voiceTimeline(gapMs: number) {
  // Sorted by start; stretches never overlap, so their ends are sorted too.
  const busy: Busy[] = [];
  /** Index of the first stretch ending after `t` (binary search: promo loops add hundreds). */
  const firstEndingAfter = (t: number) => {
    let lo = 0;
    let hi = busy.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((busy[mid] as Busy).end <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    busy: busy as readonly Busy[],
    /**
     * The earliest start at or after `from` where `durationMs` fits with a breath either side,
     * or undefined when that would be after `latestStart` or run past `endBy`.
     */
    firstFree(
      from: number,
      durationMs: number,
      latestStart: number,
      endBy = Infinity,
    ): number | undefined {
      let s = from;
      for (let i = firstEndingAfter(s - gapMs); i < busy.length; i++) {
        const b = busy[i] as Busy;
        if (b.end + gapMs <= s) continue;
        if (b.start - gapMs >= s + durationMs) break;
        s = b.end + gapMs;
      }
      return s <= latestStart && s + durationMs <= endBy ? s : undefined;
    },
    /** Start of the first stretch at or after `t`, or Infinity. */
    nextStart(t: number): number {
      for (let i = firstEndingAfter(t); i < busy.length; i++) {
        const b = busy[i] as Busy;
        if (b.start >= t) return b.start;
      }
      return Infinity;
    },
    /** The first stretch starting at or after `t`. */
    nextAfter(t: number): Busy | undefined {
      for (let i = firstEndingAfter(t); i < busy.length; i++)
        if ((busy[i] as Busy).start >= t) return busy[i];
      return undefined;
    },
    occupy(start: number, end: number): void {
      const i = firstEndingAfter(start);
      busy.splice(i, 0, { start, end });
    },
  };
}
export type VoiceTimeline = ReturnType<typeof voiceTimeline>;
