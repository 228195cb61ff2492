/** Durations as people write them in the program files: `30s`, `5m`, `1h30m`, `90s`. */

const DURATION_RE = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const m = DURATION_RE.exec(trimmed);
  if (!m || m.slice(1).every((g) => g === undefined)) return undefined;
  const [h, min, s, ms] = m.slice(1).map((g) => (g === undefined ? 0 : Number(g)));
  return Math.round(((h ?? 0) * 3600 + (min ?? 0) * 60 + (s ?? 0)) * 1000 + (ms ?? 0));
}

/** `1:05:03`, `4:07` or `0:09` for tables. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** `HH:MM` or `HH:MM:SS` of a millisecond-of-day, for messages. */
export function formatClock(msOfDay: number): string {
  const total = Math.round(msOfDay / 1000);
  const h = String(Math.floor(total / 3600)).padStart(2, '0');
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = total % 60;
  return `${h}:${m}${s ? `:${String(s).padStart(2, '0')}` : ''}`;
}
