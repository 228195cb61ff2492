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
      /* Exactly the window: a kiosk has no scroll bar, so everything is laid out inside it. */
      :host {
        height: 100vh;
        height: 100dvh;
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        padding: 2.5vmin 3vmin;
        user-select: none;
      }
      header {
        flex: none;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 3vmin;
      }
      h1 {
        margin: 0;
        font-size: max(4.6vmin, 20px);
        line-height: 1.2;
      }
      h1 .en {
        display: block;
        font-size: max(0.5em, 12px);
      }
      .mall {
        font-size: max(2.2vmin, 12px);
        font-weight: 600;
        color: var(--dc-muted);
      }
      .mall .en {
        margin-left: 0.6em;
        font-weight: 400;
      }
      .clock {
        font-size: max(4.4vmin, 22px);
        line-height: 1.1;
        text-align: right;
        white-space: nowrap;
      }
      .date {
        font-size: max(2vmin, 12px);
        color: var(--dc-muted);
        white-space: nowrap;
      }
      dc-take-services {
        flex: 1;
        min-height: 0;
      }
      .done {
        flex: 1;
        min-height: 0;
        display: flex;
        gap: 4vmin;
        align-items: center;
        justify-content: center;
      }
      .done aside {
        max-width: 34vw;
        font-size: max(3vmin, 15px);
      }
      .done aside p {
        margin: 0 0 3vmin;
      }
      .done button {
        display: block;
        width: 100%;
        margin-bottom: 2vmin;
        font-size: inherit;
        padding: 2vmin;
        border-radius: 1.5vmin;
      }
      /* Portrait: the ticket above its buttons; a phone's width takes the ticket smaller. */
      @media (orientation: portrait) {
        .done {
          flex-direction: column;
        }
        .done aside {
          max-width: none;
          width: min(100%, 60vmin);
        }
      }
      /* Screen only: a print is laid out on a page first (Letter, portrait) and must not grow. */
      @media screen and (orientation: portrait) and (min-width: 800px) {
        dc-take-ticket {
          zoom: 1.4;
        }
      }
      @media screen and (max-width: 520px) {
        dc-take-ticket {
          zoom: 0.8;
        }
      }
      dc-take-ticket {
        box-shadow: 0 1vh 4vh rgba(0, 0, 0, 0.5);
      }
      .banner {
        flex: none;
        margin: 0;
        font-size: max(2.6vmin, 14px);
      }
      .muted {
        color: var(--dc-muted);
        font-size: max(2.6vmin, 14px);
      }
      @media print {
        :host {
          height: auto;
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
        <div>
          <div class="mall" data-testid="mall-name">
            ${c.site.name}<span class="en">${c.site.nameEn}</span>
          </div>
          <h1>请选择业务取号 <span class="en">Choose a service to take a number</span></h1>
        </div>
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
