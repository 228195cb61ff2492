import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { findBadText } from './text-check.ts';

/**
 * zod validation for a request part, answering bad input with the API's error shape:
 * `{ error: 'invalid', message, field }` naming the first field that is wrong. Text that cannot
 * be stored as sent (a NUL, half a surrogate pair) is refused here for every route.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.map(String).join('.') ?? '';
      const where = field ? `${field}: ` : '';
      const message = issue
        ? `${where}${/received undefined$/.test(issue.message) ? 'is required' : issue.message}`
        : 'invalid input';
      return c.json({ error: 'invalid', message, ...(field ? { field } : {}) }, 400);
    }
    const bad = findBadText(result.data);
    if (bad) return c.json({ error: 'invalid', message: bad.message, field: bad.field }, 400);
    return undefined;
  });
}
