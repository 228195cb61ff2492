import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../queue/queue-theme.ts';
import { say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { Lang } from './guide-types.ts';

export type GuideKeyEvent = CustomEvent<{ key: string }>;

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * The on-screen keyboard: a kiosk has no other. Letters (pinyin is typed as letters: lanting,
 * ltsf) and digits (units: A201); delete, clear. Each key is at least a finger wide. Keys go up
 * as `dc-guide-key` (`Backspace`, `Clear` or the character).
 */
@customElement('dc-guide-keyboard')
export class DcGuideKeyboard extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: grid;
        grid-auto-rows: minmax(var(--g-touch), 10vmin);
        align-content: end;
        gap: 0.9vmin;
        background: transparent;
        user-select: none;
      }
      .row {
        display: flex;
        gap: 0.9vmin;
        justify-content: center;
      }
      button {
        flex: 1 1 0;
        max-width: 9.5vmin;
        min-height: var(--g-touch);
        border-radius: 1vmin;
        background: var(--g-raised);
        font-size: 3.2vmin;
        font-weight: 500;
        text-transform: uppercase;
      }
      button:active {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
      }
      .wide {
        flex: 2 1 0;
        max-width: 18vmin;
        font-size: var(--g-text);
        text-transform: none;
      }
    `,
  ];

  @property() locale: Lang = 'zh';

  override render() {
    return html`
      ${ROWS.map(
        (row, i) =>
          html`<div class="row">
            ${[...row].map((k) => html`<button data-key=${k} @click=${() => this._key(k)}>${k}</button>`)}
            ${
              i === 3
                ? html`<button
                      class="wide"
                      data-key="Backspace"
                      aria-label="删除 Delete"
                      @click=${() => this._key('Backspace')}
                    >
                      <svg viewBox="0 0 24 24" width="4vmin" height="4vmin" aria-hidden="true">
                        <path
                          fill="currentColor"
                          d="M21 5H8.4L2 12l6.4 7H21a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1Zm-3.3 10.3-1.4 1.4L13 13.4l-3.3 3.3-1.4-1.4 3.3-3.3-3.3-3.3 1.4-1.4 3.3 3.3 3.3-3.3 1.4 1.4-3.3 3.3Z"
                        />
                      </svg>
                    </button>
                    <button class="wide" data-key="Clear" @click=${() => this._key('Clear')}>
                      ${say('clear', this.locale)}
                    </button>`
                : ''
            }
          </div>`,
      )}
    `;
  }

  private _key(key: string): void {
    this.dispatchEvent(
      new CustomEvent('dc-guide-key', {
        detail: { key },
        bubbles: true,
        composed: true,
      }) satisfies GuideKeyEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-keyboard': DcGuideKeyboard;
  }
  interface HTMLElementEventMap {
    'dc-guide-key': GuideKeyEvent;
  }
}
