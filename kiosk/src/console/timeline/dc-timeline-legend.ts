import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ITEM_STATES, type ItemState } from '../../../../core/item-states.ts';
import type { PlanItem } from '../../../../core/plan.ts';
import { STATE_STYLE, swatchOf, type Swatch } from './timeline-palette.ts';

/** What the timeline's colours mean: the slots of this plan, and the states with their counts. */
@customElement('dc-timeline-legend')
export class DcTimelineLegend extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: 0.78rem;
      color: var(--sl-color-neutral-700);
    }
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .head {
      font-weight: 600;
      color: var(--sl-color-neutral-600);
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      white-space: nowrap;
    }
    .box {
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 2px;
    }
    .strip {
      width: 0.9rem;
      height: 0.3rem;
      border-radius: 1px;
    }
    .n {
      font-weight: 600;
      color: var(--sl-color-neutral-900);
    }
  `;

  @property({ attribute: false }) items: readonly Pick<PlanItem, 'slot' | 'kind' | 'layer'>[] = [];
  /** How many items are in each state; no state legend without it. */
  @property({ attribute: false }) counts?: Readonly<Record<ItemState, number>>;

  private _swatches: Swatch[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('items')) return;
    const seen = new Map<string, Swatch>();
    for (const i of this.items) {
      const s = swatchOf(i);
      if (!seen.has(s.key)) seen.set(s.key, s);
    }
    this._swatches = [...seen.values()];
  }

  override render() {
    const counts = this.counts;
    return html`<div class="group">
        <span class="head">内容 · Content</span>
        ${this._swatches.map(
          (s) =>
            html`<span class="chip"
              ><span class="box" style="background:${s.colour}"></span>${s.zh} · ${s.en}</span
            >`,
        )}
      </div>
      ${
        counts
          ? html`<div class="group" data-testid="state-counts">
              <span class="head">状态 · State</span>
              ${ITEM_STATES.filter((s) => counts[s] > 0 || s !== 'due').map(
                (s) =>
                  html`<span class="chip" data-state=${s}
                    ><span class="strip" style="background:${STATE_STYLE[s].colour}"></span
                    >${STATE_STYLE[s].zh} · ${STATE_STYLE[s].en}
                    <span class="n">${counts[s]}</span></span
                  >`,
              )}
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-timeline-legend': DcTimelineLegend;
  }
}
