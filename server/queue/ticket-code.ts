/** A ticket's code: its service's prefix and its number of the day, three digits at least (A001). */
export function ticketCode(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}

/** A code as a person types it at the counter: `a12` and ` A012 ` both mean A012. */
export function normaliseCode(input: string): { prefix: string; number: number } | undefined {
  const m = /^\s*([A-Za-z])\s*0*(\d{1,6})\s*$/.exec(input);
  if (!m) return undefined;
  const number = Number(m[2]);
  return number > 0 ? { prefix: (m[1] as string).toUpperCase(), number } : undefined;
}
