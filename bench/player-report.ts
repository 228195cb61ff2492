import { formatStartErrors, startErrors, type SeenStart } from './player-errors.ts';
import { audioClockSlip, heardStarts, slippedStarts } from './player-heard.ts';
import type { Onset, Pairing } from './player-onsets.ts';
import type { HeapSample } from './player-page.ts';

export interface PlannedItem {
  id: string;
  layer: string;
  startMs: number;
  endMs: number;
}

/** Everything one run of the player bench collected. */
export interface PlayerRun {
  mixed: PlannedItem[];
  quick: PlannedItem[];
  quickToneS: number;
  mixedSeconds: number;
  pageStarts: SeenStart[];
  /** Ids of plays joined mid-item, left out of the start-time figures. */
  joined: Set<string>;
  log: { starts: SeenStart[]; total: number; duplicates: number; pending: number };
  pairings: Pairing[];
  /** Only when the run listened to the buses (`--listen`). */
  onsets?: Onset[];
  heap: HeapSample[];
  /** At the end, with the player's per-play records emptied. */
  withoutRecords: HeapSample;
  heapTarget: number;
  problems: string[];
  minutes: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const signed = (v: number, unit: string) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}${unit}`;
const heapLine = (s: HeapSample) =>
  `${kb(s.heapBytes)}  (DOM nodes ${s.nodes}, listeners ${s.listeners}, audio nodes ${s.audioHandlers})`;

/** Prints the run's figures: start-time error by source, the audio clock, the heap. */
export function printPlayerRun(r: PlayerRun): void {
  console.log(
    `player start time and memory: one Chromium page (autoplay flag) on the real server; ` +
      `${r.mixed.length} planned starts in ${r.mixedSeconds} s (1–2 s music back to back, 2 s speech every 5 s), ` +
      `then ${r.quick.length} ${r.quickToneS} s tones back to back`,
  );
  console.log(
    "  (page: the page's record, its scheduled audio-clock time converted back, so only a late " +
      "scheduling shows; log: the same via /api/plays; slip: the page's record plus how far the " +
      'audio clock slipped against the page clock between scheduling and start' +
      (r.onsets ? '; heard: the first sound on its bus, timed by the audio clock around it)' : ')'),
  );
  const parts: [string, PlannedItem[]][] = [
    ['mixed', r.mixed],
    [`${r.quickToneS} s tones`, r.quick],
  ];
  const sources: [string, SeenStart[], string?][] = [
    ['page', r.pageStarts],
    ['log', r.log.starts],
    ['slip', slippedStarts(r.pageStarts, r.pairings)],
  ];
  if (r.onsets)
    sources.push([
      'heard',
      heardStarts([...r.mixed, ...r.quick], r.onsets, r.pairings),
      'not heard as a separate onset',
    ]);
  for (const [part, plan] of parts)
    for (const [source, seen, missing] of sources)
      console.log(
        `  ${`${part}, ${source}:`.padEnd(20)}${formatStartErrors(startErrors(plan, seen, r.joined), missing)}`,
      );
  const slip = audioClockSlip(r.pairings);
  console.log(
    `  audio clock against the page clock: net ${signed(slip.netMs, ' ms')} (${slip.ppm.toFixed(1)} ppm), ` +
      `${slip.jumps} jumps over 1 ms, largest ${signed(slip.largestJumpMs, ' ms')} ` +
      `(${r.pairings.length} readings${r.onsets ? `, ${r.onsets.length} onsets heard` : ''})`,
  );
  console.log(
    `  log: ${r.log.total} started reports for ${r.pageStarts.length} page starts, ` +
      `${r.log.duplicates} duplicates, ${r.log.pending} still pending on the page`,
  );

  for (const s of r.heap)
    console.log(`  JS heap after ${String(s.items).padStart(4)} plays: ${heapLine(s)}`);
  const first = r.heap[0];
  const target = r.heap.find((s) => s.items >= r.heapTarget) ?? r.heap.at(-1);
  if (first && target && target !== first) {
    const grew = target.heapBytes - first.heapBytes;
    console.log(
      `  heap after ${target.items} plays / after ${first.items}: ${(target.heapBytes / first.heapBytes).toFixed(3)} ` +
        `(${grew >= 0 ? '+' : ''}${kb(grew)}, ${(grew / (target.items - first.items)).toFixed(0)} B a play)`,
    );
  }
  const beyond = first
    ? `, ${kb(r.withoutRecords.heapBytes - first.heapBytes)} over ${first.items}`
    : '';
  console.log(
    `  JS heap at the end with the player's per-play records emptied: ${heapLine(r.withoutRecords)}${beyond}`,
  );
  if (r.problems.length) {
    console.log(`  the page said (${r.problems.length}):`);
    for (const p of r.problems.slice(0, 10)) console.log(`    ${p}`);
  }
  console.log(`  ran ${r.minutes.toFixed(1)} min`);
}
