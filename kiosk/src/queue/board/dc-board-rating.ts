import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RATING_TEXT } from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import { RATINGS, type Rating } from '../queue-types.ts';
import type { RatingPrompt } from './board-controller.ts';

export type BoardRateEvent = CustomEvent<{ token: string; rating: Rating }>;

/** One counter's request for a rating: three big faces; a tap sends `dc-board-rate` up. */
@customElement('dc-board-rating')
export class DcBoardRating extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        padding: 3vh 3vw;
        border-radius: 2vh;
        background: var(--dc-panel);
        border: 0.4vh solid var(--dc-accent);
        text-align: center;
      }
      h2 {
        margin: 0 0 2vh;
        font-size: 4.5vh;
      }
      .faces {
        display: flex;
        gap: 2vw;
        justify-content: center;
      }
      button {
        min-width: 14vw;
        padding: 1.5vh 1vw;
        font-size: 3.6vh;
        border-radius: 1.5vh;
      }
      .face {
        display: block;
        font-size: 7vh;
        line-height: 1.2;
      }
      .thanks {
        font-size: 5vh;
        padding: 3vh 0;
      }
    `,
  ];

  @property({ attribute: false }) prompt?: RatingPrompt;

  override render() {
    const p = this.prompt;
    if (!p) return html``;
    if (p.state === 'thanks' || p.state === 'failed') {
      return html`<div class="thanks" role="status">
        谢谢您的评价！<span class="en">Thank you!</span>
      </div>`;
    }
    return html`
      <h2>
        请为 ${p.counter.name} 的服务评价
        <span class="en">Please rate the service at counter ${p.counter.number}</span>
      </h2>
      <div class="faces">
        ${RATINGS.map(
          (r) =>
            html`<button
              data-rating=${r}
              ?disabled=${p.state !== 'asking'}
              @click=${() => this._rate(p.token, r)}
            >
              <span class="face" aria-hidden="true">${RATING_TEXT[r].face}</span>
              ${RATING_TEXT[r].zh}
              <span class="en">${RATING_TEXT[r].en}</span>
            </button>`,
        )}
      </div>
    `;
  }

  private _rate(token: string, rating: Rating): void {
    this.dispatchEvent(
      new CustomEvent('dc-board-rate', {
        detail: { token, rating },
        bubbles: true,
        composed: true,
      }) satisfies BoardRateEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-board-rating': DcBoardRating;
  }
  interface HTMLElementEventMap {
    'dc-board-rate': BoardRateEvent;
  }
}
