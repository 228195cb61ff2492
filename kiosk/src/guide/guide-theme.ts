import { css } from 'lit';

/**
 * The guide screen's look over the queue pages' dark theme (queue-theme.ts): one type scale
 * in vmin, so the same page reads the same in landscape and portrait, and large touch targets
 * (at least 6.5 vmin ≈ 70 px on a 1080 px side).
 */
export const guideStyles = css`
  :host {
    --g-gap: 1.6vmin;
    --g-radius: 1.4vmin;
    --g-touch: 7vmin;
    --g-text: 2.3vmin;
    --g-small: 1.75vmin;
    --g-title: 3.1vmin;
    --g-brand: #c8102e;
    --g-panel: var(--dc-panel);
    --g-raised: var(--dc-panel-2);
  }
  button {
    font: inherit;
    color: inherit;
    border: 0;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 0.4vmin solid var(--dc-accent);
    outline-offset: 0.2vmin;
  }
  .en {
    color: var(--dc-muted);
    font-weight: normal;
  }
  .chip {
    min-height: var(--g-touch);
    padding: 0 2.2vmin;
    border-radius: 999px;
    background: var(--g-raised);
    font-size: var(--g-text);
    white-space: nowrap;
  }
  .chip[aria-pressed='true'] {
    background: var(--dc-accent);
    color: var(--dc-accent-text);
    font-weight: 600;
  }
  .chip[aria-pressed='true'] .en {
    color: inherit;
    opacity: 0.75;
  }
`;
