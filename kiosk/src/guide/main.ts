import './dc-guide-app.ts';

// The service worker keeps the page and its scripts for a start without the server (README:
// offline); it needs a secure context (localhost, HTTPS, or the kiosk flag).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .catch((err: Error) => console.warn(`service worker: ${err.message}`));
}
