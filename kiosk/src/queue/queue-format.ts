import type { CounterStatus, Hours, Priority, Rating, TicketStatus } from './queue-types.ts';

/** Pure text helpers shared by the queue pages (no DOM, so they are unit-tested in Node). */

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** Until the server (or the screen's last copy) says otherwise: no name rather than a wrong one. */
export const DEFAULT_SITE = { name: '', nameEn: '', timezone: DEFAULT_TIMEZONE } as const;

/** An estimated wait as a person reads it: never "0 minutes" when someone is ahead. */
export function waitText(minutes: number, ahead: number): { zh: string; en: string } {
  if (ahead <= 0 || minutes <= 0) return { zh: '无需等候', en: 'No wait' };
  const m = Math.max(1, Math.round(minutes));
  if (m >= 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return {
      zh: `约 ${h} 小时${rest ? ` ${rest} 分钟` : ''}`,
      en: `about ${h} h${rest ? ` ${rest} min` : ''}`,
    };
  }
  return { zh: `约 ${m} 分钟`, en: `about ${m} min` };
}

/** `HH:mm` of an instant in the mall's zone (the kiosk's own zone may differ). */
export function clockTime(iso: string | number, timeZone = DEFAULT_TIMEZONE): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(typeof iso === 'number' ? iso : Date.parse(iso));
}

/** `2025年6月3日 星期二`-style date of an instant in the mall's zone. */
export function dateText(iso: string | number, timeZone = DEFAULT_TIMEZONE): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(typeof iso === 'number' ? iso : Date.parse(iso));
}

/** A service's name without its explanation in brackets, for tight places (商户服务). */
export const shortName = (name: string) => name.replace(/\s*[（(].*$/u, '') || name;

export const hoursText = (h: Hours) => `${h.from}–${h.until}`;

/** What every customer page says of a service outside its hours: one wording everywhere. */
export const CLOSED_TEXT = { zh: '暂停取号', en: 'Not taking numbers now' } as const;

/** When numbers start again: "今天 14:00 起取号" / "Numbers from 14:00 today". */
export function reopenText(next: { day: 'today' | 'tomorrow'; from: string } | undefined): {
  zh: string;
  en: string;
} {
  if (!next) return { zh: '', en: '' };
  return next.day === 'today'
    ? { zh: `今天 ${next.from} 起取号`, en: `Numbers from ${next.from} today` }
    : { zh: `明天 ${next.from} 起取号`, en: `Numbers from ${next.from} tomorrow` };
}

export const STATUS_TEXT: Record<TicketStatus, { zh: string; en: string }> = {
  waiting: { zh: '等候中', en: 'Waiting' },
  called: { zh: '请到窗口', en: 'Called' },
  serving: { zh: '办理中', en: 'Being served' },
  done: { zh: '已办结', en: 'Done' },
  'no-show': { zh: '已过号', en: 'Missed' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const COUNTER_STATUS_TEXT: Record<CounterStatus, string> = {
  open: '服务中',
  paused: '暂停服务',
  closed: '未开放',
};

export const PRIORITY_TEXT: Record<Priority, { zh: string; en: string }> = {
  normal: { zh: '普通', en: 'Regular' },
  elderly: { zh: '老年人', en: 'Senior' },
  disabled: { zh: '残障人士', en: 'Disability' },
  pregnant: { zh: '孕妇', en: 'Pregnant' },
  vip: { zh: 'VIP', en: 'VIP' },
};

/** The rating choices' words; their faces are drawn (kiosk/src/lib/icons.ts: no emoji). */
export const RATING_TEXT: Record<Rating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  neutral: { zh: '一般', en: 'Neutral' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** The phone page of a ticket, on the server the kiosk was loaded from. */
export function ticketLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/ticket/${encodeURIComponent(token)}`;
}

/** The token of `/ticket/<token>`, or undefined on any other path. */
export function tokenFromPath(path: string): string | undefined {
  const m = /^\/ticket\/([^/]+)\/?$/.exec(path);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined; // a malformed %-escape
  }
}

/** A code typed at the counter ("a12", " A012 ") in the server's form ("A012"). */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/** Whether a code looks like one the server issues: a letter and digits. */
export const isCode = (s: string) => /^[A-Z]\d{1,4}$/.test(s);

/**
 * What a customer's phone says about the ticket, in one line: people ahead while waiting, the
 * counter once called.
 */
export function positionText(t: {
  status: TicketStatus;
  ahead: number;
  counter?: { name: string };
}): string {
  switch (t.status) {
    case 'waiting':
      return t.ahead > 0 ? `前面还有 ${t.ahead} 人` : '下一位就是您';
    case 'called':
      return `请到 ${t.counter?.name ?? '窗口'}`;
    case 'serving':
      return `正在 ${t.counter?.name ?? '窗口'} 办理`;
    case 'done':
      return '感谢您的光临';
    case 'no-show':
      return '您已过号，请到服务台咨询';
    case 'closed':
      return '此号已关闭';
    default: {
      const never: never = t.status;
      return never;
    }
  }
}

/** The same line in English, for the phone of a customer who reads English. */
export function positionTextEn(t: {
  status: TicketStatus;
  ahead: number;
  counter?: { number: number };
}): string {
  switch (t.status) {
    case 'waiting':
      return t.ahead > 0
        ? `${t.ahead} ${t.ahead === 1 ? 'person' : 'people'} ahead of you`
        : 'You are next';
    case 'called':
      return t.counter ? `Please go to counter ${t.counter.number}` : 'Please go to the counter';
    case 'serving':
      return t.counter ? `Being served at counter ${t.counter.number}` : 'Being served';
    case 'done':
      return 'Thank you for your visit';
    case 'no-show':
      return 'Your number has passed: please ask at the desk';
    case 'closed':
      return 'This number is closed';
    default: {
      const never: never = t.status;
      return never;
    }
  }
}
