import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const KB = 1024;
const MB = 1024 * KB;
/** Room for a multipart form's boundaries and headers around its file. */
const FORM_OVERHEAD = 64 * KB;

interface Rule {
  method: string;
  path: RegExp;
  bytes: number;
  /** What the body is, for the refusal: "a schedule file". */
  what: string;
  /**
   * The route streams the body to disk and stops at its own limit: only a declared length is
   * checked here, since checking a chunked body would hold all of it in memory first.
   */
  streamed?: true;
}

/**
 * The largest body each route may send, checked on every API request before anything reads it
 * (a Content-Length over the limit is refused unread; a chunked body is cut off at the limit),
 * so a 50 MB sign-in costs the server nothing. A route not listed reads at most 64 KB of JSON.
 */
export function bodyLimits(maxUploadBytes: number): MiddlewareHandler {
  const rules: Rule[] = [
    {
      method: 'POST',
      path: /^\/api\/media$/,
      bytes: maxUploadBytes + FORM_OVERHEAD,
      what: 'an audio upload',
      streamed: true,
    },
    {
      method: 'POST',
      path: /^\/api\/merchants\/import$/,
      bytes: 5 * MB + FORM_OVERHEAD,
      what: 'a merchant sheet',
      streamed: true,
    },
    {
      method: 'POST',
      path: /^\/api\/merchants\/[^/]+\/logo$/,
      bytes: 2 * MB + FORM_OVERHEAD,
      what: 'a logo',
      streamed: true,
    },
    // A schedule file is at most 1 MB; as JSON its Chinese may be escaped to six bytes each.
    {
      method: 'PUT',
      path: /^\/api\/(program|calendar|volume)$/,
      bytes: 6 * MB,
      what: 'a schedule file',
    },
    {
      method: 'POST',
      path: /^\/api\/(program|calendar|volume)\/import$/,
      bytes: 1 * MB + FORM_OVERHEAD,
      what: 'a schedule file',
    },
    {
      method: 'POST',
      path: /^\/api\/program\/preview$/,
      bytes: 12 * MB,
      what: 'a program preview',
    },
    { method: 'PUT', path: /^\/api\/queue\/config$/, bytes: 2 * MB, what: 'a queue file' },
    { method: 'POST', path: /^\/api\/plays$/, bytes: 1 * MB, what: 'a batch of play reports' },
    { method: 'POST', path: /^\/api\/sales\/batch$/, bytes: 1 * MB, what: 'a batch of sales' },
  ];
  // `Connection: close`: the rest of the body may still be on its way, and a client that sent
  // its next request on the same connection would have it read as part of this one.
  const refuse = (c: Context, bytes: number, what: string) =>
    c.json(
      {
        error: 'too-large',
        message: `${what} is at most ${size(bytes)} (请求内容过大)`,
        limit: bytes,
      },
      413,
      { Connection: 'close' },
    );
  const limiter = ({ bytes, what, streamed }: Omit<Rule, 'method' | 'path'>): MiddlewareHandler =>
    streamed
      ? async (c, next) => {
          const declared = Number(c.req.header('Content-Length') ?? 0);
          if (declared > bytes) return refuse(c, bytes, what);
          await next();
        }
      : bodyLimit({ maxSize: bytes, onError: (c) => refuse(c, bytes, what) });
  const limited = rules.map((r) => ({ ...r, check: limiter(r) }));
  const otherwise = limiter({ bytes: 64 * KB, what: 'a request' });
  return (c, next) => {
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const rule = limited.find((r) => r.method === method && r.path.test(c.req.path));
    return (rule?.check ?? otherwise)(c, next);
  };
}

const size = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
