import { svg } from 'lit';

/** A weather condition (多云, 小雨…) as a plain icon: the kiosk's fonts have no emoji. */
export function weatherIcon(condition: string) {
  if (/雷/.test(condition))
    return svg`<path fill="#c9d6e3" d="M7 15a5 5 0 0 1 .7-9.9A6 6 0 0 1 19 8a4 4 0 0 1 0 8H7Z"/><path fill="#f2b84b" d="m12 13-3 6h3l-1 4 4-7h-3l1-3z"/>`;
  if (/雪/.test(condition))
    return svg`<path fill="#c9d6e3" d="M7 14a5 5 0 0 1 .7-9.9A6 6 0 0 1 19 7a4 4 0 0 1 0 8H7Z"/><g fill="#fff"><circle cx="8" cy="19" r="1.4"/><circle cx="12" cy="21" r="1.4"/><circle cx="16" cy="19" r="1.4"/></g>`;
  if (/雨/.test(condition))
    return svg`<path fill="#c9d6e3" d="M7 14a5 5 0 0 1 .7-9.9A6 6 0 0 1 19 7a4 4 0 0 1 0 8H7Z"/><path stroke="#6cb4f0" stroke-width="1.8" stroke-linecap="round" d="m8 17-1 3m5-3-1 3m5-3-1 3"/>`;
  if (/雾|霾|沙|尘/.test(condition))
    return svg`<path stroke="#c9d6e3" stroke-width="2" stroke-linecap="round" d="M4 8h16M2 12h18M5 16h15M8 20h10"/>`;
  if (/阴|云/.test(condition))
    return svg`<circle cx="9" cy="8" r="4" fill="#f2b84b"/><path fill="#dfe7ef" d="M8 19a5 5 0 0 1 .7-9.9A6 6 0 0 1 20 12a4 4 0 0 1 0 7H8Z"/>`;
  return svg`<circle cx="12" cy="12" r="5" fill="#f2b84b"/><path stroke="#f2b84b" stroke-width="2" stroke-linecap="round" d="M12 2v2m0 16v2M2 12h2m16 0h2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>`;
}
