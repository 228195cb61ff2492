import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shortName } from '../queue-format.ts';
import { baseStyles } from '../queue-theme.ts';
import type { QueueState } from '../queue-types.ts';
import { counterStyles } from './counter-styles.ts';

/** How many wait per service, this counter's services first and marked. */
@customElement('dc-counter-waiting')
export class DcCounterWaiting extends LitElement {
  static override styles = [
    baseStyles,
    counterStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }
      td {
        padding: 6px 4px;
        border-bottom: 1px solid var(--dc-line);
      }
      tr:last-child td {
        border-bottom: 0;
      }
      td.num {
        text-align: right;
        font-weight: 600;
        white-space: nowrap;
      }
      tr.mine td:first-child::before {
        content: '● ';
        color: var(--dc-accent);
      }
    `,
  ];

  @property({ attribute: false }) state?: QueueState;
  /** This counter's services. */
  @property({ attribute: false }) mine: string[] = [];

  override render() {
    const s = this.state;
    if (!s) return html``;
    const services = [...s.services].sort(
      (a, b) =>
        Number(!this.mine.includes(a.id)) - Number(!this.mine.includes(b.id)) ||
        (a.order ?? 0) - (b.order ?? 0),
    );
    return html`<div class="panel">
      <h2>等候人数 <span class="en">Waiting</span></h2>
      <table data-testid="waiting">
        ${services.map(
          (x) =>
            html`<tr class=${this.mine.includes(x.id) ? 'mine' : ''} data-service=${x.id}>
              <td>${x.prefix} · ${shortName(x.name)}</td>
              <td class="num">${s.waiting[x.id] ?? x.waiting} 人</td>
            </tr>`,
        )}
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-waiting': DcCounterWaiting;
  }
}
