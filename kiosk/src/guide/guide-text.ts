import { CLOSED_TEXT } from '../queue/queue-format.ts';
import type { Lang } from './guide-types.ts';

/**
 * The screen's words in both languages. Chinese first: with `zh` the English stands small
 * beside it; with `en` English leads and the Chinese follows, so a shopper who reads either
 * finds their way.
 */
export const T = {
  directory: { zh: '导购', en: 'Directory' },
  promos: { zh: '优惠活动', en: 'Offers & events' },
  desk: { zh: '服务台', en: 'Service desk' },
  search: { zh: '搜索店铺', en: 'Find a shop' },
  hint: {
    zh: '汉字、拼音全拼（lanting）、首字母（ltsf）或品牌（LUMI）都能找到，拼错一两个字母也没关系。',
    en: 'Type a name, its pinyin (lanting), its initials (ltsf) or the brand (LUMI); a typo or two is fine.',
  },
  byFloor: { zh: '按楼层', en: 'By floor' },
  byCategory: { zh: '按类别', en: 'By category' },
  all: { zh: '全部', en: 'All' },
  noResult: {
    zh: '没有找到，换个写法试试，或到服务台咨询',
    en: 'Nothing found: try another spelling, or ask at the desk',
  },
  results: { zh: '搜索结果', en: 'Results' },
  hours: { zh: '营业时间', en: 'Open' },
  todayHours: { zh: '今日营业', en: 'Today' },
  closedToday: { zh: '今日闭店', en: 'Closed today' },
  phone: { zh: '电话', en: 'Phone' },
  youAreHere: { zh: '您在这里', en: 'You are here' },
  back: { zh: '返回', en: 'Back' },
  prev: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  clear: { zh: '清除', en: 'Clear' },
  space: { zh: '空格', en: 'Space' },
  offline: { zh: '离线 · 显示最近的信息', en: 'Offline · showing the latest we have' },
  touch: { zh: '触摸屏幕开始', en: 'Touch the screen to start' },
  noPromos: { zh: '今天暂无促销活动', en: 'No offers today' },
  takeNumber: { zh: '取号', en: 'Take a number' },
  waiting: { zh: '等候', en: 'waiting' },
  // The queue pages' wording, so the guide, the ticket machine and the board say the same.
  closedNow: CLOSED_TEXT,
  nowCalling: { zh: '叫号', en: 'Now calling' },
  counters: { zh: '各窗口', en: 'Counters' },
  recent: { zh: '最近叫号', en: 'Recent calls' },
  takeTicket: {
    zh: '请取走您的号票，留意叫号',
    en: 'Please take your ticket and listen for your number',
  },
  done: { zh: '完成', en: 'Done' },
  reprint: { zh: '重新打印', en: 'Print again' },
  priority: { zh: '优先服务', en: 'Priority' },
  deskWhere: { zh: '客服中心位于', en: 'The service desk is on' },
  otherFloor: { zh: '乘电梯或扶梯前往', en: 'Take the lift to' },
  promosOf: { zh: '店铺优惠', en: 'Offers' },
  until: { zh: '截至', en: 'until' },
  page: { zh: '页', en: 'page' },
  event: { zh: '今日活动', en: 'Today' },
  shops: { zh: '家店铺', en: 'shops' },
  language: { zh: 'English', en: '中文' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type TextKey = keyof typeof T;

/** The leading text in the chosen language, and the other one to show beside it. */
export function both(key: TextKey, lang: Lang): [string, string] {
  const t = T[key];
  return lang === 'zh' ? [t.zh, t.en] : [t.en, t.zh];
}

/** One text in the chosen language. */
export const say = (key: TextKey, lang: Lang) => T[key][lang];

/** `1F` → `一层` / `Level 1`, from the floors file when it names the floor. */
export function floorName(
  id: string,
  lang: Lang,
  floors: readonly { id: string; name: string; nameEn: string }[],
): string {
  const f = floors.find((x) => x.id === id);
  if (!f) return id;
  return lang === 'zh' ? f.name : f.nameEn;
}
