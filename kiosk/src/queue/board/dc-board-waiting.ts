import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CLOSED_TEXT, shortName, waitText } from '../queue-format.ts';
import { baseStyles } from '../queue-theme.ts';
import type { QueueState } from '../queue-types.ts';

/**
 * How many wait in each service, and for how long: a row per service sharing the height the
 * board gives the list, its words sized by that height over the number of rows, so every
 * service shows however many there are.
 */
@customElement('dc-board-waiting')
export class DcBoardWaiting extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        container-type: size;
        background: transparent;
      }
      table {
        width: 100%;
        max-height: 100%;
        border-collapse: collapse;
        /* A row's share of the height, and the screen's limit for a list like this. */
        font-size: min(calc(100cqh / var(--rows, 6) * 0.3), 3.2vmin, 5.4cqw);
        line-height: 1.2;
      }
      td {
        padding: 0.25em 0.4em;
        border-bottom: 1px solid var(--dc-line);
      }
      tr:last-child td {
        border-bottom: 0;
      }
      td .en {
        display: block;
        font-size: max(0.62em, 10px);
      }
      td.num {
        text-align: right;
        white-space: nowrap;
      }
      .muted {
        color: var(--dc-muted);
      }
      .closed {
        color: var(--dc-muted);
      }
    `,
  ];

  @property({ attribute: false }) state?: QueueState;

  override render() {
    const state = this.state;
    if (!state) return html``;
    const services = [...state.services].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    return html`<table data-testid="waiting" style="--rows: ${Math.max(services.length, 4)}">
      ${services.map((s) => {
        const n = state.waiting[s.id] ?? s.waiting;
        const wait = s.open ? waitText(s.estimatedWaitMin, n) : CLOSED_TEXT;
        return html`<tr data-service=${s.id} class=${s.open ? '' : 'closed'}>
          <td>${s.prefix} · ${shortName(s.name)} <span class="en">${s.nameEn}</span></td>
          <td class="num"><span class="code">${n}</span> 人</td>
          <td class="num muted">${wait.zh} <span class="en">${wait.en}</span></td>
        </tr>`;
      })}
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-board-waiting': DcBoardWaiting;
  }
}
