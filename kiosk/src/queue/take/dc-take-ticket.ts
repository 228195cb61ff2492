import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, dateText, PRIORITY_TEXT, ticketLink, waitText } from '../queue-format.ts';
import { baseStyles } from '../queue-theme.ts';
import type { Ticket } from '../queue-types.ts';
import { qrImage } from './qr-image.ts';

/** The ticket is complete; its size on screen gives its size on paper. */
export type TakeTicketReadyEvent = CustomEvent<{ code: string; width: number; height: number }>;

/**
 * The ticket as printed, and as shown on screen at a larger size: black on white, laid out for
 * 80 mm thermal paper (72 mm printable). Sends `dc-take-ticket-ready` once its QR code has
 * loaded, so the page prints a complete ticket.
 */
@customElement('dc-take-ticket')
export class DcTakeTicket extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        --dc-text: #000;
        --dc-muted: #333;
        display: block;
        /* Everything in em: the printed ticket is this one scaled (print-page.ts). */
        width: 24em;
        padding: 1.2em 1.4em;
        font-size: 18px;
        color: #000;
        background: #fff;
        text-align: center;
        line-height: 1.35;
      }
      .place {
        font-size: 1.05em;
        font-weight: 600;
        letter-spacing: 0.1em;
      }
      .code {
        font-size: 4.2em;
        line-height: 1.05;
        margin: 0.15em 0 0.05em;
      }
      .service {
        font-size: 1.35em;
        font-weight: 600;
      }
      .priority {
        display: inline-block;
        margin-top: 0.3em;
        padding: 0.05em 0.6em;
        border: 2px solid #000;
        border-radius: 0.3em;
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2em 0.8em;
        margin: 0.8em 0;
        padding: 0.6em 0;
        border-top: 1px dashed #000;
        border-bottom: 1px dashed #000;
        text-align: left;
      }
      dt {
        white-space: nowrap;
      }
      dd {
        margin: 0;
        text-align: right;
        font-weight: 600;
      }
      .qr {
        display: block;
        width: 9em;
        height: 9em;
        margin: 0.2em auto 0;
        image-rendering: pixelated;
      }
      .small {
        font-size: 0.8em;
      }
      .en {
        color: #333;
        font-size: 0.75em;
      }
      @media print {
        :host {
          /* 72 mm printed of an 80 mm roll: the same 24 em as on screen, so the same layout. */
          width: 72mm;
          margin: 0 auto;
          font-size: 3mm;
        }
      }
    `,
  ];

  @property({ attribute: false }) ticket?: Ticket;
  @property() timezone = 'Asia/Shanghai';
  /** The origin the QR code points at (the server, as this kiosk reaches it). */
  @property() origin = location.origin;

  private readonly _qr = new Task(this, {
    task: ([link]) => (link ? qrImage(link) : Promise.resolve('')),
    args: () => [this.ticket ? ticketLink(this.origin, this.ticket.token) : ''] as const,
  });

  /** The ticket whose readiness was announced: each ticket is printed once. */
  private _announced?: string;

  override updated(): void {
    // No QR code (it failed): the ticket is still worth printing without it.
    if (this._qr.status === TaskStatus.ERROR) this._ready();
  }

  override render() {
    const t = this.ticket;
    if (!t) return nothing;
    const wait = waitText(t.estimatedWaitMin, t.ahead);
    return html`
      <div class="place">客户服务中心 <span class="en">Customer Service</span></div>
      <div class="code" data-testid="ticket-code">${t.code}</div>
      <div class="service">${t.serviceName}</div>
      <div class="en">${t.serviceNameEn}</div>
      ${
        t.priority !== 'normal'
          ? html`<div class="priority">优先 · ${PRIORITY_TEXT[t.priority].zh}</div>`
          : nothing
      }
      <dl>
        <dt>前面等候 <span class="en">Ahead</span></dt>
        <dd data-testid="ticket-ahead">${t.ahead} 人</dd>
        <dt>预计等候 <span class="en">Est. wait</span></dt>
        <dd>${wait.zh}</dd>
        <dt>取号时间 <span class="en">Taken</span></dt>
        <dd>${dateText(t.takenAt, this.timezone)} ${clockTime(t.takenAt, this.timezone)}</dd>
      </dl>
      ${this._qr.render({
        pending: () => html`<div class="qr"></div>`,
        complete: (src) =>
          src
            ? html`<img
                class="qr"
                alt="排队进度二维码"
                src=${src}
                data-link=${ticketLink(this.origin, t.token)}
                @load=${this._ready}
              />`
            : nothing,
        error: () => nothing,
      })}
      <div class="small">扫码查看排队进度 <span class="en">Scan to follow your place</span></div>
      <div class="small">
        请留意叫号，过号请到服务台 <span class="en">Listen for your number</span>
      </div>
    `;
  }

  private _ready(): void {
    const t = this.ticket;
    if (!t || this._announced === t.token) return;
    this._announced = t.token;
    const { width, height } = this.getBoundingClientRect();
    this.dispatchEvent(
      new CustomEvent('dc-take-ticket-ready', {
        detail: { code: t.code, width, height },
        bubbles: true,
        composed: true,
      }) satisfies TakeTicketReadyEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-take-ticket': DcTakeTicket;
  }
  interface HTMLElementEventMap {
    'dc-take-ticket-ready': TakeTicketReadyEvent;
  }
}
