import { z } from 'zod';

// A path segment may not start with a dot, so `..` and hidden names cannot be spelled.
const SEGMENT = '[\\p{L}\\p{N}_][\\p{L}\\p{N}._-]*';

/** Media ids are paths like `background/light/01-quiet-garden`: folders are its default tags. */
export const mediaIdSchema = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`, 'u'),
    'use letters, digits, "_", "-" and "." in names, "/" between folders; no name may start with "."',
  );

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'a tag is one word: letters, digits, "_" or "-"');

const tagsSchema = z
  .array(tagSchema)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const titleSchema = z.string().trim().min(1, 'the title cannot be empty').max(200);

/** `PATCH /api/media/:id`: the id never changes, since the program refers to it. */
export const mediaPatchSchema = z
  .strictObject({ title: titleSchema.optional(), tags: tagsSchema.optional() })
  .refine((b) => b.title !== undefined || b.tags !== undefined, 'give a title or tags to change');

export const mediaListQuery = z.object({
  tag: tagSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

/** The text fields of an upload form; `tags` may be repeated or comma-separated. */
export const uploadFieldsSchema = z.object({
  id: mediaIdSchema.optional(),
  title: titleSchema.optional(),
  tags: tagsSchema.optional(),
});

/** Repeated and comma-separated values of a form field, as one list. */
export const splitList = (values: readonly string[] | undefined) =>
  values
    ?.flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);

/** `Quiet Garden (v2).MP3` → `quiet-garden-v2`; Chinese names keep their characters. */
export function slugify(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
