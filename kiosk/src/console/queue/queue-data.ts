import type { CounterList, QueueState, Ticket } from '../../queue/queue-types.ts';

/** One service's or counter's figures, as GET /api/queue/figures gives them. */
export interface Stats {
  taken: number;
  served: number;
  noShows: number;
  open: number;
  avgWaitMin: number | null;
  p90WaitMin: number | null;
  avgServiceMin: number | null;
}

export interface Figures {
  from: string;
  to: string;
  timezone: string;
  totals: Stats;
  services: (Stats & { service: string; name: string; prefix: string })[];
  counters: (Stats & { counter: number; name: string })[];
  hours: { hour: number; taken: number; served: number }[];
}

/** Everything the Queue page shows, read together so that it is one moment's picture. */
export interface QueueToday {
  state: QueueState;
  counters: CounterList;
  waiting: { date: string; tickets: Omit<Ticket, 'token'>[] };
  figures: Figures;
  /** When it was read (the browser's clock), for "waited so far". */
  readAt: number;
}
