import type { Priority } from './schema.ts';

export const FIELD_KINDS = ['text', 'integer', 'plate'] as const;

/** One blank of a template, as the console renders it. */
export interface TemplateField {
  /** What the text writes in braces: `{plate}`, or in Chinese, `{车牌号}`. */
  name: string;
  label: string;
  kind: (typeof FIELD_KINDS)[number];
  /** Shown in the empty input; may be empty. */
  example: string;
  min?: number | undefined;
  max?: number | undefined;
}

/** A ready-made announcement: Chinese text with `{field}` blanks, and how it usually goes out. */
export interface Template {
  id: string;
  name: string;
  text: string;
  /** The console's title for it, with the same blanks. */
  title: string;
  fields: readonly TemplateField[];
  priority: Priority;
  repeat: number;
  intervalS: number;
}

/** A blank in a template's text or title: letters (Chinese too), digits or `_` in braces. */
export const BLANK = /\{([\p{L}\p{N}_]+)\}/gu;

/** The names of the blanks in a text, in order of first use. Pure. */
export function blanksOf(text: string): string[] {
  return [...new Set([...text.matchAll(BLANK)].map((m) => m[1] as string))];
}

/**
 * The desk's everyday announcements; the wording follows common mall practice. They ship with
 * deskcast and a mall may reword them (stored as its own wording, which can be undone).
 */
export const BUILTIN_TEMPLATES: readonly Template[] = [
  {
    id: 'lost-child',
    name: '寻人',
    title: '寻人：{name}',
    text: '紧急寻人：一位{age}岁的小朋友{name}，身穿{clothes}，正在{place}等候家长。请{name}小朋友的家长听到广播后，尽快到{place}领回孩子。谢谢！',
    fields: [
      { name: 'name', label: '孩子姓名', kind: 'text', example: '乐乐' },
      { name: 'age', label: '年龄', kind: 'integer', min: 1, max: 16, example: '5' },
      { name: 'clothes', label: '衣着', kind: 'text', example: '红色外套、蓝色牛仔裤' },
      { name: 'place', label: '领回地点', kind: 'text', example: '一楼服务台' },
    ],
    priority: 'urgent',
    repeat: 2,
    intervalS: 1,
  },
  {
    id: 'move-car',
    name: '挪车',
    title: '挪车：{plate}',
    text: '车牌号为{plate}的车主请注意，您的车辆停放在{location}，影响了其他车辆通行，请您听到广播后尽快前往挪车。谢谢合作！',
    fields: [
      { name: 'plate', label: '车牌号', kind: 'plate', example: '沪A·12345' },
      { name: 'location', label: '停车位置', kind: 'text', example: '地下二层B区出口' },
    ],
    priority: 'normal',
    repeat: 2,
    intervalS: 1,
  },
  {
    id: 'closing-soon',
    name: '闭店提醒',
    title: '闭店提醒：{minutes}分钟',
    text: '亲爱的顾客朋友们，本商场将在{minutes}分钟后结束今天的营业。请您抓紧时间选购商品，并带好随身物品。感谢您的光临，欢迎下次再来！',
    fields: [
      { name: 'minutes', label: '距闭店分钟数', kind: 'integer', min: 1, max: 120, example: '15' },
    ],
    priority: 'normal',
    repeat: 1,
    intervalS: 1,
  },
];

const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·・•.\- ]?[A-Z0-9]{5,6}$/;
const MAX_TEXT = 50;
/** What an announcement may say (schema.ts), and so what a filled template may come to. */
const MAX_FILLED = 500;

export type Filled =
  | { ok: true; text: string; title: string; fields: Record<string, string> }
  | { ok: false; field: string; message: string };

/** Checks the values against the template's fields and fills its blanks. Pure. */
export function fillTemplate(t: Template, given: Record<string, string | number>): Filled {
  const known = new Set(t.fields.map((f) => f.name));
  const unknown = Object.keys(given).find((k) => !known.has(k));
  if (unknown !== undefined)
    return fail(unknown, `"${t.id}" has no field "${unknown}" (it has ${[...known].join(', ')})`);
  const values: Record<string, string> = {};
  for (const f of t.fields) {
    const raw = given[f.name];
    const value = typeof raw === 'number' ? String(raw) : raw?.replace(/\s+/g, ' ').trim();
    if (!value)
      return fail(
        f.name,
        `${f.label} (${f.name}) is required${f.example ? `, e.g. ${f.example}` : ''}`,
      );
    switch (f.kind) {
      case 'integer': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < (f.min ?? 0) || n > (f.max ?? Infinity))
          return fail(
            f.name,
            `${f.label} must be a whole number from ${f.min ?? 0}${f.max !== undefined ? ` to ${f.max}` : ' up'}`,
          );
        values[f.name] = String(n);
        break;
      }
      case 'plate': {
        const plate = value.toUpperCase();
        if (!PLATE.test(plate))
          return fail(
            f.name,
            `${f.label} "${value}" is not a plate number like ${f.example || '沪A·12345'}`,
          );
        values[f.name] = plate;
        break;
      }
      case 'text':
        if (value.length > MAX_TEXT || /[{}]/.test(value))
          return fail(f.name, `${f.label} is at most ${MAX_TEXT} characters, without braces`);
        values[f.name] = value;
        break;
      default: {
        const never: never = f.kind;
        return never;
      }
    }
  }
  // One pass over the template: a value is never itself scanned for blanks.
  const fill = (s: string) => s.replace(BLANK, (_m, k: string) => values[k] ?? '');
  const text = fill(t.text);
  if ([...text].length > MAX_FILLED)
    return {
      ok: false,
      field: 'fields',
      message: `filled in, the text has ${[...text].length} characters; at most ${MAX_FILLED} can be spoken`,
    };
  return { ok: true, text, title: [...fill(t.title)].slice(0, 100).join(''), fields: values };
}

const fail = (name: string, message: string): Filled => ({
  ok: false,
  field: `fields.${name}`,
  message,
});
