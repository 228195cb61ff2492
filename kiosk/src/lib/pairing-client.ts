import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type PairingKind = 'player' | 'guide';

/** A code this page is showing, as the server gave it (POST /api/pairing). */
export interface PairingRequest {
  id: string;
  code: string;
  secret: string;
  expiresAt: string;
  kind: PairingKind;
}

export type PairingView =
  | { kind: 'asking' }
  | { kind: 'showing'; request: PairingRequest }
  | { kind: 'paired'; name: string }
  | { kind: 'waiting'; message: string };

const TOKEN_KEY = 'deskcast.token';
const REQUEST_KEY = 'deskcast.pairing';
const POLL_MS = 2000;
const RETRY_MS = 5000;
/** Long enough to read "paired as PA-1" before the page starts as that device. */
const STARTING_MS = 1500;

function kept(kind: PairingKind): PairingRequest | undefined {
  try {
    const r = JSON.parse(localStorage.getItem(REQUEST_KEY) ?? 'null') as PairingRequest | null;
    return r && r.kind === kind && Date.parse(r.expiresAt) > Date.now() ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pairs a device page that has no token: asks the server for a code, keeps it across reloads
 * (so the code on the screen stays what the admin is typing), asks every two seconds whether an
 * admin entered it, then keeps the device token and reloads the page, which starts as that
 * device. An expired code is replaced by a new one; a server that does not answer is retried.
 */
export class PairingClient implements ReactiveController {
  view: PairingView = { kind: 'asking' };
  private _timer?: ReturnType<typeof setTimeout>;
  private _stopped = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _kind: () => PairingKind,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._stopped = false;
    const request = kept(this._kind());
    if (request) this._show(request);
    void (request ? this._poll() : this._ask());
  }

  hostDisconnected(): void {
    this._stopped = true;
    clearTimeout(this._timer);
  }

  private _set(view: PairingView): void {
    this.view = view;
    this._host.requestUpdate();
  }

  private _show(request: PairingRequest): void {
    this._set({ kind: 'showing', request });
  }

  private _later(fn: () => Promise<void>, ms: number): void {
    clearTimeout(this._timer);
    if (!this._stopped) this._timer = setTimeout(() => void fn(), ms);
  }

  private async _ask(): Promise<void> {
    const kind = this._kind();
    try {
      const res = await fetch('/api/pairing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind }),
        cache: 'no-store',
      });
      const body = (await res.json()) as Partial<PairingRequest> & { message?: string };
      if (!res.ok || !body.id || !body.code || !body.secret || !body.expiresAt) {
        const wait = Number(res.headers.get('Retry-After') ?? 0) * 1000;
        this._set({ kind: 'waiting', message: body.message ?? `HTTP ${res.status}` });
        this._later(() => this._ask(), Math.max(wait, RETRY_MS));
        return;
      }
      const request: PairingRequest = {
        id: body.id,
        code: body.code,
        secret: body.secret,
        expiresAt: body.expiresAt,
        kind,
      };
      localStorage.setItem(REQUEST_KEY, JSON.stringify(request));
      this._show(request);
      this._later(() => this._poll(), POLL_MS);
    } catch {
      this._set({ kind: 'waiting', message: '' });
      this._later(() => this._ask(), RETRY_MS);
    }
  }

  private async _poll(): Promise<void> {
    // Another page of this screen (/take beside /board) may have been paired meanwhile.
    if (localStorage.getItem(TOKEN_KEY)) return this._start();
    const request = this.view.kind === 'showing' ? this.view.request : kept(this._kind());
    if (!request) return this._ask();
    let res: Response;
    try {
      res = await fetch(`/api/pairing/${encodeURIComponent(request.id)}`, {
        headers: { 'X-Pairing-Secret': request.secret },
        cache: 'no-store',
      });
    } catch {
      // The server is away: keep showing the code, it is still good when it is back.
      this._later(() => this._poll(), RETRY_MS);
      return;
    }
    if (res.status === 200) {
      const body = (await res.json()) as {
        status: string;
        token?: string;
        device?: { name: string };
      };
      if (body.status === 'paired' && body.token) {
        localStorage.setItem(TOKEN_KEY, body.token);
        localStorage.removeItem(REQUEST_KEY);
        this._set({ kind: 'paired', name: body.device?.name ?? '' });
        this._later(() => this._start(), STARTING_MS);
        return;
      }
      this._host.requestUpdate(); // the minutes left
      this._later(() => this._poll(), POLL_MS);
      return;
    }
    // Expired, collected elsewhere or forgotten: a new code.
    if (res.status === 404 || res.status === 410) {
      localStorage.removeItem(REQUEST_KEY);
      return this._ask();
    }
    this._later(() => this._poll(), RETRY_MS);
  }

  private async _start(): Promise<void> {
    if (!this._stopped) location.reload();
  }
}
