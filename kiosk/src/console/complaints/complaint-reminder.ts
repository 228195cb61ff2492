import type { NavBadgeSource } from '../nav-badges.ts';
import type { DueList } from './complaint-types.ts';

/**
 * The complaints nav item's badge and the reminder above the other pages: how many are past a
 * deadline and how many reach one within the server's reminder window (4 h), before it passes.
 */
export const complaintReminder: NavBadgeSource = {
  path: '/api/complaints/due',
  read(body) {
    const due = body as DueList;
    const over = due.overdue.length;
    const soon = due.dueSoon.length;
    if (!over && !soon) return undefined;
    const zh = [over ? `${over} 件已超时` : '', soon ? `${soon} 件 4 小时内到期` : '']
      .filter(Boolean)
      .join('，');
    const en = [over ? `${over} overdue` : '', soon ? `${soon} due within 4 h` : '']
      .filter(Boolean)
      .join(', ');
    return {
      count: over + soon,
      variant: over ? 'danger' : 'warning',
      zh: `投诉提醒：${zh}`,
      en: `Complaints: ${en}`,
    };
  },
};
