import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../log.ts';

/** The body of every error the API returns. */
export interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  [extra: string]: unknown;
}

/** An expected failure with a message a user can act on. */
export function apiError(
  status: ContentfulStatusCode,
  error: string,
  message: string,
  extra: Omit<Partial<ApiErrorBody>, 'error' | 'message'> = {},
  headers: Record<string, string> = {},
): HTTPException {
  const body: ApiErrorBody = { error, message, ...extra };
  return new HTTPException(status, { res: Response.json(body, { status, headers }), message });
}

export const notFound = (what: string) => apiError(404, 'not-found', `${what} does not exist`);

/** One place for the unexpected: logged with the request, answered with a plain 500. */
export function onError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof HTTPException) {
      if (err.res) return err.res;
      return c.json({ error: 'http', message: err.message || 'request refused' }, err.status);
    }
    log.error('unhandled error', {
      method: c.req.method,
      path: c.req.path,
      err: err.stack ?? String(err),
    });
    return c.json(
      { error: 'internal', message: 'something went wrong on the server; it has been logged' },
      500,
    );
  };
}
