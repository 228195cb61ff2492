/** Logos kept as data URLs: at most this many at once (a directory of 2,000 shows a page). */
const MAX = 300;
const LOGO_CACHE = 'deskcast-guide-images-v1';

/**
 * Merchants' logos for the guide screen. `/images/…` wants the device's token, which an
 * `<img src>` cannot send, and the page's CSP allows `data:` images: each logo is fetched with
 * the token, kept (Cache API, for a start without the server) and shown as a data URL.
 */
export class LogoCache {
  /** Goes up with every logo loaded: a new lookup function for the elements that show them. */
  version = 0;
  private readonly _urls = new Map<string, string>();
  private readonly _loading = new Set<string>();

  constructor(
    private readonly _token: string,
    private readonly _changed: () => void,
  ) {}

  /** The logo as a data URL, or undefined while it loads (the card shows initials meanwhile). */
  get(url: string | null): string | undefined {
    if (!url) return undefined;
    const hit = this._urls.get(url);
    if (hit || this._loading.has(url)) return hit;
    this._loading.add(url);
    void this._load(url).finally(() => this._loading.delete(url));
    return undefined;
  }

  private async _load(url: string): Promise<void> {
    const cache =
      'caches' in globalThis ? await caches.open(LOGO_CACHE).catch(() => undefined) : undefined;
    let res: Response | undefined;
    try {
      res = await fetch(url, { headers: { Authorization: `Bearer ${this._token}` } });
      if (res.ok) await cache?.put(url, res.clone());
      else res = undefined;
    } catch {
      res = undefined;
    }
    res ??= await cache?.match(url);
    if (!res) return;
    const blob = await res.blob();
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.onerror = () => reject(r.error);
      r.readAsDataURL(blob);
    });
    if (this._urls.size >= MAX) this._urls.delete(this._urls.keys().next().value as string);
    this._urls.set(url, dataUrl);
    this.version++;
    this._changed();
  }
}
