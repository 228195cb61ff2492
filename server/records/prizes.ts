import { z } from 'zod';
import { customerFields, isoDate, quantity, text } from './fields.ts';
import { mustAllow, type LedgerRecord, type Stamp } from './ledger.ts';

/**
 * Prize handouts (促销活动奖品发放登记): which campaign's prize went to whom, how many, and who
 * handed it over. A handout written down by mistake is voided, never removed.
 */
const prizeFields = z.strictObject({
  campaign: text(80).min(1, 'name the event or campaign'),
  prize: text(80).min(1, 'name the prize'),
  ...customerFields,
  quantity: quantity(1000).default(1),
  /** Who handed it over, when not the person writing it down. */
  handedBy: text(40).optional(),
  /** Today in the mall when absent. */
  date: isoDate.optional(),
  note: text(500).default(''),
});
export const prizeIntake = prizeFields;
export type PrizeIntake = z.output<typeof prizeIntake>;

export const prizeAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('correct'),
    fields: prizeFields
      .omit({ date: true })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'name a field to correct'),
  }),
  z.strictObject({ action: z.literal('void'), reason: text(500).min(1, 'say why') }),
]);
export type PrizeAction = z.output<typeof prizeAction>;

export type PrizeStatus = 'handed' | 'void';

export interface PrizeHandout extends LedgerRecord, Omit<PrizeIntake, 'date' | 'handedBy'> {
  status: PrizeStatus;
  handedBy: string;
  registeredAt: number;
  registeredBy: string;
  voided?: { reason: string; by: string; at: number };
}

const ALLOWED: Record<PrizeStatus, readonly PrizeAction['action'][]> = {
  handed: ['correct', 'void'],
  void: [],
};
const STATUS_ZH: Record<PrizeStatus, string> = { handed: '已发放', void: '已作废' };
const WHAT = { zh: '奖品发放', en: 'prize handout' };

export function handedOut(id: number, req: PrizeIntake & { date: string }, s: Stamp): PrizeHandout {
  const { date, handedBy, ...rest } = req;
  return {
    ...rest,
    id,
    day: date,
    // Grouped by campaign, not merchant: a mall event has no merchant of its own.
    merchantName: '',
    status: 'handed',
    handedBy: handedBy || s.by,
    registeredAt: s.at,
    registeredBy: s.by,
  };
}

export function applyPrizeAction(p: PrizeHandout, a: PrizeAction, s: Stamp): PrizeHandout {
  mustAllow(WHAT, ALLOWED, STATUS_ZH, p.status, a.action);
  switch (a.action) {
    case 'correct':
      return { ...p, ...a.fields, handedBy: a.fields.handedBy || p.handedBy };
    case 'void':
      return { ...p, status: 'void', voided: { reason: a.reason, by: s.by, at: s.at } };
  }
}

/** Prizes handed out per campaign and prize, voided ones left out. Pure. */
export function prizeTotals(list: readonly PrizeHandout[]) {
  const campaigns = new Map<string, Map<string, { handouts: number; quantity: number }>>();
  let handouts = 0;
  let total = 0;
  for (const p of list) {
    if (p.status === 'void') continue;
    const prizes =
      campaigns.get(p.campaign) ?? new Map<string, { handouts: number; quantity: number }>();
    campaigns.set(p.campaign, prizes);
    const t = prizes.get(p.prize) ?? { handouts: 0, quantity: 0 };
    prizes.set(p.prize, { handouts: t.handouts + 1, quantity: t.quantity + p.quantity });
    handouts += 1;
    total += p.quantity;
  }
  return {
    handouts,
    quantity: total,
    byCampaign: [...campaigns].map(([campaign, prizes]) => ({
      campaign,
      quantity: [...prizes.values()].reduce((n, t) => n + t.quantity, 0),
      prizes: [...prizes].map(([prize, t]) => ({ prize, ...t })),
    })),
  };
}
