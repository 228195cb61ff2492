import { z } from 'zod';
import { addDays, dateInZone, type IsoDate } from '../../core/zoned-time.ts';
import { monthBefore } from './periods.ts';
import { servedOn, type Sale } from './sale.ts';

/**
 * Callbacks (回访) are generated from the records, never typed: the source document's
 * 投诉岗 duties name three kinds, each with the date it is due on the mall's calendar.
 */
export const CALLBACK_KINDS = ['after-sale', 'warranty', 'complaint'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

export const CALLBACK_KIND_ZH: Record<CallbackKind, string> = {
  'after-sale': '售后30天回访',
  warranty: '质保期满前一个月回访',
  complaint: '投诉处理后回访',
};

/** 售后30天回访: 30 days after the delivery, or after the sale when nothing was delivered. */
export const AFTER_SALE_DAYS = 30;
/** 回访规范: 必须保证在三天之内回访, counted from the day the complaint was resolved. */
export const AFTER_COMPLAINT_DAYS = 3;

export const OUTCOMES = ['satisfied', 'not-satisfied', 'unreachable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One call made, as the desk records it. */
export const callbackCall = z.strictObject({
  outcome: z.enum(OUTCOMES),
  note: z.string().trim().max(2000).default(''),
});
export type CallbackCall = z.output<typeof callbackCall>;

export type CallbackSource = { kind: 'sale'; id: number } | { kind: 'complaint'; id: number };

/** A callback as its entries make it: computed, never edited in place. */
export interface Callback {
  id: number;
  kind: CallbackKind;
  source: CallbackSource;
  dueOn: IsoDate;
  /** Due until a call reaches the customer; withdrawn when its record no longer asks for it. */
  status: 'due' | 'done' | 'withdrawn';
  generatedAt: number;
  /** Calls made so far, unreachable ones included: each is retried and the callback stays due. */
  tries: number;
  calls: (CallbackCall & { at: number; by: string })[];
  outcome?: Exclude<Outcome, 'unreachable'>;
  doneAt?: number;
  doneBy?: string;
}

/** A callback a record asks for: its kind and the date it is due. */
export interface Planned {
  kind: CallbackKind;
  dueOn: IsoDate;
}

/** What a sale asks for: the after-sale call, and the warranty call when it has a warranty. */
export function plannedForSale(s: Sale): Planned[] {
  if (s.status === 'void') return [];
  const out: Planned[] = [{ kind: 'after-sale', dueOn: addDays(servedOn(s), AFTER_SALE_DAYS) }];
  if (s.warrantyEnds !== undefined) {
    // A warranty shorter than a month is called about at once, not before it was sold.
    const before = monthBefore(s.warrantyEnds);
    out.push({ kind: 'warranty', dueOn: before < s.soldOn ? s.soldOn : before });
  }
  return out;
}

/** What a resolved complaint asks for: a call within three days of the mall date it was resolved. */
export const plannedForComplaint = (resolvedAt: number, zone: string): Planned => ({
  kind: 'complaint',
  dueOn: addDays(dateInZone(zone, resolvedAt), AFTER_COMPLAINT_DAYS),
});

export type Change =
  | { do: 'generate'; kind: CallbackKind; dueOn: IsoDate }
  | { do: 'move'; id: number; from: IsoDate; to: IsoDate }
  | { do: 'withdraw'; id: number }
  | { do: 'reopen'; id: number; dueOn: IsoDate };

/**
 * What brings a record's callbacks in line with what it now asks for. Idempotent: the same
 * record gives no change the second time. A done callback is never touched (it happened).
 */
export function reconcile(existing: readonly Callback[], planned: readonly Planned[]): Change[] {
  const out: Change[] = [];
  for (const p of planned) {
    const e = existing.find((x) => x.kind === p.kind);
    if (!e) out.push({ do: 'generate', kind: p.kind, dueOn: p.dueOn });
    else if (e.status === 'withdrawn') out.push({ do: 'reopen', id: e.id, dueOn: p.dueOn });
    else if (e.status === 'due' && e.dueOn !== p.dueOn)
      out.push({ do: 'move', id: e.id, from: e.dueOn, to: p.dueOn });
  }
  for (const e of existing)
    if (e.status === 'due' && !planned.some((p) => p.kind === e.kind))
      out.push({ do: 'withdraw', id: e.id });
  return out;
}

export class CallbackRefused extends Error {}

/** Why a callback cannot be called any more, or undefined while it is due. */
export function callRefusal(cb: Callback): string | undefined {
  if (cb.status === 'done')
    return `callback ${cb.id} was done at ${new Date(cb.doneAt ?? 0).toISOString()} by ${cb.doneBy ?? ''}`;
  if (cb.status === 'withdrawn')
    return `callback ${cb.id} was withdrawn: its record no longer asks for it`;
  return undefined;
}

/** The callback after a call: done when the customer answered, still due when unreachable. */
export function applyCall(cb: Callback, call: CallbackCall, at: number, by: string): Callback {
  const refused = callRefusal(cb);
  if (refused) throw new CallbackRefused(refused);
  const calls = [...cb.calls, { ...call, at, by }];
  const tries = cb.tries + 1;
  if (call.outcome === 'unreachable') return { ...cb, calls, tries };
  return { ...cb, calls, tries, status: 'done', outcome: call.outcome, doneAt: at, doneBy: by };
}

/** A new callback as generated. */
export function generated(id: number, source: CallbackSource, p: Planned, at: number): Callback {
  return {
    id,
    kind: p.kind,
    source,
    dueOn: p.dueOn,
    status: 'due',
    generatedAt: at,
    tries: 0,
    calls: [],
  };
}
