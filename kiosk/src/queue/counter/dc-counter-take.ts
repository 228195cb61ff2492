import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PRIORITY_TEXT, shortName, waitText } from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import { PRIORITIES, type Priority, type Service, type Ticket } from '../queue-types.ts';
import { counterAct } from './counter-events.ts';
import { counterStyles } from './counter-styles.ts';

/**
 * A ticket taken at the desk for a customer (on the phone, or who cannot use the machine):
 * service and priority, then the number to tell them.
 */
@customElement('dc-counter-take')
export class DcCounterTake extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    counterStyles,
    css`
      .taken {
        margin-top: 10px;
        font-size: 15px;
      }
      .taken .code {
        font-size: 28px;
      }
    `,
  ];

  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) taken?: Ticket;
  @property({ type: Boolean }) busy = false;

  @state() private _service = '';
  @state() private _priority: Priority = 'normal';

  override render() {
    const open = this.services.filter((s) => s.open);
    const service = open.some((s) => s.id === this._service) ? this._service : (open[0]?.id ?? '');
    const t = this.taken;
    return html`<div class="panel">
      <h2>代客取号 <span class="en">Take a ticket for a customer</span></h2>
      <div class="row">
        <div>
          <label for="svc">业务 <span class="en">Service</span></label>
          <select
            id="svc"
            @change=${(e: Event) => (this._service = (e.target as HTMLSelectElement).value)}
          >
            ${open.map((s) => html`<option .value=${s.id} ?selected=${s.id === service}>${s.prefix} · ${shortName(s.name)}</option>`)}
          </select>
        </div>
        <div>
          <label for="prio">优先 <span class="en">Priority</span></label>
          <select
            id="prio"
            @change=${(e: Event) => (this._priority = (e.target as HTMLSelectElement).value as Priority)}
          >
            ${PRIORITIES.map((p) => html`<option .value=${p} ?selected=${p === this._priority}>${PRIORITY_TEXT[p].zh}</option>`)}
          </select>
        </div>
        <button
          data-action="take"
          ?disabled=${this.busy || !service}
          @click=${() => this.dispatchEvent(counterAct({ action: 'take', service, priority: this._priority }))}
        >
          取号 <span class="en">Take</span>
        </button>
      </div>
      ${
        t
          ? html`<div class="taken" role="status">
              号码 <span class="code" data-testid="taken-code">${t.code}</span> · ${t.serviceName} ·
              前面 ${t.ahead} 人 · ${waitText(t.estimatedWaitMin, t.ahead).zh}
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-take': DcCounterTake;
  }
}
