import type { DigestSource } from '../reports/ledger.ts';
import { merchantDescriber } from './complaint-ledger.ts';
import { asOf, byFirstDue, overdueLine, type OverdueLine } from './complaint-summary.ts';

/** The nightly digest's complaints: open, with a deadline let pass, most overdue first. */
export const overdueComplaints: DigestSource = {
  id: 'complaints-overdue',
  title: '逾期未办的投诉 Overdue complaints',
  read(deps, now): OverdueLine[] {
    const describe = merchantDescriber(deps.merchants);
    return (
      deps.complaints
        .pending()
        // As things stood at `now`: after the clock is stepped back, entries may lie beyond it.
        .flatMap((c) => overdueLine(asOf(c, now), now, describe(c)) ?? [])
        .sort(byFirstDue)
    );
  },
};
