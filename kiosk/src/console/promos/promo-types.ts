import type { PlanItem } from '../../../../core/plan.ts';

/** A promo as GET /api/promos gives it (server/promos/store.ts). */
export interface StoredPromo {
  id: string;
  merchantId: number;
  merchant: { name: string; floor: string; unit?: string };
  title: string;
  media?: string;
  text?: string;
  validFrom?: string;
  validTo?: string;
  dayParts?: string[];
  weight: number;
  playsPerHour?: number;
  retired: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface DayPart {
  name: string;
  from: string;
  until: string;
}

export interface PromoList {
  promos: StoredPromo[];
  dayParts: DayPart[];
}

/** POST /api/promos/preview's answer. */
export interface PromoPreview {
  date: string;
  ids: string[];
  dayType: string;
  items: PlanItem[];
  counts: { promoId: string; merchant: string; title: string; plays: number }[];
  warnings: string[];
}

/** A library item as GET /api/media lists it. */
export interface MediaItem {
  id: string;
  title: string;
  tags: string[];
  durationMs: number;
  url: string;
}

/** The program's day parts in words (schedules/program.yaml names them). */
const PART_NAMES: Record<string, { zh: string; en: string }> = {
  morning: { zh: '上午', en: 'Morning' },
  afternoon: { zh: '下午', en: 'Afternoon' },
  evening: { zh: '晚上', en: 'Evening' },
};
export const partName = (name: string) => PART_NAMES[name] ?? { zh: name, en: name };

const ANCHORS: Record<string, string> = { onAir: '开播', opening: '开门', closing: '关门' };
/** `12:00`, or `关门` for the program's `closing` (whose time depends on the day). */
export const partTime = (t: string) =>
  t.replace(/^(onAir|opening|closing)/, (a) => ANCHORS[a] ?? a);

export type PromoStatus = 'playing' | 'upcoming' | 'expired' | 'retired';
export const STATUS = {
  playing: { zh: '播放中', en: 'On air', variant: 'success' },
  upcoming: { zh: '未开始', en: 'Upcoming', variant: 'primary' },
  expired: { zh: '已过期', en: 'Expired', variant: 'neutral' },
  retired: { zh: '已停用', en: 'Retired', variant: 'neutral' },
} as const;

/** Where a promo stands on a date. Pure. */
export function statusOf(p: StoredPromo, today: string): PromoStatus {
  if (p.retired) return 'retired';
  if (p.validTo && p.validTo < today) return 'expired';
  if (p.validFrom && p.validFrom > today) return 'upcoming';
  return 'playing';
}

/** What the promo form edits. */
export interface PromoDraft {
  id?: string;
  merchantId: string;
  title: string;
  kind: 'media' | 'text';
  media: string;
  text: string;
  validFrom: string;
  validTo: string;
  dayParts: string[];
  share: 'weight' | 'hour';
  weight: string;
  playsPerHour: string;
  retired: boolean;
}

export const draftOf = (p?: StoredPromo): PromoDraft => ({
  ...(p ? { id: p.id } : {}),
  merchantId: p ? String(p.merchantId) : '',
  title: p?.title ?? '',
  kind: p?.media ? 'media' : 'text',
  media: p?.media ?? '',
  text: p?.text ?? '',
  validFrom: p?.validFrom ?? '',
  validTo: p?.validTo ?? '',
  dayParts: p?.dayParts ?? [],
  share: p?.playsPerHour ? 'hour' : 'weight',
  weight: String(p?.weight ?? 1),
  playsPerHour: String(p?.playsPerHour ?? 4),
  retired: p?.retired ?? false,
});

const num = (s: string) => (s.trim() === '' ? s : Number(s));

/**
 * The draft as a request body: the whole promo, `null` for what it does not have (a patch
 * clears those; a new promo and a preview leave them out).
 */
export function bodyOf(d: PromoDraft): Record<string, unknown> {
  return {
    merchantId: d.merchantId ? Number(d.merchantId) : null,
    title: d.title,
    media: d.kind === 'media' ? d.media || null : null,
    text: d.kind === 'text' ? d.text : null,
    validFrom: d.validFrom || null,
    validTo: d.validTo || null,
    dayParts: d.dayParts.length ? d.dayParts : null,
    ...(d.share === 'weight'
      ? { weight: num(d.weight), playsPerHour: null }
      : { playsPerHour: num(d.playsPerHour) }),
  };
}

/** The body of a new promo, or of one in a preview: without the nulls. */
export const createBodyOf = (d: PromoDraft) => ({
  ...(d.id ? { id: d.id } : {}),
  ...Object.fromEntries(Object.entries(bodyOf(d)).filter(([, v]) => v !== null)),
  retired: d.retired,
});
