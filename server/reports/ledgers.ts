import { complaintLedger } from '../records/complaint-ledger.ts';
import {
  callbackLedger,
  compensationLedger,
  prizeLedger,
  returnLedger,
  serviceLedger,
  visitLedger,
} from '../records/ledger-workbooks.ts';
import type { Ledger } from './ledger.ts';

/**
 * Every ledger the server writes, in the order the reports page lists them. A new ledger
 * (电话回访记录台帐, 30天无理由退货登记表+汇总表, 先行赔偿审批表, …) is one module and one line
 * here: it gets its download route and, when weekly, its Monday file.
 */
export const LEDGERS: readonly (Ledger & { weekly: boolean })[] = [
  { ...complaintLedger, weekly: true },
  { ...callbackLedger, weekly: true },
  { ...returnLedger, weekly: true },
  { ...compensationLedger, weekly: false },
  { ...serviceLedger, weekly: false },
  { ...prizeLedger, weekly: false },
  { ...visitLedger, weekly: false },
];

export const ledgerById = (id: string) => LEDGERS.find((l) => l.id === id);
