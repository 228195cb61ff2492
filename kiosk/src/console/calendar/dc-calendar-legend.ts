import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DAY_KINDS, type DayKind } from './calendar-types.ts';

/** What each colour of the calendar means; a day may be several (its chips stack). */
@customElement('dc-calendar-legend')
export class DcCalendarLegend extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 1rem;
      align-items: center;
      font-size: 0.8rem;
      color: var(--sl-color-neutral-700);
    }
    .k {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    .sw {
      width: 0.95rem;
      height: 0.95rem;
      border-radius: 3px;
      border: 1px solid var(--sl-color-neutral-300);
    }
    .en {
      color: var(--sl-color-neutral-500);
    }
    .note {
      color: var(--sl-color-neutral-500);
    }
  `;

  override render() {
    return html`${(Object.keys(DAY_KINDS) as DayKind[]).map((kind) => {
        const k = DAY_KINDS[kind];
        return html`<span class="k" data-kind=${kind}>
          <span class="sw" style="background:${kind === 'closed' ? '#334155' : k.colour}"></span>
          ${k.zh}<span class="en">${k.en}</span>
        </span>`;
      })} <span class="note">一天可同时属于几类 · A day can be several at once</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-legend': DcCalendarLegend;
  }
}
