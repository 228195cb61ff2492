/** Airtime as staff read it: `1:02:05`, `4:35`, `0:17`. Pure. */
export function airtime(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Played of planned as a percentage, `—` when nothing was planned. Pure. */
export function percent(played: number, planned: number): string {
  return planned ? `${((played / planned) * 100).toFixed(1)}%` : '—';
}

/** `2026-12-07T10:05:17.424+08:00` → `10:05:17` (the server gives mall time). Pure. */
export const clockOf = (iso: string) => iso.slice(11, 19);

/** Seconds late (positive) or early. Pure. */
export function delaySeconds(plannedAt: string, actualAt: string): string {
  const s = (Date.parse(actualAt) - Date.parse(plannedAt)) / 1000;
  return `${s >= 0 ? '+' : ''}${s.toFixed(1)} s`;
}
