import type { Priority } from '../queue-types.ts';

/** What a button on the counter page asks for, sent up as `dc-counter-act`. */
export type CounterActDetail =
  | { action: 'call-next' | 'recall' | 'no-show' | 'start' | 'pause' | 'resume' | 'close' }
  | { action: 'call'; code: string }
  | {
      action: 'finish';
      category: string;
      note: string;
      askRating: boolean;
      /** Then record it as a complaint: the console's form opens on the ticket. */
      complaint?: boolean;
    }
  | { action: 'transfer'; service: string }
  | { action: 'open'; counter: number; services: string[]; takeover?: boolean }
  | { action: 'choose'; counter: number | undefined }
  | { action: 'take'; service: string; priority: Priority };
export type CounterActEvent = CustomEvent<CounterActDetail>;

/** The event every counter-page element sends for a button press. */
export function counterAct(detail: CounterActDetail): CounterActEvent {
  return new CustomEvent('dc-counter-act', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'dc-counter-act': CounterActEvent;
  }
}
