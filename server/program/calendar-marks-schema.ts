import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { parsePlainClock } from './clock-expr.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text from the form: a NUL byte or a lone surrogate (half a character, as a broken paste
 * brings) is refused with its field named, since YAML, SQLite and the speech engine would
 * each mangle it differently. Trimmed; an empty text means "none".
 */
export function markText(max: number) {
  return z
    .string()
    .refine((s) => !s.includes('\u0000'), {
      message: '不能含有空字符 · must not contain NUL bytes',
      abort: true,
    })
    .refine((s) => !LONE_SURROGATE.test(s), {
      message: '含有无效字符（孤立的代理项）· contains an invalid character (a lone surrogate)',
      abort: true,
    })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `最多 ${max} 个字符 · at most ${max} characters`));
}

const required = (max: number) => markText(max).pipe(z.string().min(1, '必填 · required'));
const optionalText = (max: number) =>
  markText(max)
    .transform((s) => (s === '' ? undefined : s))
    .optional();

const hour = z
  .string()
  .refine((s) => s === '' || parsePlainClock(s) !== undefined, {
    message: '请写成 HH:MM · write the time as HH:MM',
  })
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const script = z.object({
  title: optionalText(100),
  media: optionalText(200),
  text: optionalText(2000),
});

const span = { from: isoDate, to: isoDate.optional() };
/** The revision the page showed: a mark over someone else's newer save is refused (409). */
const baseRevision = z.number().int().positive().optional();

/** POST /api/calendar/days: one mark, of one kind. */
export const markBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    ...span,
    name: required(100),
    scripts: z.array(script).min(1, '至少一条活动稿件 · at least one script').max(20),
    repeat: z.number().int().min(1).max(10).optional(),
    opening: hour,
    closing: hour,
    baseRevision,
  }),
  z.object({
    kind: z.literal('holiday'),
    ...span,
    name: required(100),
    greeting: z.union([optionalText(2000), script]).optional(),
    baseRevision,
  }),
  z.object({ kind: z.literal('closed'), ...span, note: optionalText(200), baseRevision }),
  z.object({ kind: z.literal('makeup'), from: isoDate, note: optionalText(200), baseRevision }),
]);
export type MarkBody = z.infer<typeof markBody>;

/** POST /api/calendar/days/unmark. */
export const unmarkBody = z.object({
  kind: z.enum(['event', 'holiday', 'closed', 'makeup']),
  ...span,
  name: optionalText(100),
  baseRevision,
});

/** GET /api/calendar/marks. */
export const marksQuery = z.object({ from: isoDate, to: isoDate.optional() });
