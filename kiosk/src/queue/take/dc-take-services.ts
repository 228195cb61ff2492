import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CLOSED_TEXT, hoursText, PRIORITY_TEXT, reopenText, waitText } from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import type { Priority, Service } from '../queue-types.ts';

export type TakePickEvent = CustomEvent<{ service: string }>;
export type TakePriorityEvent = CustomEvent<{ priority: Priority }>;

/** What a customer may say about themselves on the ticket machine (VIP is the desk's call). */
const SELF_PRIORITIES: readonly Priority[] = ['normal', 'elderly', 'disabled', 'pregnant'];

/**
 * One big button per service (name, English, people waiting, estimated wait), closed ones
 * greyed out with their hours, and the priority choice above them. Taps go up as
 * `dc-take-pick` and `dc-take-priority`.
 */
@customElement('dc-take-services')
export class DcTakeServices extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      /* The page gives this element the height left under its header: the buttons share it,
         and their words are sized by each button's own box (cq units), so six services with
         long names fit a landscape kiosk, a portrait one and a phone alike. */
      :host {
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        min-height: 0;
        background: transparent;
      }
      .priority {
        flex: none;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1.2vmin 1.4vmin;
        font-size: max(2.6vmin, 14px);
      }
      .priority button {
        font-size: inherit;
        padding: 1.1vmin 1.8vmin;
        border: 0.3vmin solid transparent;
        white-space: nowrap;
      }
      .priority button[aria-pressed='true'] {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-weight: 600;
      }
      .grid {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr));
        grid-auto-rows: minmax(0, 1fr);
        gap: 2vmin;
      }
      @media (orientation: landscape) {
        .grid {
          --cols: 2;
        }
      }
      .service {
        container-type: size;
        overflow: hidden;
        padding: 0;
        text-align: left;
        border-radius: 2vmin;
        background: var(--dc-panel);
        border: 0.3vmin solid var(--dc-line);
      }
      .service:not(:disabled):active {
        background: var(--dc-panel-2);
      }
      .card {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        column-gap: min(6cqh, 4cqw);
        height: 100%;
        padding: 5cqh min(6cqh, 4cqw);
      }
      .letter {
        width: min(62cqh, 17cqw);
        height: min(62cqh, 17cqw);
        border-radius: 50%;
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: min(40cqh, 11cqw);
        font-weight: 700;
        background: var(--dc-accent);
        color: var(--dc-accent-text);
      }
      .text {
        display: flex;
        flex-direction: column;
        gap: 2.5cqh;
        min-width: 0;
      }
      .name {
        font-size: min(17cqh, 6cqw);
        font-weight: 600;
        line-height: 1.2;
        text-wrap: balance;
      }
      .name .en {
        display: block;
        margin-top: 1cqh;
        font-size: max(0.62em, 11px);
        line-height: 1.25;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        column-gap: 1em;
        font-size: max(min(10cqh, 3.8cqw), 12px);
        line-height: 1.25;
        color: var(--dc-muted);
      }
      .meta b {
        color: var(--dc-text);
      }
      .meta .en {
        font-size: 0.85em;
      }
      .closed .letter {
        background: var(--dc-muted);
      }
      .reopen b {
        color: var(--dc-accent);
      }
      /* Greyed, but its hours still legible from a step away. */
      .service.closed:disabled {
        opacity: 0.65;
      }
      .after-hours {
        flex: none;
        margin: 0;
        padding: 1.4vmin 2vmin;
        border-radius: 1.2vmin;
        background: var(--dc-panel-2);
        font-size: max(3.2vmin, 16px);
        line-height: 1.3;
      }
      .after-hours .en {
        margin-left: 0.6em;
      }
    `,
  ];

  @property({ attribute: false }) services: Service[] = [];
  @property() priority: Priority = 'normal';
  /** A ticket is being taken: no second tap until it is out. */
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`
      <div class="priority" role="group" aria-label="优先服务 Priority">
        <span>优先服务 <span class="en">Priority</span></span>
        ${SELF_PRIORITIES.map(
          (p) =>
            html`<button
              aria-pressed=${this.priority === p ? 'true' : 'false'}
              data-priority=${p}
              @click=${() => this._setPriority(p)}
            >
              ${PRIORITY_TEXT[p].zh} <span class="en">${PRIORITY_TEXT[p].en}</span>
            </button>`,
        )}
      </div>
      ${this._allClosed()}
      <div class="grid">${this.services.map((s) => this._button(s))}</div>
    `;
  }

  /** After hours: one line for the whole machine, with the first service to open again. */
  private _allClosed() {
    if (this.services.length === 0 || this.services.some((s) => s.open)) return nothing;
    const first = this.services
      .flatMap((s) => (s.nextOpen ? [s.nextOpen] : []))
      .sort((a, b) =>
        a.day === b.day ? a.from.localeCompare(b.from) : a.day === 'today' ? -1 : 1,
      )[0];
    const reopen = reopenText(first);
    return html`<p class="after-hours" role="status" data-testid="after-hours">
      <b>${CLOSED_TEXT.zh}</b>${first ? ` · ${reopen.zh}` : ''}
      <span class="en">${CLOSED_TEXT.en}${first ? ` · ${reopen.en}` : ''}</span>
    </p>`;
  }

  private _button(s: Service) {
    const wait = waitText(s.estimatedWaitMin, s.waiting);
    const reopen = reopenText(s.nextOpen);
    return html`<button
      class="service ${s.open ? '' : 'closed'}"
      data-service=${s.id}
      ?disabled=${!s.open || this.busy}
      @click=${() => this._pick(s.id)}
    >
      <span class="card">
        <span class="letter" aria-hidden="true">${s.prefix}</span>
        <span class="text">
          <span class="name">${s.name} <span class="en">${s.nameEn}</span></span>
          ${
            s.open
              ? html`<span class="meta">
                  <span>等候 <b>${s.waiting}</b> 人 · ${wait.zh}</span>
                  <span class="en">${s.waiting} waiting · ${wait.en}</span>
                </span>`
              : html`<span class="meta" data-testid="closed">
                  <span>${CLOSED_TEXT.zh} · 办理时间 ${hoursText(s.hours)}</span>
                  <span class="en">${CLOSED_TEXT.en}</span>
                  ${
                    s.nextOpen
                      ? html`<span class="reopen" data-testid="reopen">
                          <b>${reopen.zh}</b> <span class="en">${reopen.en}</span>
                        </span>`
                      : nothing
                  }
                </span>`
          }
        </span>
      </span>
    </button>`;
  }

  private _pick(service: string): void {
    this.dispatchEvent(
      new CustomEvent('dc-take-pick', {
        detail: { service },
        bubbles: true,
        composed: true,
      }) satisfies TakePickEvent,
    );
  }

  private _setPriority(priority: Priority): void {
    this.dispatchEvent(
      new CustomEvent('dc-take-priority', {
        detail: { priority },
        bubbles: true,
        composed: true,
      }) satisfies TakePriorityEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-take-services': DcTakeServices;
  }
  interface HTMLElementEventMap {
    'dc-take-pick': TakePickEvent;
    'dc-take-priority': TakePriorityEvent;
  }
}
