import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { COUNTER_STATUS_TEXT } from '../queue-format.ts';
import { baseStyles } from '../queue-theme.ts';
import type { CounterState } from '../queue-types.ts';

/** What the card under a counter's number says about it. */
function statusOf(k: CounterState): string {
  if (k.status === 'paused') return COUNTER_STATUS_TEXT.paused;
  if (k.current?.status === 'serving') return '办理中';
  if (k.current?.status === 'called') return '请到窗口';
  return '空闲';
}

/** A card per open counter: its name, the number it serves now, and whether it is free. */
@customElement('dc-board-counters')
export class DcBoardCounters extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* Fills the height the board gives it: a card per counter, its words sized by the card
         (cq units), so six numbers stay six numbers at any screen size. */
      :host {
        display: block;
        background: transparent;
      }
      .counters {
        height: 100%;
        display: grid;
        grid-template-columns: repeat(var(--cols, 3), minmax(0, 1fr));
        grid-auto-rows: minmax(0, 1fr);
        gap: 1.5vmin;
      }
      .counter {
        container-type: size;
        overflow: hidden;
        border-radius: 1.2vmin;
        background: var(--dc-panel);
        text-align: center;
      }
      .card {
        height: 100%;
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding: 4cqh 3cqw;
      }
      .name {
        font-size: min(17cqh, 12cqw);
        line-height: 1.2;
      }
      .current {
        font-size: min(44cqh, 24cqw);
        line-height: 1.1;
        white-space: nowrap;
      }
      .status {
        font-size: max(min(13cqh, 9cqw), 11px);
        line-height: 1.2;
        color: var(--dc-muted);
      }
      .paused .current {
        opacity: 0.4;
      }
      .none {
        margin: 0;
        color: var(--dc-muted);
        font-size: max(2.4vmin, 13px);
      }
    `,
  ];

  @property({ attribute: false }) counters: CounterState[] = [];

  override render() {
    const shown = this.counters.filter((k) => k.status !== 'closed');
    if (shown.length === 0) return html`<p class="none">暂无开放窗口 No counter open</p>`;
    // Up to three in a row, then four or five: rows stay few enough for large numbers.
    const n = shown.length;
    const cols = n <= 3 ? n : n <= 6 ? 3 : n <= 8 ? 4 : 5;
    return html`<div class="counters" data-testid="counters" style="--cols: ${cols}">
      ${shown.map((k) => {
        const active = k.current?.status === 'called' || k.current?.status === 'serving';
        return html`<div class="counter ${k.status}" data-counter=${k.number}>
          <div class="card">
            <div class="name">${k.name}</div>
            <div class="current code">${active ? k.current?.code : '—'}</div>
            <div class="status">${statusOf(k)}</div>
          </div>
        </div>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-board-counters': DcBoardCounters;
  }
}
