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
      :host {
        background: transparent;
      }
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14vw, 1fr));
        gap: 1.5vh 1.2vw;
      }
      .counter {
        padding: 1.5vh 1vw;
        border-radius: 1.2vh;
        background: var(--dc-panel);
        text-align: center;
      }
      .name {
        font-size: 3.2vh;
      }
      .current {
        font-size: 7.5vh;
        line-height: 1.15;
      }
      .status {
        font-size: 2.2vh;
        color: var(--dc-muted);
      }
      .paused .current {
        opacity: 0.4;
      }
      .none {
        color: var(--dc-muted);
        font-size: 2.4vh;
      }
    `,
  ];

  @property({ attribute: false }) counters: CounterState[] = [];

  override render() {
    const shown = this.counters.filter((k) => k.status !== 'closed');
    if (shown.length === 0) return html`<p class="none">暂无开放窗口 No counter open</p>`;
    return html`<div class="counters" data-testid="counters">
      ${shown.map((k) => {
        const active = k.current?.status === 'called' || k.current?.status === 'serving';
        return html`<div class="counter ${k.status}" data-counter=${k.number}>
          <div class="name">${k.name}</div>
          <div class="current code">${active ? k.current?.code : '—'}</div>
          <div class="status">${statusOf(k)}</div>
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
