import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';

/** Players & screens (播放器与屏幕). */
@customElement('dc-page-players')
export class DcPagePlayers extends LitElement {
  static override styles = pageStyles;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  override render() {
    return html`<div class="page-head">
        <h1>播放器与屏幕<span class="en">Players & screens</span></h1>
      </div>
      <div class="card empty">…</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-players': DcPagePlayers;
  }
}
