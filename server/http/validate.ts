import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

/**
 * zod validation for a request part, answering bad input with the API's error shape:
 * `{ error: 'invalid', message, field }` naming the first field that is wrong.
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
    return undefined;
  });
}
