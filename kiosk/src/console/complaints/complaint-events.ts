import type { Complaint } from './complaint-types.ts';

/** Asks the page to open a complaint's record. */
export type ComplaintOpenEvent = CustomEvent<{ id: number }>;
export const complaintOpen = (id: number): ComplaintOpenEvent =>
  new CustomEvent('complaint-open', { detail: { id }, bubbles: true, composed: true });

/** A complaint was recorded or changed; `detail` is it as the server now has it. */
export type ComplaintChangedEvent = CustomEvent<Complaint>;
export const complaintChanged = (c: Complaint): ComplaintChangedEvent =>
  new CustomEvent('complaint-changed', { detail: c, bubbles: true, composed: true });

declare global {
  interface HTMLElementEventMap {
    'complaint-open': ComplaintOpenEvent;
    'complaint-changed': ComplaintChangedEvent;
  }
}
