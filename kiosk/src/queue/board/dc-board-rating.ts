import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ICONS } from '../../lib/icons.ts';
import { RATING_TEXT } from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import { RATINGS, type Rating } from '../queue-types.ts';
import type { RatingPrompt } from './board-controller.ts';

export type BoardRateEvent = CustomEvent<{ token: string; rating: Rating }>;

/** One counter's request for a rating: three big drawn faces; a tap sends `dc-board-rate` up. */
@customElement('dc-board-rating')
export class DcBoardRating extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      /* Sized by the place the board gives it (cq units), so it never reaches the counters. */
      :host {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 5cqh;
        container-type: size;
        padding: 1.5vmin;
        border-radius: 1.5vmin;
        background: var(--dc-panel);
        border: 0.4vmin solid var(--dc-accent);
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: min(12cqh, 5cqw);
        line-height: 1.2;
      }
      h2 .en {
        display: block;
      }
      .faces {
        display: flex;
        gap: 3cqw;
        justify-content: center;
        min-height: 0;
      }
      button {
        flex: 1;
        min-width: 0;
        padding: 2cqh 1cqw;
        font-size: min(8cqh, 4cqw);
        line-height: 1.2;
        border-radius: 1.2vmin;
      }
      button .en {
        display: block;
        font-size: max(0.7em, 10px);
      }
      .face {
        display: block;
        margin: 0 auto 1cqh;
        width: min(26cqh, 10cqw);
        height: min(26cqh, 10cqw);
      }
      .thanks {
        font-size: min(14cqh, 6cqw);
      }
      /* A tall place (the portrait board): the three choices one under the other. */
      @container (max-aspect-ratio: 1/1) {
        :host {
          gap: 3cqh;
        }
        h2 {
          font-size: min(5.5cqh, 8cqw);
        }
        .faces {
          flex-direction: column;
          gap: 2.5cqh;
        }
        button {
          display: flex;
          align-items: center;
          gap: 5cqw;
          padding: 2cqh 6cqw;
          font-size: min(5cqh, 8cqw);
          text-align: left;
        }
        .face {
          flex: none;
          margin: 0;
          width: min(11cqh, 17cqw);
          height: min(11cqh, 17cqw);
        }
        .thanks {
          font-size: min(6cqh, 9cqw);
        }
      }
      .thanks .en {
        display: block;
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
              <svg class="face" viewBox="0 0 24 24" aria-hidden="true">${ICONS[r]}</svg>
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
