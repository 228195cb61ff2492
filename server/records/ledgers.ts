import type { Db } from '../db/open.ts';
import { applyCompensation, requested } from './compensation.ts';
import { ledgerStore } from './ledger-store.ts';
import { applyServiceAction, registerService } from './merchant-services.ts';
import { applyPrizeAction, handedOut } from './prizes.ts';
import { applyReturnAction, registerReturn } from './returns.ts';

/** The desk's ledgers besides complaints, each in its own pair of tables (020-ledgers.sql). */
export function ledgerStores(db: Db) {
  return {
    returns: ledgerStore(db, {
      table: 'returns',
      entries: 'return_entries',
      open: registerReturn,
      apply: applyReturnAction,
    }),
    compensations: ledgerStore(db, {
      table: 'compensations',
      entries: 'compensation_entries',
      open: requested,
      apply: applyCompensation,
    }),
    services: ledgerStore(db, {
      table: 'merchant_services',
      entries: 'merchant_service_entries',
      open: registerService,
      apply: applyServiceAction,
    }),
    prizes: ledgerStore(db, {
      table: 'prize_handouts',
      entries: 'prize_handout_entries',
      open: handedOut,
      apply: applyPrizeAction,
    }),
  };
}
export type LedgerStores = ReturnType<typeof ledgerStores>;
