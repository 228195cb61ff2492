import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hoursText, PRIORITY_TEXT, waitText } from '../queue-format.ts';
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
      :host {
        display: block;
        background: transparent;
      }
      .priority {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1.2vh 1vw;
        margin-bottom: 3vh;
        font-size: 2.8vh;
      }
      .priority button {
        font-size: 2.8vh;
        padding: 1.4vh 1.6vw;
        border: 0.3vh solid transparent;
      }
      .priority button[aria-pressed='true'] {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-weight: 600;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 36vw), 1fr));
        gap: 2.5vh 2vw;
      }
      .service {
        display: grid;
        grid-template-columns: auto 1fr;
        grid-template-rows: auto auto auto;
        column-gap: 2vw;
        align-items: center;
        text-align: left;
        min-height: 17vh;
        padding: 2.2vh 2vw;
        border-radius: 2vh;
        background: var(--dc-panel);
        border: 0.3vh solid var(--dc-line);
      }
      .service:not(:disabled):active {
        background: var(--dc-panel-2);
      }
      .letter {
        grid-row: 1 / 4;
        width: 11vh;
        height: 11vh;
        border-radius: 50%;
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: 7vh;
        font-weight: 700;
        background: var(--dc-accent);
        color: var(--dc-accent-text);
      }
      .name {
        font-size: 4.4vh;
        font-weight: 600;
        line-height: 1.2;
      }
      .name .en {
        font-size: 2.4vh;
      }
      .meta {
        font-size: 2.6vh;
        color: var(--dc-muted);
      }
      .meta b {
        color: var(--dc-text);
      }
      .closed .letter {
        background: var(--dc-muted);
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
      <div class="grid">${this.services.map((s) => this._button(s))}</div>
    `;
  }

  private _button(s: Service) {
    const wait = waitText(s.estimatedWaitMin, s.waiting);
    return html`<button
      class="service ${s.open ? '' : 'closed'}"
      data-service=${s.id}
      ?disabled=${!s.open || this.busy}
      @click=${() => this._pick(s.id)}
    >
      <span class="letter" aria-hidden="true">${s.prefix}</span>
      <span class="name">${s.name} <span class="en">${s.nameEn}</span></span>
      ${
        s.open
          ? html`<span class="meta">等候 <b>${s.waiting}</b> 人 · ${wait.zh}</span>
              <span class="meta en">${s.waiting} waiting · ${wait.en}</span>`
          : html`<span class="meta">暂停取号 · 办理时间 ${hoursText(s.hours)}</span>
              <span class="meta en">Closed · open ${hoursText(s.hours)}</span>`
      }
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
