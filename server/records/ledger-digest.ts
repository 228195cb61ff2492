import { addDays } from '../../core/zoned-time.ts';
import type { DigestSource } from '../reports/ledger.ts';
import { CALLBACK_KIND_ZH } from './callback.ts';
import { maskPhone } from './complaint.ts';

/** As many lines as a digest shows of one section; the count says if there were more. */
const SHOWN = 200;

/** Callbacks due by the end of the day and not made: tomorrow's first calls. */
export const callbacksLeft: DigestSource = {
  id: 'callbacks-left',
  title: '到期未回访 Callbacks not yet made',
  read(deps, _now, date) {
    return deps.callbacks.overdue(addDays(date, 1), SHOWN).callbacks.map(({ callback, source }) => {
      const who = source.kind === 'sale' ? source.sale : source.complaint;
      return {
        id: callback.id,
        kind: CALLBACK_KIND_ZH[callback.kind],
        dueOn: callback.dueOn,
        tries: callback.tries,
        customerName: who.customerName,
        customerPhone: maskPhone(who.customerPhone),
      };
    });
  },
};

/** Advance compensation the manager has not decided yet: the customer is waiting for money. */
export const awaitingApproval: DigestSource = {
  id: 'compensations-awaiting',
  title: '待审批的先行赔偿 Compensation awaiting the manager',
  read(deps) {
    return deps.ledgers.compensations
      .withStatus('requested')
      .slice(0, SHOWN)
      .map((c) => ({
        id: c.id,
        day: c.day,
        merchantName: c.merchantName,
        customerName: c.customerName,
        amountFen: c.amountFen,
        requestedBy: c.requestedBy,
      }));
  },
};
