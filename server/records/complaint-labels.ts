import type { COMPLAINT_SOURCES, ComplaintStatus, PAUSE_REASONS } from './complaint.ts';
import type { DeadlineState } from './deadlines.ts';

/** How the ledgers name things: Chinese first, English second. */
export const SOURCE_LABEL: Record<(typeof COMPLAINT_SOURCES)[number], string> = {
  queue: '排队取号 queue ticket',
  phone: '电话 phone',
  desk: '前台登记 at the desk',
  group: '集团转递 from the group',
};

export const STATUS_LABEL: Record<ComplaintStatus, string> = {
  received: '已受理 received',
  answered: '已答复 answered',
  planned: '已给方案 plan given',
  resolved: '已解决 resolved',
  'called-back': '已回访 called back',
  rejected: '不受理 rejected',
};

export const PAUSE_LABEL: Record<(typeof PAUSE_REASONS)[number], string> = {
  customer: '等待顾客 customer',
  merchant: '等待商户 merchant',
};

export const CALL_BACK_LABEL: Record<string, string> = {
  satisfied: '满意 satisfied',
  'not-satisfied': '不满意 not satisfied',
  unreachable: '未接通 unreachable',
};

export const DEADLINE_LABEL = {
  answer: '24小时答复 answer',
  plan: '72小时方案 plan',
} as const;

/** A deadline as the register's column says it, at the instant it was computed for. */
export function deadlineLabel(s: DeadlineState): string {
  switch (s.state) {
    case 'met':
      return '按时 on time';
    case 'missed':
      return s.doneAt === undefined ? '逾期未办 overdue' : '超时 late';
    case 'open':
      return '未到期 not yet due';
    case 'paused':
      return '暂停中 paused';
    default: {
      const never: never = s;
      return never;
    }
  }
}

/** Who did not say: a blank the ledger still names. */
export const NOT_GIVEN = '未填写 not given';
