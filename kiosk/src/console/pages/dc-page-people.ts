import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import '../people/dc-people-devices.ts';
import '../people/dc-people-users.ts';

/**
 * People & devices (人员与设备), admins only: who may sign in and with which role, and the
 * registered players and guide screens. A device's QR code opens `/console/people?pair=CODE`,
 * which goes straight to the pairing form with the code filled in.
 */
@customElement('dc-page-people')
export class DcPagePeople extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-tab-group::part(body) {
        padding-top: 1rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _pairCode = '';
  @state() private _tab = 'people';

  override connectedCallback(): void {
    super.connectedCallback();
    const url = new URL(location.href);
    const code = url.searchParams.get('pair');
    if (code) {
      this._pairCode = code;
      this._tab = 'devices';
      // Once taken, the code leaves the address bar: a reload must not pair again.
      url.searchParams.delete('pair');
      history.replaceState(null, '', url);
    }
  }

  override render() {
    return html`<div class="page-head">
        <h1>人员与设备<span class="en">People & devices</span></h1>
      </div>
      <sl-tab-group
        @sl-tab-show=${(e: CustomEvent<{ name: string }>) => (this._tab = e.detail.name)}
      >
        <sl-tab slot="nav" panel="people" ?active=${this._tab === 'people'}>
          <sl-icon name="people" style="margin-right:0.4rem"></sl-icon>人员 · People
        </sl-tab>
        <sl-tab slot="nav" panel="devices" ?active=${this._tab === 'devices'}>
          <sl-icon name="display" style="margin-right:0.4rem"></sl-icon>设备 · Devices
        </sl-tab>
        <sl-tab-panel name="people"><dc-people-users></dc-people-users></sl-tab-panel>
        <sl-tab-panel name="devices">
          <dc-people-devices .pairCode=${this._pairCode}></dc-people-devices>
        </sl-tab-panel>
      </sl-tab-group>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-people': DcPagePeople;
  }
}
