import type { Role } from './console-context.ts';
import type { NavBadgeSource } from './nav-badges.ts';
import { complaintReminder } from './complaints/complaint-reminder.ts';

/** One page of the console: where it is, what it is called, and who may use it. */
export interface ConsolePage {
  /** `/console/<path>`. */
  path: string;
  zh: string;
  en: string;
  /** A Shoelace (Bootstrap Icons) icon name. */
  icon: string;
  /** Besides admin, who sees it; the server refuses the others all the same. */
  roles: readonly Role[];
  group: keyof typeof GROUPS;
  /** A count on the nav item (and a reminder above the other pages), read each minute. */
  badge?: NavBadgeSource;
}

const BROADCAST: readonly Role[] = ['announcer'];
/** The department manager does the desk's work too. */
const DESK: readonly Role[] = ['desk', 'manager'];

/** Every page, in the order of the navigation. */
export const PAGES: readonly ConsolePage[] = [
  {
    path: 'today',
    zh: '今日节目',
    en: 'Today',
    icon: 'calendar-day',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'program',
    zh: '播音程序',
    en: 'Program',
    icon: 'list-ol',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'calendar',
    zh: '日历',
    en: 'Calendar',
    icon: 'calendar3',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'players',
    zh: '播放器与屏幕',
    en: 'Players & screens',
    icon: 'speaker',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'announcements',
    zh: '广播通知',
    en: 'Announcements',
    icon: 'megaphone',
    roles: ['announcer', ...DESK],
    group: 'broadcast',
  },
  {
    path: 'weather',
    zh: '天气预报',
    en: 'Weather',
    icon: 'cloud-sun',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'merchants',
    zh: '商户',
    en: 'Merchants',
    icon: 'shop',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'promos',
    zh: '促销',
    en: 'Promotions',
    icon: 'badge-ad',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'media',
    zh: '音频库',
    en: 'Media',
    icon: 'music-note-list',
    roles: BROADCAST,
    group: 'broadcast',
  },
  {
    path: 'plays',
    zh: '播放记录',
    en: 'Proof of play',
    icon: 'bar-chart-line',
    roles: BROADCAST,
    group: 'broadcast',
  },
  { path: 'queue', zh: '排队叫号', en: 'Queue', icon: 'people', roles: DESK, group: 'desk' },
  // The desk's records (台帐, #13): each ledger's page is one entry here.
  {
    path: 'complaints',
    zh: '投诉',
    en: 'Complaints',
    icon: 'chat-square-text',
    roles: DESK,
    group: 'records',
    badge: complaintReminder,
  },
  // 30-day returns, advance compensation, merchants' fees and prizes (#13).
  {
    path: 'callbacks',
    zh: '回访',
    en: 'Callbacks',
    icon: 'telephone-outbound',
    roles: DESK,
    group: 'records',
  },
  {
    path: 'returns',
    zh: '无理由退货',
    en: '30-day returns',
    icon: 'arrow-counterclockwise',
    roles: DESK,
    group: 'records',
  },
  {
    path: 'compensations',
    zh: '先行赔偿',
    en: 'Advance compensation',
    icon: 'shield-check',
    roles: DESK,
    group: 'records',
  },
  {
    path: 'merchant-fees',
    zh: '商户服务收费',
    en: "Merchants' fees",
    icon: 'tags',
    roles: DESK,
    group: 'records',
  },
  { path: 'prizes', zh: '奖品发放', en: 'Prizes', icon: 'gift', roles: DESK, group: 'records' },
  {
    path: 'reports',
    zh: '报表',
    en: 'Reports',
    icon: 'file-earmark-bar-graph',
    roles: DESK,
    group: 'records',
  },
  {
    path: 'people',
    zh: '人员与设备',
    en: 'People & devices',
    icon: 'person-gear',
    roles: [],
    group: 'admin',
  },
];

export const GROUPS = {
  broadcast: { zh: '广播', en: 'Broadcast' },
  desk: { zh: '服务台', en: 'Front desk' },
  records: { zh: '台帐', en: 'Records' },
  admin: { zh: '管理', en: 'Administration' },
} as const;

/** Whether a role may use a page: admins may use every page. Pure. */
export const mayUse = (role: Role, page: ConsolePage) =>
  role === 'admin' || page.roles.includes(role);

/** The pages a role sees, in order. Pure. */
export const pagesFor = (role: Role) => PAGES.filter((p) => mayUse(role, p));
