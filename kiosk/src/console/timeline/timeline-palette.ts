import type { ItemState } from '../../../../core/item-states.ts';
import type { PlanItem } from '../../../../core/plan.ts';

/** How one kind of block looks and is called in the legend. */
export interface Swatch {
  key: string;
  colour: string;
  zh: string;
  en: string;
}

// The shipped program's slots, each its own colour; a slot a mall adds falls back to its kind.
const SLOTS: Record<string, Omit<Swatch, 'key'>> = {
  'staff-song': { colour: '#8b5cf6', zh: '员工歌曲', en: 'Staff song' },
  'welcome-music': { colour: '#14b8a6', zh: '迎宾曲', en: 'Welcome music' },
  'welcome-speech': { colour: '#0f766e', zh: '欢迎语', en: 'Welcome' },
  background: { colour: '#7c9cc0', zh: '背景音乐', en: 'Background' },
  weather: { colour: '#0284c7', zh: '天气预报', en: 'Weather' },
  promos: { colour: '#ea580c', zh: '厂商促销', en: 'Promos' },
  'event-announcement': { colour: '#e11d48', zh: '活动信息', en: 'Event' },
  'holiday-greeting': { colour: '#c026d3', zh: '节日祝福', en: 'Holiday greeting' },
  'farewell-music': { colour: '#4338ca', zh: '送宾曲', en: 'Farewell' },
};

const KINDS: Record<PlanItem['kind'], Omit<Swatch, 'key'>> = {
  music: { colour: '#7c9cc0', zh: '音乐', en: 'Music' },
  speech: { colour: '#0f766e', zh: '语音', en: 'Speech' },
  promo: { colour: '#ea580c', zh: '促销', en: 'Promo' },
  weather: { colour: '#0284c7', zh: '天气', en: 'Weather' },
};

/** The music under a spoken slot (promos, weather): the slot's colour, paler. */
const BEDS: Record<string, Omit<Swatch, 'key'>> = {
  promos: { colour: '#fdba74', zh: '促销背景音乐', en: 'Promo bed' },
  weather: { colour: '#7dd3fc', zh: '天气背景音乐', en: 'Weather bed' },
};

/** The swatch of a plan item: by slot where the slot is known, else by kind. */
export function swatchOf(item: Pick<PlanItem, 'slot' | 'kind' | 'layer'>): Swatch {
  const bed = item.layer === 'bed' ? BEDS[item.slot] : undefined;
  if (bed) return { key: `${item.slot}/bed`, ...bed };
  const slot = SLOTS[item.slot];
  if (slot) return { key: item.slot, ...slot };
  return { key: `kind:${item.kind}`, ...KINDS[item.kind] };
}

/** A slot's name for people: `厂商促销 · Promos`, or the slot's own id for one the mall added. */
export function slotName(slot: string): string {
  const s = SLOTS[slot];
  return s ? `${s.zh} · ${s.en}` : slot;
}

/** Each state's colour (the strip under a block) and name. */
export const STATE_STYLE: Record<ItemState, { colour: string; zh: string; en: string }> = {
  played: { colour: '#16a34a', zh: '已播放', en: 'Played' },
  playing: { colour: '#2563eb', zh: '正在播放', en: 'Playing' },
  due: { colour: '#93c5fd', zh: '待确认', en: 'Awaiting report' },
  upcoming: { colour: '#cbd5e1', zh: '待播', en: 'Upcoming' },
  skipped: { colour: '#78716c', zh: '已跳过', en: 'Skipped' },
  failed: { colour: '#dc2626', zh: '播放失败', en: 'Failed' },
  missed: { colour: '#f59e0b', zh: '未播放', en: 'Missed' },
};

/** `已播放 · Played` */
export const stateName = (s: ItemState) => `${STATE_STYLE[s].zh} · ${STATE_STYLE[s].en}`;

/** The layer's name: the bed is music, the voice speaks over it. */
export const LANES = {
  bed: { zh: '背景 · 音乐', en: 'Bed (music)' },
  voice: { zh: '人声 · 语音', en: 'Voice (speech)' },
} as const;
