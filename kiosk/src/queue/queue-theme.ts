import { css } from 'lit';

/**
 * The queue pages' look, as CSS custom properties a page (or a mall's stylesheet on the host
 * element) may override. Screens in the hall are dark (legible from afar, no glare); the desk
 * PC and the customer's phone are light.
 */
export const darkTheme = css`
  :host {
    --dc-bg: #14202c;
    --dc-panel: #1f3042;
    --dc-panel-2: #2a3f55;
    --dc-text: #eef3f8;
    --dc-muted: #9fb3c6;
    --dc-accent: #f2b84b;
    --dc-accent-text: #1a1a1a;
    --dc-ok: #7bd88f;
    --dc-bad: #ff8a7a;
    --dc-line: #34495e;
  }
`;

export const lightTheme = css`
  :host {
    --dc-bg: #f3f5f8;
    --dc-panel: #ffffff;
    --dc-panel-2: #e8edf3;
    --dc-text: #17212b;
    --dc-muted: #5b6b7b;
    --dc-accent: #c8102e;
    --dc-accent-text: #ffffff;
    --dc-ok: #1f7a3a;
    --dc-bad: #b3261e;
    --dc-line: #d5dde6;
  }
`;

/** Fonts, numerals and the base of every page. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family:
      'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
    color: var(--dc-text);
    background: var(--dc-bg);
    font-variant-numeric: tabular-nums;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .en {
    color: var(--dc-muted);
    font-size: 0.6em;
    font-weight: normal;
  }
  .code {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  .banner {
    padding: 0.6em 1em;
    border-radius: 0.4em;
    background: var(--dc-bad);
    color: #fff;
  }
  [hidden] {
    display: none !important;
  }
`;

/** Buttons people press with a finger: big targets, a clear disabled look. */
export const buttonStyles = css`
  button {
    font: inherit;
    border: 0;
    border-radius: 0.4em;
    padding: 0.6em 1em;
    background: var(--dc-panel-2);
    color: var(--dc-text);
    cursor: pointer;
    touch-action: manipulation;
  }
  button.primary {
    background: var(--dc-accent);
    color: var(--dc-accent-text);
    font-weight: 600;
  }
  /* English under a coloured button takes the button's colour, not the page's grey. */
  button.primary .en,
  button[aria-pressed='true'] .en {
    color: inherit;
    opacity: 0.75;
  }
  button:disabled {
    opacity: 0.4;
    cursor: not-allowed;
  }
  button:focus-visible {
    outline: 3px solid var(--dc-accent);
    outline-offset: 2px;
  }
`;
