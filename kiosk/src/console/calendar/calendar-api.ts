import { ApiError, SESSION_EXPIRED, type ConsoleApi } from '../console-api.ts';

/** One problem of a refused calendar change: at a form field, or at a line of calendar.yaml. */
export interface Issue {
  field?: string;
  message: string;
  line?: number;
  col?: number;
}

/** A refusal with every problem the server named (ApiError keeps only the first field). */
export class RefusedError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    field: string | undefined,
    readonly issues: Issue[],
  ) {
    super(status, code, message, field);
  }
}

/**
 * POSTs a calendar change and, when it is refused, keeps all of the server's `issues` so each
 * shows at its own field. The session cookie and CSRF token are the console's own; a server
 * that cannot be reached goes through `api` so the connection banner shows as for any call.
 */
export async function postForIssues<T>(api: ConsoleApi, path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': api.csrfToken },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify(body),
    });
  } catch {
    return api.post<T>(path, body);
  }
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { message: text };
  }
  if (res.ok) return parsed as T;
  if (res.status === 401 && parsed['error'] === 'unauthenticated')
    api.dispatchEvent(new Event(SESSION_EXPIRED));
  const issues = Array.isArray(parsed['issues']) ? (parsed['issues'] as Issue[]) : [];
  const field = typeof parsed['field'] === 'string' ? parsed['field'] : undefined;
  const message = typeof parsed['message'] === 'string' ? parsed['message'] : `HTTP ${res.status}`;
  // A refusal of the body's shape names one field: show it there too.
  if (!issues.length && field) issues.push({ field, message });
  throw new RefusedError(
    res.status,
    typeof parsed['error'] === 'string' ? parsed['error'] : 'http',
    message,
    field,
    issues,
  );
}

/** Field → its messages, joined; problems with no field of the form under `''`. */
export function issuesByField(
  err: unknown,
  known: (field: string) => boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (field: string, message: string) =>
    (out[field] = out[field] ? `${out[field]}\n${message}` : message);
  if (!(err instanceof RefusedError) || !err.issues.length) {
    add('', err instanceof Error ? err.message : String(err));
    return out;
  }
  for (const i of err.issues) {
    const where = i.line ? `（calendar.yaml 第 ${i.line} 行 · line ${i.line}）` : '';
    if (i.field && known(i.field)) add(i.field, i.message);
    else add('', `${i.message}${where}`);
  }
  return out;
}
