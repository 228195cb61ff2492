/**
 * A clock a test moves by hand, for the server's `now`: it runs with the wall clock from where
 * it was set, so timers and streams behave, and steps as NTP or a wrong BIOS clock would.
 */
export function steppableClock(start: Date = new Date()) {
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    /** Moves the clock by `ms` (negative for back). */
    step(ms: number): void {
      offset += ms;
    },
    set(at: Date): void {
      offset = at.getTime() - Date.now();
    },
  };
}
export type SteppableClock = ReturnType<typeof steppableClock>;
