import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../../lib/dc-pairing.ts';
import { clockTime, dateText } from '../queue-format.ts';
import { baseStyles, buttonStyles, darkTheme } from '../queue-theme.ts';
import type { TakePickEvent, TakePriorityEvent } from './dc-take-services.ts';
import type { TakeTicketReadyEvent } from './dc-take-ticket.ts';
import { TakeController } from './take-controller.ts';
import './dc-take-services.ts';
import './dc-take-ticket.ts';

/**
 * `/take`: the ticket machine on the guide screen. Pick a service (and a priority if it
 * applies), get a printed ticket with a QR code to follow the queue on a phone; after a few
 * idle seconds the buttons come back for the next person.
 */
@customElement('dc-take-app')
export class DcTakeApp extends LitElement {
  static override styles = [
    darkTheme,
    baseStyles,
    buttonStyles,
    css`
      :host {
        min-height: 100vh;
        padding: 3vh 4vw;
        user-select: none;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        margin-bottom: 3vh;
      }
      h1 {
        margin: 0;
        font-size: 5vh;
      }
      h1 .en {
        font-size: 2.6vh;
      }
      .clock {
        font-size: 4.5vh;
        text-align: right;
      }
      .date {
        font-size: 2.2vh;
        color: var(--dc-muted);
      }
      .done {
        display: flex;
        gap: 4vw;
        align-items: center;
        justify-content: center;
      }
      .done aside {
        max-width: 34vw;
        font-size: 3.4vh;
      }
      .done aside p {
        margin: 0 0 3vh;
      }
      .done button {
        display: block;
        width: 100%;
        margin-bottom: 2vh;
        font-size: 3.4vh;
        padding: 2vh;
        border-radius: 1.5vh;
      }
      dc-take-ticket {
        box-shadow: 0 1vh 4vh rgba(0, 0, 0, 0.5);
      }
      .banner {
        margin-top: 3vh;
        font-size: 3vh;
      }
      .muted {
        color: var(--dc-muted);
        font-size: 3vh;
      }
      @media print {
        :host {
          min-height: 0;
          padding: 0;
          background: #fff;
        }
        .screen {
          display: none !important;
        }
        .done {
          display: block;
        }
        dc-take-ticket {
          box-shadow: none;
        }
      }
    `,
  ];

  private readonly _c = new TakeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this._onTouch);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this._onTouch);
  }

  override render() {
    const c = this._c;
    // Not registered yet: the pairing code, until an admin enters it in the console.
    if (!c.token) return html`<dc-pairing kind="guide"></dc-pairing>`;
    const now = c.now;
    return html`
      <header class="screen">
        <h1>请选择业务取号 <span class="en">Choose a service to take a number</span></h1>
        <div>
          <div class="clock">${clockTime(now, c.timezone)}</div>
          <div class="date">${dateText(now, c.timezone)}</div>
        </div>
      </header>
      ${c.ticket ? this._ticket() : this._services()}
      ${c.error ? html`<p class="banner screen" role="alert">${c.error}</p>` : nothing}
      ${
        c.live.stream === 'down'
          ? html`<p class="banner screen" role="status">正在重新连接服务器… Reconnecting…</p>`
          : nothing
      }
    `;
  }

  private _services() {
    const c = this._c;
    if (!c.live.value)
      return html`<p class="muted screen">
        ${c.live.error ? `无法载入业务列表：${c.live.error}` : '正在载入… Loading…'}
      </p>`;
    return html`<dc-take-services
      class="screen"
      .services=${c.services}
      .priority=${c.priority}
      ?busy=${c.taking}
      @dc-take-pick=${this._onPick}
      @dc-take-priority=${this._onPriority}
    ></dc-take-services>`;
  }

  private _ticket() {
    const c = this._c;
    return html`<div class="done">
      <dc-take-ticket
        .ticket=${c.ticket}
        .timezone=${c.timezone}
        @dc-take-ticket-ready=${this._onReady}
      ></dc-take-ticket>
      <aside class="screen">
        <p>请取走您的号票，留意叫号。<br /><span class="en">Please take your ticket.</span></p>
        <button class="primary" data-testid="take-done" @click=${() => c.reset()}>
          完成 <span class="en">Done</span>
        </button>
        <button data-testid="take-reprint" @click=${() => c.print()}>
          重新打印 <span class="en">Print again</span>
        </button>
      </aside>
    </div>`;
  }

  private readonly _onTouch = () => this._c.touch();

  private _onPick(e: TakePickEvent): void {
    void this._c.take(e.detail.service);
  }

  private _onPriority(e: TakePriorityEvent): void {
    this._c.setPriority(e.detail.priority);
  }

  private _onReady(e: TakeTicketReadyEvent): void {
    this._c.print(e.detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-take-app': DcTakeApp;
  }
}
