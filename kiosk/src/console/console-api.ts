/** What the server said when it refused: its code, a message to show, the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Fired on the api when a call finds the session gone (expired, revoked, signed out elsewhere). */
export const SESSION_EXPIRED = 'session-expired';
/** Fired when the server stops or starts answering; `detail` is whether it answers. */
export const CONNECTION = 'connection';

const PROBE_EVERY_MS = 5000;

/**
 * The console's calls to the server as the signed-in person: the session cookie goes by itself
 * (same origin), the CSRF token with every change. A refusal becomes an `ApiError` with the
 * server's message; an unreachable server is reported once (`connection`, false) and probed
 * until it answers again, so a page never fails silently.
 */
export class ConsoleApi extends EventTarget {
  csrfToken = '';
  online = true;
  private _probe?: ReturnType<typeof setTimeout>;

  get<T>(path: string): Promise<T> {
    return this._send<T>('GET', path);
  }
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this._send<T>('POST', path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this._send<T>('PUT', path, body);
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this._send<T>('PATCH', path, body);
  }
  delete<T>(path: string): Promise<T> {
    return this._send<T>('DELETE', path);
  }

  /** Sends a form (a file upload), reporting progress 0–1 as the bytes go. */
  upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('X-CSRF-Token', this.csrfToken);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
      xhr.onerror = () => {
        this._lost();
        reject(new ApiError(0, 'offline', '无法连接服务器 · The server cannot be reached'));
      };
      xhr.onload = () => {
        try {
          resolve(this._read<T>(xhr.status, xhr.responseText));
        } catch (err) {
          reject(err as Error);
        }
      };
      xhr.send(form);
    });
  }

  private async _send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      this._lost();
      throw new ApiError(0, 'offline', '无法连接服务器 · The server cannot be reached');
    }
    this._found();
    return this._read<T>(res.status, await res.text());
  }

  private _read<T>(status: number, text: string): T {
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { message: text };
    }
    if (status >= 200 && status < 300) return body as T;
    const b = body as { error?: string; message?: string; field?: string };
    if (status === 401 && b.error === 'unauthenticated')
      this.dispatchEvent(new Event(SESSION_EXPIRED));
    throw new ApiError(status, b.error ?? 'http', b.message ?? `HTTP ${status}`, b.field);
  }

  private _lost(): void {
    if (!this.online) return;
    this.online = false;
    this.dispatchEvent(new CustomEvent(CONNECTION, { detail: false }));
    const probe = async () => {
      try {
        await fetch('/api/site', { cache: 'no-store' });
        this._found();
      } catch {
        this._probe = setTimeout(probe, PROBE_EVERY_MS);
      }
    };
    this._probe = setTimeout(probe, PROBE_EVERY_MS);
  }

  private _found(): void {
    if (this.online) return;
    clearTimeout(this._probe);
    this.online = true;
    this.dispatchEvent(new CustomEvent(CONNECTION, { detail: true }));
  }
}
