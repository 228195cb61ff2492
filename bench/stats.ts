/** Latency figures of one run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; an empty sample gives NaN, which prints as such. */
export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: rank(0.5) ?? NaN,
    p99: rank(0.99) ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

/** `p50 1.23 ms  p99 4.56 ms  max 7.89 ms` */
export function formatLatency(s: LatencySummary): string {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  return `p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const wallNow = () => performance.timeOrigin + performance.now();
