import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../queue/take/dc-take-ticket.ts';
import type { TakeTicketReadyEvent } from '../queue/take/dc-take-ticket.ts';
import { TakeController } from '../queue/take/take-controller.ts';
import { PRIORITY_TEXT, waitText } from '../queue/queue-format.ts';
import { baseStyles } from '../queue/queue-theme.ts';
import type { Priority } from '../queue/queue-types.ts';
import './dc-guide-board.ts';
import { both, floorName, say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideData, Lang } from './guide-types.ts';

/** What a customer may say about themselves (VIP is the desk's call), as on /take. */
const SELF_PRIORITIES: readonly Priority[] = ['normal', 'elderly', 'disabled', 'pregnant'];

/**
 * The service desk (客服中心) on the guide screen: what it does, each with how to get it
 * done and a button to take a number for it (the ticket machine's controller and printed
 * ticket, as on /take), and the calling board beside it.
 */
@customElement('dc-guide-desk')
export class DcGuideDesk extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 52fr 48fr;
        gap: calc(var(--g-gap) * 1.5);
        min-height: 0;
        background: transparent;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: var(--g-gap);
        min-height: 0;
        padding: var(--g-gap);
        border-radius: var(--g-radius);
        background: var(--g-panel);
      }
      h2 {
        margin: 0;
        font-size: var(--g-title);
        font-weight: 600;
      }
      h2 .en {
        font-size: 2vmin;
      }
      .where {
        font-size: var(--g-small);
        color: var(--dc-muted);
      }
      .priority {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1vmin;
        font-size: var(--g-small);
      }
      .priority .chip {
        min-height: 5.6vmin;
        font-size: 1.9vmin;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 1vmin;
        flex: 1;
        min-height: 0;
        grid-auto-rows: minmax(0, 1fr);
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0.4vmin 2vmin;
        padding: 1vmin 1.6vmin;
        border-radius: 1vmin;
        background: var(--g-raised);
        min-height: 0;
      }
      .name {
        font-size: 2.5vmin;
        font-weight: 600;
      }
      .name .en {
        font-size: 1.7vmin;
      }
      .how {
        grid-column: 1;
        font-size: 1.75vmin;
        color: var(--dc-muted);
        line-height: 1.3;
      }
      .take {
        grid-row: 1 / 3;
        grid-column: 2;
        min-width: 19vmin;
        min-height: var(--g-touch);
        padding: 0.6vmin 1.6vmin;
        border-radius: 1vmin;
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-size: 2.2vmin;
        font-weight: 700;
        line-height: 1.2;
      }
      .take small {
        display: block;
        font-size: 1.5vmin;
        font-weight: 500;
      }
      .take:disabled {
        background: var(--dc-line);
        color: var(--dc-muted);
      }
      .overlay {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 5vmin;
        background: rgba(10, 18, 26, 0.85);
      }
      .overlay aside {
        max-width: 40vmin;
        font-size: 3vmin;
      }
      .overlay aside .en {
        font-size: 2.2vmin;
        line-height: 1.4;
      }
      .overlay aside button {
        display: block;
        width: 100%;
        min-height: var(--g-touch);
        margin-top: 2vmin;
        border-radius: 1.4vmin;
        background: var(--g-raised);
        font-size: 2.6vmin;
      }
      .overlay aside button.primary {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-weight: 700;
      }
      .error {
        padding: 1vmin 1.6vmin;
        border-radius: 1vmin;
        background: var(--dc-bad);
        color: #1a1a1a;
        font-size: var(--g-small);
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: 1fr;
          grid-template-rows: minmax(0, 1fr) auto;
        }
        .overlay {
          flex-direction: column;
        }
      }
      @media print {
        section {
          display: none;
        }
        .overlay {
          position: static;
          background: #fff;
        }
        .overlay aside {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: GuideData;
  @property() locale: Lang = 'zh';
  private readonly _take = new TakeController(this);

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const t = this._take;
    const queue = new Map(t.services.map((s) => [s.id, s]));
    const deskFloor = d.floors.find((f) => f.desk);
    const [title, titleEn] = both('desk', this.locale);
    const [pri, priEn] = both('priority', this.locale);
    return html`
      <section>
        <h2>${title} <span class="en">${titleEn}</span></h2>
        ${
          deskFloor
            ? html`<div class="where">
                ${say('deskWhere', this.locale)} ${deskFloor.id}
                ${floorName(deskFloor.id, this.locale, d.floors)}
              </div>`
            : nothing
        }
        <div class="priority" role="group">
          <span>${pri} <span class="en">${priEn}</span></span>
          ${SELF_PRIORITIES.map(
            (p) =>
              html`<button
                class="chip"
                data-priority=${p}
                aria-pressed=${t.priority === p ? 'true' : 'false'}
                @click=${() => t.setPriority(p)}
              >
                ${PRIORITY_TEXT[p][this.locale]}
              </button>`,
          )}
        </div>
        <ul data-testid="desk-services">
          ${d.services.map((s) => {
            const q = queue.get(s.queue);
            const wait = q ? waitText(q.estimatedWaitMin, q.waiting) : undefined;
            return html`<li data-desk-service=${s.id}>
              <span class="name"
                >${this.locale === 'zh' ? s.zh : s.en}
                <span class="en">${this.locale === 'zh' ? s.en : s.zh}</span></span
              >
              <span class="how">${this.locale === 'zh' ? s.howZh : s.howEn}</span>
              ${
                q
                  ? html`<button
                      class="take"
                      data-take=${s.queue}
                      ?disabled=${!q.open || t.taking}
                      @click=${() => void t.take(s.queue)}
                    >
                      ${q.open ? `${say('takeNumber', this.locale)} ${q.prefix}` : say('closedNow', this.locale)}
                      <small
                        >${q.open ? `${say('waiting', this.locale)} ${q.waiting} · ${wait?.[this.locale]}` : `${q.hours.from}–${q.hours.until}`}</small
                      >
                    </button>`
                  : nothing
              }
            </li>`;
          })}
        </ul>
        ${t.error ? html`<div class="error" role="alert">${t.error}</div>` : nothing}
      </section>
      <section>
        <dc-guide-board
          .locale=${this.locale}
          token=${t.token ?? ''}
          timezone=${d.site.timezone}
        ></dc-guide-board>
      </section>
      ${t.ticket ? this._ticket() : nothing}
    `;
  }

  private _ticket() {
    const t = this._take;
    const [msg, msgEn] = both('takeTicket', this.locale);
    return html`<div class="overlay" data-testid="ticket-overlay" @pointerdown=${() => t.touch()}>
      <dc-take-ticket
        .ticket=${t.ticket}
        .timezone=${this.data?.site.timezone ?? 'Asia/Shanghai'}
        @dc-take-ticket-ready=${(e: TakeTicketReadyEvent) => t.print(e.detail)}
      ></dc-take-ticket>
      <aside>
        <p>${msg}<br /><span class="en">${msgEn}</span></p>
        <button class="primary" data-testid="ticket-done" @click=${() => t.reset()}>
          ${say('done', this.locale)}
        </button>
        <button data-testid="ticket-reprint" @click=${() => t.print()}>
          ${say('reprint', this.locale)}
        </button>
      </aside>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-desk': DcGuideDesk;
  }
}
