import type { CounterStatus, TicketStatus } from '../queue-types.ts';

/** The buttons of the counter page that call the server. */
export const COUNTER_ACTIONS = [
  'call-next',
  'call',
  'recall',
  'no-show',
  'start',
  'finish',
  'transfer',
  'pause',
  'resume',
  'close',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/**
 * Which actions make sense for a counter as it is now, so the page offers only those: no "call
 * next" while a customer is called or being served (the server would refuse it with
 * `counter-busy`), no "finish" before "start". The server decides in the end; this keeps a
 * clerk from pressing what cannot work.
 */
export function allowedActions(counter: {
  status: CounterStatus;
  current?: { status: TicketStatus } | undefined;
}): Set<CounterAction> {
  const out = new Set<CounterAction>();
  if (counter.status === 'closed') return out;
  const active = counter.current?.status;
  switch (active) {
    case 'called':
      out.add('recall').add('no-show').add('start').add('transfer');
      break;
    case 'serving':
      out.add('finish').add('transfer');
      break;
    default:
      if (counter.status === 'open') out.add('call-next').add('call');
      out.add('close');
  }
  // A paused counter still finishes the customer in front of it; it only calls nobody new.
  if (counter.status === 'paused') {
    out.delete('recall');
    out.add('resume');
  } else out.add('pause');
  return out;
}

/** What the server's refusal means for the clerk, in a sentence they can act on. */
export function refusalText(code: string, message: string): string {
  switch (code) {
    case 'queue-empty':
      return '没有等候的顾客。';
    case 'counter-busy':
      return '请先处理完当前顾客（开始办理 / 完成 / 过号）。';
    case 'counter-closed':
      return '本窗口未开放，请先开放窗口。';
    case 'counter-paused':
      return '本窗口已暂停，请先恢复服务。';
    case 'recall-limit':
      return '已达到最多呼叫次数，请标记过号。';
    case 'service-closed':
      return '该业务现在不在办理时间内。';
    case 'not-found':
      return `找不到：${message}`;
    case 'bad-credentials':
      return '用户名或密码错误。';
    case 'csrf':
    case 'unauthenticated':
      return '登录已失效，请重新登录。';
    case 'offline':
      return message;
    default:
      return message;
  }
}
