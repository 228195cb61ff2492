import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';

/** Today (今日节目). */
@customElement('dc-page-today')
export class DcPageToday extends LitElement {
  static override styles = pageStyles;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  override render() {
    return html`<div class="page-head">
        <h1>今日节目<span class="en">Today</span></h1>
      </div>
      <div class="card empty">…</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-today': DcPageToday;
  }
}
