import type { DigestSource } from '../reports/ledger.ts';
import { merchantDescriber } from './complaint-ledger.ts';
import { byFirstDue, overdueLine, type OverdueLine } from './complaint-summary.ts';

/** The nightly digest's complaints: open, with a deadline let pass, most overdue first. */
export const overdueComplaints: DigestSource = {
  id: 'complaints-overdue',
  title: '逾期未办的投诉 Overdue complaints',
  read(deps, now): OverdueLine[] {
    const describe = merchantDescriber(deps.merchants);
    return deps.complaints
      .pending()
      .flatMap((c) => overdueLine(c, now, describe(c)) ?? [])
      .sort(byFirstDue);
  },
};
