import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';

/** Queue (排队叫号). */
@customElement('dc-page-queue')
export class DcPageQueue extends LitElement {
  static override styles = pageStyles;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  override render() {
    return html`<div class="page-head">
        <h1>排队叫号<span class="en">Queue</span></h1>
      </div>
      <div class="card empty">…</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-queue': DcPageQueue;
  }
}
