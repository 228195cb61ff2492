import './dc-player-app.ts';

// The service worker keeps the page itself available when the server is not; it needs a
// secure context (localhost, HTTPS, or the kiosk flag in README).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .catch((err: Error) => console.warn(`service worker: ${err.message}`));
}
