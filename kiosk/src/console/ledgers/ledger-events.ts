/** A ledger's record was written: the page reads its list again. */
export const LEDGER_CHANGED = 'ledger-changed';
export const ledgerChanged = () =>
  new CustomEvent(LEDGER_CHANGED, { bubbles: true, composed: true });
