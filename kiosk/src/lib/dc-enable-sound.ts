import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * The full-screen "tap to enable sound" button a kiosk shows when the browser blocks audio
 * (no autoplay flag). Fires `enable-sound` on the tap, which is the user gesture the browser
 * wants before any audio may start.
 */
@customElement('dc-enable-sound')
export class DcEnableSound extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 10;
      display: flex;
      align-items: center;
      justify-content: center;
      background: rgba(10, 16, 22, 0.92);
    }
    button {
      font: inherit;
      font-size: 5vh;
      padding: 4vh 6vw;
      border: 0;
      border-radius: 2vh;
      background: var(--dc-accent, #f2b84b);
      color: #1a1a1a;
      cursor: pointer;
    }
  `;

  override render() {
    return html`<button @click=${this._tap}>
      点击启用声音<br /><small>Tap to enable sound</small>
    </button>`;
  }

  private _tap(): void {
    this.dispatchEvent(new CustomEvent('enable-sound', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-enable-sound': DcEnableSound;
  }
}
