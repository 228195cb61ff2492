import { svg, type SVGTemplateResult } from 'lit';

/**
 * Small line icons for the kiosk pages, drawn as inline SVG in `currentColor`: the kiosks'
 * fonts have no emoji (the guide's weather icons are drawn the same way). Each is the inside of
 * a 24×24 `<svg>`; `icon()` wraps one.
 */
const FACE = svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.8"/><circle cx="8.8" cy="9.8" r="1.3" fill="currentColor"/><circle cx="15.2" cy="9.8" r="1.3" fill="currentColor"/>`;

export const ICONS = {
  satisfied: svg`${FACE}<path d="M7.6 14.2a5 5 0 0 0 8.8 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  neutral: svg`${FACE}<path d="M8 15.5h8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  dissatisfied: svg`${FACE}<path d="M7.6 17a5 5 0 0 1 8.8 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  /** An announcement: a loudspeaker horn. */
  announce: svg`<path d="M3 10v4a1 1 0 0 0 1 1h2l1.5 5h2.5l-1.5-5h.5l9 4V5l-9 4H4a1 1 0 0 0-1 1Z" fill="currentColor"/><path d="M21 9.5v5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
} as const satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof ICONS;

/** An icon as an inline `<svg>` the size of the text around it (1em), hidden from readers. */
export const icon = (name: IconName, cls = 'icon') =>
  svg`<svg class=${cls} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">${ICONS[name]}</svg>`;
