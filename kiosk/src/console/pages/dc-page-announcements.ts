import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';

/** Announcements (广播通知). */
@customElement('dc-page-announcements')
export class DcPageAnnouncements extends LitElement {
  static override styles = pageStyles;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  override render() {
    return html`<div class="page-head">
        <h1>广播通知<span class="en">Announcements</span></h1>
      </div>
      <div class="card empty">…</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-announcements': DcPageAnnouncements;
  }
}
