/** How a page is signed in: a device's bearer token, a person's session cookie, or not at all. */
export type Credentials =
  { kind: 'device'; token: string } | { kind: 'session'; csrfToken: string } | { kind: 'none' };

/** A refused or failed request, with the server's error code and its readable message. */
export class QueueError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls to the queue API. Devices send their bearer token; people their session cookie (same
 * origin) and, on changes, the session's CSRF token. Errors become `QueueError`s carrying the
 * server's `{error, message}`, so a page can show what went wrong.
 */
export class QueueClient {
  constructor(public credentials: Credentials) {}

  headers(json = false): Record<string, string> {
    const h: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
    const c = this.credentials;
    if (c.kind === 'device') h['Authorization'] = `Bearer ${c.token}`;
    if (c.kind === 'session' && json) h['X-CSRF-Token'] = c.csrfToken;
    return h;
  }

  get<T>(path: string): Promise<T> {
    return this._send<T>(path, { headers: this.headers(), cache: 'no-store' });
  }

  post<T>(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<T> {
    return this._send<T>(path, {
      method: 'POST',
      headers: { ...this.headers(true), ...headers },
      body: JSON.stringify(body),
    });
  }

  private async _send<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(path, { ...init, credentials: 'same-origin' });
    } catch {
      throw new QueueError(0, 'offline', '无法连接服务器，请稍后再试');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    if (!res.ok) {
      const b = body as { error?: string; message?: string };
      throw new QueueError(res.status, b.error ?? 'http', b.message ?? `${res.status} ${text}`);
    }
    return body as T;
  }
}
