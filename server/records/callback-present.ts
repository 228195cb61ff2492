import { addDays, type IsoDate } from '../../core/zoned-time.ts';
import { CALLBACK_KIND_ZH } from './callback.ts';
import { callbackScript } from './callback-script.ts';
import type { CallbackWithSource } from './callback-store.ts';
import { subjectOf } from './callback-subject.ts';
import { maskPhone } from './complaint.ts';

export interface PresentOptions {
  zone: string;
  today: IsoDate;
  /** Who is calling: the script's 我是____. */
  staff: string;
  /** The merchant's name when a record has only its id. */
  merchantName: (id: number) => string | undefined;
  /** The desk's own record shows the phone; every list shows it masked. */
  full?: boolean;
}

const DAY_MS = 86_400_000;

/** Where a callback stands on `today`, by the mall's calendar. */
export function standingOf(status: string, dueOn: IsoDate, today: IsoDate) {
  if (status !== 'due') return status as 'done' | 'withdrawn';
  return dueOn < today ? 'overdue' : dueOn === today ? 'today' : 'upcoming';
}

/** A callback as the API shows it: whom to call about what, where it stands, and the script. */
export function presentCallback({ callback: cb, source }: CallbackWithSource, o: PresentOptions) {
  const subject = subjectOf(cb, source, o.zone);
  const merchantName =
    subject.merchantName ??
    (subject.merchantId !== undefined ? o.merchantName(subject.merchantId) : undefined);
  const standing = standingOf(cb.status, cb.dueOn, o.today);
  return {
    ...cb,
    kindZh: CALLBACK_KIND_ZH[cb.kind],
    standing,
    ...(standing === 'overdue'
      ? { overdueDays: Math.round((Date.parse(o.today) - Date.parse(cb.dueOn)) / DAY_MS) }
      : {}),
    subject: {
      ...subject,
      ...(merchantName !== undefined ? { merchantName } : {}),
      customerPhone: o.full ? subject.customerPhone : maskPhone(subject.customerPhone),
    },
    script: callbackScript({
      kind: cb.kind,
      staff: o.staff,
      customerName: subject.customerName,
      date: subject.servedOn,
      merchantName: merchantName ?? '商户',
      product: subject.product ?? '商品',
      ...(subject.warrantyEnds !== undefined ? { warrantyEnds: subject.warrantyEnds } : {}),
    }),
  };
}
export type PresentedCallback = ReturnType<typeof presentCallback>;

/** The upcoming list runs from tomorrow for `days` days. */
export const upcomingRange = (today: IsoDate, days: number) => ({
  from: addDays(today, 1),
  to: addDays(today, days),
});
