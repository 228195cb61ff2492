import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import '../callbacks/dc-callbacks-completion.ts';
import '../callbacks/dc-callbacks-due.ts';
import '../callbacks/dc-callbacks-sales.ts';

/** A tab's content: read again when its tab is shown, since the others change what it shows. */
interface Reloads extends Element {
  load(): Promise<void>;
}

/**
 * Callbacks (回访, 电话回访记录台帐): the calls due today with their script, the sales on file
 * they come from, and completion with the month's customer visits.
 */
@customElement('dc-page-callbacks')
export class DcPageCallbacks extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-tab-group::part(body) {
        padding-top: 1rem;
      }
    `,
  ];

  override render() {
    return html`<div class="page-head">
        <h1>回访<span class="en">Callbacks</span></h1>
      </div>
      <sl-tab-group @sl-tab-show=${this._shown}>
        <sl-tab slot="nav" panel="due" data-tab="due">
          <sl-icon name="telephone-outbound"></sl-icon>&nbsp;今日回访 · Due
        </sl-tab>
        <sl-tab slot="nav" panel="sales" data-tab="sales">
          <sl-icon name="bag"></sl-icon>&nbsp;销售档案 · Sales on file
        </sl-tab>
        <sl-tab slot="nav" panel="completion" data-tab="completion">
          <sl-icon name="graph-up"></sl-icon>&nbsp;完成率 · Completion
        </sl-tab>
        <sl-tab-panel name="due"><dc-callbacks-due></dc-callbacks-due></sl-tab-panel>
        <sl-tab-panel name="sales"><dc-callbacks-sales></dc-callbacks-sales></sl-tab-panel>
        <sl-tab-panel name="completion">
          <dc-callbacks-completion></dc-callbacks-completion>
        </sl-tab-panel>
      </sl-tab-group>`;
  }

  private readonly _shown = (e: CustomEvent<{ name: string }>) => {
    const panel = this.renderRoot.querySelector(`sl-tab-panel[name="${e.detail.name}"]`);
    for (const el of panel?.querySelectorAll<Reloads>('*') ?? [])
      if (typeof el.load === 'function') void el.load();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-callbacks': DcPageCallbacks;
  }
}
