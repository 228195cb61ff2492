/** What GET /api/plays/report answers (server/plays/report*.ts). */
export interface Counts {
  planned: number;
  played: number;
  failed: number;
  skipped: number;
  /** Planned items no player reported as played, failed or skipped. */
  missed: number;
  /** `ended` reports from every player. */
  plays: number;
  plannedMs: number;
  playedMs: number;
}

export interface MerchantLine extends Counts {
  merchant: string;
  promos: number;
  firstDate: string;
  lastDate: string;
}

export interface PromoLine extends Counts {
  promoId: string;
  merchant: string;
  title: string;
  firstDate: string;
  lastDate: string;
  days: number;
}

export interface PlayReport {
  from: string;
  to: string;
  timezone: string;
  totals: Counts;
  merchants: MerchantLine[];
  promos: PromoLine[];
  daily: (Counts & { date: string })[];
  warnings: string[];
  options: {
    devices: { id: number; name: string; revoked: boolean }[];
    slots: string[];
    merchants: string[];
  };
}

/** One row of GET /api/plays. */
export interface PlayRow {
  id: number;
  device: string | null;
  deviceId: number;
  planDate: string;
  itemId: string;
  slot: string;
  kind: string;
  promoId: string | null;
  merchant: string | null;
  title: string;
  status: 'started' | 'ended' | 'skipped' | 'failed';
  plannedAt: string;
  actualAt: string;
  reason: string | null;
}

export interface PlayPage {
  total: number;
  plays: PlayRow[];
  nextCursor: string | null;
}

/** What the page shows: a date range and the narrowing filters. */
export interface PlaysFilter {
  from: string;
  to: string;
  device?: string;
  slot?: string;
  merchant?: string;
}

/** The filter as a query string for the report, its exports and the log. */
export function filterQuery(f: PlaysFilter): string {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.device) q.set('device', f.device);
  if (f.slot) q.set('slot', f.slot);
  if (f.merchant) q.set('merchant', f.merchant);
  return q.toString();
}
