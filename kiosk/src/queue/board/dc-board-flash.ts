import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../queue-theme.ts';

/**
 * The call just made, large: "请 A012 号 到 2号窗口". Blinks while `blinking` (the board turns
 * it off after a few seconds), so a new call catches the eye from across the hall. Its sizes
 * are custom properties (--dc-flash-code, -word, -counter, -label, -en, -pad, -gap) a page sets
 * to fit the place it gives the panel.
 */
@customElement('dc-board-flash')
export class DcBoardFlash extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        text-align: center;
        background: transparent;
      }
      .box {
        border-radius: 2vh;
        padding: var(--dc-flash-pad, 2vh 2vw);
        background: var(--dc-panel);
      }
      :host([blinking]) .box {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        animation: blink 1s steps(1, end) infinite;
      }
      /* The colours swap rather than fade, so the number stays legible in both phases. */
      @keyframes blink {
        50% {
          background: var(--dc-panel);
          color: var(--dc-accent);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        :host([blinking]) .box {
          animation: none;
        }
      }
      .label {
        font-size: var(--dc-flash-label, 3vh);
        opacity: 0.8;
      }
      .line {
        display: flex;
        justify-content: center;
        align-items: baseline;
        gap: var(--dc-flash-gap, 2vw);
        white-space: nowrap;
      }
      .word {
        font-size: var(--dc-flash-word, 6vh);
      }
      .code {
        font-size: var(--dc-flash-code, 16vh);
        line-height: 1.1;
      }
      .counter {
        font-size: var(--dc-flash-counter, 10vh);
        font-weight: 700;
      }
      .en {
        font-size: var(--dc-flash-en, 3vh);
        color: inherit;
        opacity: 0.75;
      }
      :host([blinking]) .en {
        color: inherit;
      }
    `,
  ];

  @property() code = '';
  @property() counterName = '';
  @property({ type: Number }) callCount = 1;
  @property({ type: Boolean, reflect: true }) blinking = false;

  override render() {
    if (!this.code) {
      return html`<div class="box">
        <div class="label">当前叫号 <span class="en">Now calling</span></div>
        <div class="line"><span class="word">暂无叫号</span></div>
      </div>`;
    }
    return html`<div class="box" role="status" aria-live="assertive" data-testid="flash">
      <div class="label">
        ${
          !this.blinking
            ? html`最近叫号 <span class="en">Last call</span>`
            : this.callCount > 1
              ? html`再次呼叫（第 ${this.callCount} 次） <span class="en">Called again</span>`
              : html`正在叫号 <span class="en">Now calling</span>`
        }
      </div>
      <div class="line">
        <span class="word">请</span>
        <span class="code" data-testid="flash-code">${this.code}</span>
        <span class="word">号 到</span>
        <span class="counter">${this.counterName}</span>
      </div>
      <div class="en">
        Ticket ${this.code}, please go to counter ${this.counterName.replace(/\D+/g, '')}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-board-flash': DcBoardFlash;
  }
}
