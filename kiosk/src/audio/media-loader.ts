import type { Api } from '../lib/api.ts';

/** Cache API name for media and rendered speech; also read by the service worker offline. */
export const MEDIA_CACHE = 'deskcast-media-v1';

/**
 * Fetches audio once into the Cache API (it survives reloads and outages) and decodes it into
 * AudioBuffers, keeping only a bounded amount decoded in memory.
 */
export class MediaLoader {
  private readonly _decoded = new Map<string, Promise<AudioBuffer>>();

  constructor(
    private readonly _api: Api,
    private readonly _ctx: AudioContext,
    /** Decoded audio kept in memory, in seconds (about 11 MB a minute at 48 kHz stereo). */
    private readonly _keepSeconds = 30 * 60,
  ) {}

  /** The response for a URL from the cache, else the network (then cached). */
  async fetchCached(url: string): Promise<Response> {
    const cache = 'caches' in globalThis ? await caches.open(MEDIA_CACHE) : undefined;
    const hit = await cache?.match(url);
    if (hit) return hit;
    const res = await fetch(url, { headers: this._api.headers() });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await cache?.put(url, res.clone());
    return res;
  }

  /** Makes sure a file is on this machine, without decoding it (for tomorrow's plan). */
  async warm(url: string): Promise<void> {
    const res = await this.fetchCached(url);
    await res.body?.cancel();
  }

  decode(url: string): Promise<AudioBuffer> {
    let p = this._decoded.get(url);
    if (!p) {
      p = this.fetchCached(url)
        .then((r) => r.arrayBuffer())
        .then((bytes) => this._ctx.decodeAudioData(bytes));
      // A failed file is not remembered: the next attempt tries again.
      p.catch(() => this._decoded.delete(url));
      this._decoded.set(url, p);
      void p.then(
        () => this._trim(url),
        () => undefined,
      );
    }
    return p;
  }

  /** Forgets the oldest decoded buffers beyond the budget (never the one just added). */
  private async _trim(keep: string): Promise<void> {
    let total = 0;
    const entries = [...this._decoded.entries()].reverse();
    for (const [url, p] of entries) {
      const buffer = await p.catch(() => undefined);
      total += buffer?.duration ?? 0;
      if (total > this._keepSeconds && url !== keep) this._decoded.delete(url);
    }
  }
}
