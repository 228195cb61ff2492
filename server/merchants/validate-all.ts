import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { findBadText } from '../http/text-check.ts';
import { apiError } from '../http/errors.ts';

/** One problem with a request, at its field (`dayParts.1`, or '' for the whole body). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** zod's issues as field issues, "is required" for a missing field. */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const missing = i.code === 'invalid_type' && /received undefined$/.test(i.message);
    return { field, message: missing ? '必填 · required' : i.message };
  });
}

/**
 * The refusal of a request with every problem in it: `field` and the first line of `message`
 * name the first; `message` has one `field: problem` line for each, and `issues` lists them.
 * Nothing was stored.
 */
export function refuse(issues: readonly FieldIssue[], status: 400 | 409 | 422 = 400) {
  const lines = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
  const first = issues[0]?.field;
  return apiError(status, 'invalid', lines.join('\n') || 'invalid', {
    ...(first ? { field: first } : {}),
    issues: [...issues],
  });
}

/** Parses a JSON body with a schema, refusing it with every problem at once. */
export function jsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<{ Variables: { body: z.output<S> } }> {
  return async (c, next) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw apiError(400, 'invalid', '请求不是有效的 JSON · the body is not valid JSON');
    }
    const r = schema.safeParse(raw);
    if (!r.success) throw refuse(fieldIssues(r.error));
    const bad = findBadText(r.data);
    if (bad) throw apiError(400, 'invalid', bad.message, { field: bad.field });
    c.set('body', r.data);
    await next();
  };
}
