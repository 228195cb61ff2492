/** The queue's records as the store gives them; instants are UTC ISO strings. */
import type { Rating } from './figures.ts';

export const PRIORITIES = ['normal', 'elderly', 'disabled', 'pregnant', 'vip'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SOURCES = ['kiosk', 'counter', 'api'] as const;
export type Source = (typeof SOURCES)[number];
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no-show',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type CounterStatus = 'closed' | 'open' | 'paused';

export interface ServiceRow {
  id: string;
  prefix: string;
  name: string;
  nameEn: string;
  hours: { from: string; until: string };
  order: number;
}

export interface CounterRow {
  number: number;
  name: string;
  defaultServices: string[];
  services: string[];
  status: CounterStatus;
  openedBy: string | null;
  openedAt: string | null;
  /** A hash of the sign-in that opened it: another desk PC is asked before it takes over. */
  openedSession: string | null;
  priorityStreak: number;
}

/** A ticket as stored; instants in UTC. */
export interface TicketRow {
  id: number;
  date: string;
  prefix: string;
  number: number;
  code: string;
  takenService: string;
  service: string;
  priority: Priority;
  source: Source;
  status: TicketStatus;
  token: string;
  takenAt: string;
  calledAt: string | null;
  firstCalledAt: string | null;
  callCount: number;
  recalls: number;
  counter: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  noShowAt: string | null;
  closedAt: string | null;
  transfers: number;
  category: string | null;
  note: string | null;
  rating: Rating | null;
  ratedAt: string | null;
  takenBy: string;
}

/** A waiting ticket, as much as call order and the estimate need. */
export interface WaitingRow {
  id: number;
  service: string;
  priority: Priority;
  takenAt: string;
}
