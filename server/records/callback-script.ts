import type { IsoDate } from '../../core/zoned-time.ts';
import type { CallbackKind } from './callback.ts';

/** What the script's blanks are filled with, from the callback's record and who is calling. */
export interface ScriptBlanks {
  kind: CallbackKind;
  staff: string;
  customerName: string;
  /** The day the customer was served: bought, delivered, or the complaint resolved. */
  date: IsoDate;
  merchantName: string;
  product: string;
  warrantyEnds?: IsoDate;
}

/** One branch of the call: the question to ask after the answer, and the closing. */
export interface ScriptBranch {
  ask: string;
  closing: string;
}

export interface CallbackScript {
  /** 开始 · Opening. */
  opening: string;
  /** 交流 · The question. */
  question: string;
  /** 【满意】 · Satisfied. */
  satisfied: ScriptBranch;
  /** 【不满意/一般】 · Not satisfied or so-so. */
  notSatisfied: ScriptBranch;
  /** 回访规范: 一个避免，三个必保 (the mall's rate is its own, so left out). */
  reminders: string[];
}

/** `2026年3月1日`, as it is said on the phone. */
export const spokenDate = (d: IsoDate) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The call script of the source document's 回访规范 (开始 / 交流 / 结束, with the 满意 and
 * 不满意 branches), its blanks (____) filled from the record. The 交流 line is worded per kind,
 * since "接受了…服务项目" fits a complaint handled, not a sofa bought; the source's closing
 * "祝您(开车愉快/节日快乐)" becomes 生活愉快, which fits a home-furnishing mall on any day.
 */
export function callbackScript(b: ScriptBlanks): CallbackScript {
  const on = spokenDate(b.date);
  const what = `${b.merchantName}的${b.product}`;
  const question: Record<CallbackKind, string> = {
    'after-sale': `感谢您在${on}选购了我们商场${what}，请问您对${b.product}和我们的服务满意吗？`,
    warranty:
      `感谢您在${on}选购了我们商场${what}，它的质保期将于` +
      `${spokenDate(b.warrantyEnds ?? b.date)}到期。请问您对${b.product}满意吗？使用中有需要我们帮忙的地方吗？`,
    complaint: `感谢您在${on}接受了我们关于${what}投诉的处理，请问您对处理结果满意吗？`,
  };
  return {
    opening: `您好，我是${b.staff}，请问您是${b.customerName}吗？打扰您了。`,
    question: question[b.kind],
    satisfied: {
      ask: '您对我们的服务有什么建议吗？',
      closing: '感谢您的答复，您如果需要什么帮助，可随时跟我们取得联系，祝您生活愉快，再见！',
    },
    notSatisfied: {
      ask: '能否告诉我您对哪方面不满意？我们应改进哪方面的工作？',
      closing:
        '非常谢谢您的反映，这一点我们的确做得不够，我们很快就会有改进，希望您监督，祝您生活愉快，再见！',
    },
    reminders: ['避免在客户休息时打扰客户', '完整记录回访信息', '联系不上时另约方便的时间再回访'],
  };
}
