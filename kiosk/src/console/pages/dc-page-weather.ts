import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';

/** Weather (天气预报). */
@customElement('dc-page-weather')
export class DcPageWeather extends LitElement {
  static override styles = pageStyles;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  override render() {
    return html`<div class="page-head">
        <h1>天气预报<span class="en">Weather</span></h1>
      </div>
      <div class="card empty">…</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-weather': DcPageWeather;
  }
}
