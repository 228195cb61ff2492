import { z } from 'zod';
import { intervalSchema, PRIORITIES, repeatSchema } from './schema.ts';
import { BLANK, blanksOf, FIELD_KINDS } from './templates.ts';

/** A blank's name: what the text writes in braces (`{plate}`, `{车牌号}`). */
const FIELD_NAME = /^[\p{L}\p{N}_]{1,20}$/u;
/** Most blanks one template may have: a form longer than this is not filled in at the desk. */
export const MAX_FIELDS = 10;

const trimmed = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`);

const fieldSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(FIELD_NAME, 'a blank is named by up to 20 letters or digits, e.g. 车牌号 or plate'),
  label: trimmed(20, 'the label'),
  kind: z.enum(FIELD_KINDS),
  example: z.string().trim().max(50, 'an example is at most 50 characters').default(''),
  min: z.number().int().min(0).max(100_000).optional(),
  max: z.number().int().min(0).max(100_000).optional(),
});

/** Braces that are not a blank (`{`, `{}`, `{ x }`): a typing slip the desk would hear read out. */
const strayBrace = (s: string) => /[{}]/.test(s.replace(BLANK, ''));

/**
 * `POST /api/announcements/templates` and `PUT …/:id`: a template's wording, its blanks and how
 * it usually goes out. Every blank in the text or title is a field, and every field is used.
 */
export const templateDefinitionBody = z
  .strictObject({
    name: trimmed(20, 'the name'),
    title: trimmed(100, 'the title'),
    text: trimmed(500, 'the text'),
    fields: z.array(fieldSchema).max(MAX_FIELDS, `at most ${MAX_FIELDS} blanks`).default([]),
    priority: z.enum(PRIORITIES).default('normal'),
    repeat: repeatSchema.default(1),
    intervalS: intervalSchema.default(1),
  })
  .superRefine((t, ctx) => {
    const names = t.fields.map((f) => f.name);
    for (const key of ['text', 'title'] as const) {
      if (strayBrace(t[key]))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'braces only mark blanks, like {车牌号}; remove the others',
        });
      for (const blank of blanksOf(t[key]))
        if (!names.includes(blank))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `{${blank}} is not one of the fields: add a field named ${blank}, or remove it`,
          });
    }
    const used = new Set(blanksOf(t.text));
    t.fields.forEach((f, i) => {
      if (names.indexOf(f.name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `there are two fields named ${f.name}`,
        });
      else if (!used.has(f.name))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `the text never says {${f.name}}: use it in the text or remove the field`,
        });
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'max'],
          message: `the largest (${f.max}) is below the smallest (${f.min})`,
        });
    });
  });
export type TemplateDefinition = z.infer<typeof templateDefinitionBody>;

/** `POST /api/announcements/templates/:id/fill`: the values of the blanks. */
export const fillBody = z.strictObject({
  fields: z.record(z.string().max(50), z.union([z.string().max(200), z.number()])).default({}),
});
