/// <reference lib="webworker" />
/**
 * The kiosks' service worker (player, guide screen): keeps the page shell (HTML, scripts) for a reload while the
 * server is away, and answers media, speech and plans from the caches the page filled.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = 'deskcast-shell-v1';
const READ_FROM = ['deskcast-media-v1', 'deskcast-plans-v1', SHELL];

/** The pages that run without the server: the player, and the guide screen (its data and logos it keeps itself). */
const OFFLINE_PAGES = ['/player', '/guide'];

/** Each page and the scripts it loads, found in the page itself (their names carry a hash). */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(SHELL);
  for (const path of OFFLINE_PAGES) {
    const page = await fetch(path, { cache: 'no-store' });
    if (!page.ok) continue;
    const html = await page.clone().text();
    await cache.put(path, page);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    await cache.addAll(assets);
  }
}

sw.addEventListener('install', (e) => {
  e.waitUntil(cacheShell().then(() => sw.skipWaiting()));
});
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));

sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  const isShell = e.request.mode === 'navigate' || url.pathname.startsWith('/assets/');
  const isStored =
    url.pathname.startsWith('/media/') ||
    url.pathname.startsWith('/tts/') ||
    url.pathname === '/api/plan' ||
    url.pathname === '/api/speech';
  if (!isShell && !isStored) return;
  e.respondWith(
    (async () => {
      try {
        const res = await fetch(e.request);
        if (isShell && res.ok) await (await caches.open(SHELL)).put(e.request, res.clone());
        return res;
      } catch (err) {
        for (const name of READ_FROM) {
          // The page is one page whatever its query string (?token=…); data URLs differ by it.
          const hit = await (
            await caches.open(name)
          ).match(e.request, { ignoreVary: true, ignoreSearch: isShell });
          if (hit) return hit;
        }
        throw err;
      }
    })(),
  );
});
