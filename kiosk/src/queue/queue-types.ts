/** The queue API's shapes as the pages use them (docs: the queue contract, issue 5). */

export const PRIORITIES = ['normal', 'elderly', 'disabled', 'pregnant', 'vip'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RATINGS = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'closed';
export type CounterStatus = 'closed' | 'open' | 'paused';

export interface Hours {
  from: string;
  until: string;
}

export interface Service {
  id: string;
  prefix: string;
  name: string;
  nameEn: string;
  hours: Hours;
  open: boolean;
  /** A closed service's next opening: later today or tomorrow (the server's plan decides). */
  nextOpen?: { day: 'today' | 'tomorrow'; from: string };
  waiting: number;
  estimatedWaitMin: number;
  order?: number;
}

export interface CounterRef {
  number: number;
  name: string;
}

export interface Ticket {
  id: number;
  code: string;
  date: string;
  service: string;
  serviceName: string;
  serviceNameEn: string;
  number: number;
  priority: Priority;
  status: TicketStatus;
  takenAt: string;
  calledAt?: string;
  callCount: number;
  startedAt?: string;
  finishedAt?: string;
  counter?: CounterRef;
  ahead: number;
  estimatedWaitMin: number;
  token: string;
  category?: string;
  note?: string;
  rating?: Rating;
}

/** What a customer's phone may see of a ticket (the token is the secret). */
export interface PublicTicket {
  code: string;
  serviceName: string;
  status: TicketStatus;
  ahead: number;
  estimatedWaitMin: number;
  counter?: CounterRef;
  takenAt: string;
}

export interface CounterState extends CounterRef {
  status: CounterStatus;
  services: string[];
  current?: { code: string; status: TicketStatus; calledAt: string; callCount: number };
}

export interface RecentCall {
  code: string;
  counter: CounterRef;
  calledAt: string;
  callCount: number;
}

export interface QueueState {
  date: string;
  counters: CounterState[];
  recentCalls: RecentCall[];
  waiting: Record<string, number>;
  services: Service[];
}

/** A counter as the counter page sees it: with its full current ticket. */
export interface CounterDetail extends CounterRef {
  status: CounterStatus;
  services: string[];
  /** What it serves when opened without a choice. */
  defaultServices: string[];
  openedBy?: string;
  openedAt?: string;
  /** Open by this sign-in (the counter page's list only): otherwise opening it is a takeover. */
  yours?: boolean;
  current?: Ticket;
}

/** A no-show that may still be called back (a customer who was away for a moment). */
export interface RecallableNoShow {
  code: string;
  service: string;
  counter: number | null;
  noShowAt: string;
  recallableUntil: string;
}

/** `GET /api/queue/counters`: the counter page's view. */
export interface CounterList {
  date: string;
  counters: CounterDetail[];
  /** What a finished visit may be recorded as (记录咨询类型), from queue.yaml. */
  categories: string[];
  settings: { maxRecalls: number; noShowRecallMinutes: number; english: boolean };
  noShows: RecallableNoShow[];
}
