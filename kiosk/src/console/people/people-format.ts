import { ApiError } from '../console-api.ts';
import type { Role } from '../console-context.ts';

/** A person, as GET /api/users gives them. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const ROLE_OPTIONS: readonly { value: Role; zh: string; en: string; what: string }[] = [
  {
    value: 'desk',
    zh: '前台',
    en: 'Front desk',
    what: '排队叫号、广播通知 · Queue, announcements',
  },
  {
    value: 'manager',
    zh: '部门经理',
    en: 'Department manager',
    what: '前台的一切，并审批先行赔偿、查看升级投诉 · The desk’s work, approvals, escalated complaints',
  },
  {
    value: 'announcer',
    zh: '播音员',
    en: 'Announcer',
    what: '节目、日历、促销、媒体、通知 · Program, calendar, promos, media, announcements',
  },
  { value: 'admin', zh: '管理员', en: 'Admin', what: '全部，包括人员与设备 · Everything' },
];

export const roleName = (role: Role) => {
  const r = ROLE_OPTIONS.find((o) => o.value === role);
  return r ? `${r.zh} · ${r.en}` : role;
};

/** A temporary password to read out to its owner: no 0/O or 1/l/I to misread. */
export function temporaryPassword(length = 10): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** What the server's refusals mean for someone at the desk, in Chinese first. */
const EXPLAINED: Record<string, string> = {
  'wrong-code': '没有设备显示这个配对码，请核对设备屏幕上的配对码',
  expired: '配对码已过期：设备屏幕会自动显示新的配对码，请输入新的',
  used: '这个配对码已经用过了',
  exists: '这个名字已被使用，请换一个',
  self: '不能停用自己或降低自己的角色，请另一位管理员操作',
};

/** The message for an error at a form field or in a toast: Chinese, then the server's words. */
export function explain(err: unknown): string {
  if (err instanceof ApiError) {
    const zh = EXPLAINED[err.code];
    return zh ? `${zh} · ${err.message}` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** The field a refusal names, if any. */
export const fieldOf = (err: unknown) => (err instanceof ApiError ? err.field : undefined);
