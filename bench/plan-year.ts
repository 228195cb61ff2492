import { performance } from 'node:perf_hooks';
import { datesBetween } from '../core/zoned-time.ts';
import { compileDayPlan } from '../server/program/compile.ts';
import { loadSchedules } from '../server/program/load.ts';

const TARGET_MS = 200;
const RUNS = 15;

/** Compiles all 365 plans of a year from the shipped schedules, several times; reports the median. */
export async function benchPlanYear(): Promise<void> {
  const loaded = await loadSchedules('schedules', 'media');
  if (!loaded.schedules)
    throw new Error('the shipped schedules do not load; run npm run program -- check');
  const inputs = { ...loaded.schedules, catalogue: loaded.catalogue };
  const dates = datesBetween('2026-01-01', '2026-12-31');

  for (const date of dates.slice(0, 30)) compileDayPlan(inputs, date); // warm-up
  const times: number[] = [];
  let items = 0;
  let maxItems = 0;
  let bytes = 0;
  for (const date of dates) {
    const plan = compileDayPlan(inputs, date);
    items += plan.items.length;
    maxItems = Math.max(maxItems, plan.items.length);
    bytes += Buffer.byteLength(JSON.stringify(plan));
  }
  // As the server does: one plan at a time, each dropped once used.
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (const date of dates) compileDayPlan(inputs, date);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const best = times[0] as number;
  console.log('plan compile: all 365 days of 2026, shipped program');
  console.log(
    `  median ${median.toFixed(1)} ms, best ${best.toFixed(1)} ms, worst ${(times.at(-1) as number).toFixed(1)} ms over ${RUNS} runs`,
  );
  console.log(
    `  target ${TARGET_MS} ms: median is ${(median / TARGET_MS).toFixed(2)}× the target (${median <= TARGET_MS ? 'met' : 'NOT met'})`,
  );
  console.log(`  per day ${((median / dates.length) * 1000).toFixed(0)} µs`);
  console.log(
    `  plan size: ${(items / dates.length).toFixed(0)} items/day on average, ${maxItems} at most; JSON ${(bytes / dates.length / 1024).toFixed(1)} KiB/day, ${(bytes / 1024 / 1024).toFixed(2)} MiB/year`,
  );
}
