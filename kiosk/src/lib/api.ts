/** The device token: from `?token=` once (then kept), or from what was kept before. */
export function deviceToken(): string | undefined {
  const fromUrl = new URL(location.href).searchParams.get('token');
  if (fromUrl) {
    localStorage.setItem('deskcast.token', fromUrl);
    // Keep it out of the address bar (and out of screenshots of the kiosk).
    const url = new URL(location.href);
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
    return fromUrl;
  }
  return localStorage.getItem('deskcast.token') ?? undefined;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls to the server as this device; every call carries its bearer token. */
export class Api {
  constructor(readonly token: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  async get<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(path, {
      ...init,
      headers: this.headers(init.headers as Record<string, string>),
    });
    if (!res.ok)
      throw new ApiError(res.status, `${path}: ${res.status} ${await res.text().catch(() => '')}`);
    return (await res.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(path, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    if (!res.ok)
      throw new ApiError(res.status, `${path}: ${res.status} ${await res.text().catch(() => '')}`);
    return (await res.json()) as T;
  }
}

/** The mall's public facts every customer screen shows: its name and its time zone. */
export interface MallSite {
  name: string;
  nameEn: string;
  timezone: string;
}

const SITE_KEY = 'deskcast.site';

/**
 * The mall's name and zone from `/api/site`, kept in localStorage so a screen started while the
 * server is down still shows them; `fallback` only on a screen that never reached the server.
 */
export async function mallSite(fallback: MallSite): Promise<MallSite> {
  try {
    const s = (await (await fetch('/api/site', { cache: 'no-store' })).json()) as MallSite;
    const site = { name: s.name, nameEn: s.nameEn, timezone: s.timezone };
    localStorage.setItem(SITE_KEY, JSON.stringify(site));
    return site;
  } catch {
    try {
      return { ...fallback, ...(JSON.parse(localStorage.getItem(SITE_KEY) ?? '{}') as MallSite) };
    } catch {
      return fallback;
    }
  }
}
