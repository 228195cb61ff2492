import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { COUNTER_STATUS_TEXT } from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import type { CounterDetail, Service } from '../queue-types.ts';
import { counterAct } from './counter-events.ts';
import { counterStyles } from './counter-styles.ts';

/**
 * Choosing this PC's counter and opening it with the services it will call: the counter's
 * configured services are ticked to start with.
 */
@customElement('dc-counter-open')
export class DcCounterOpen extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    counterStyles,
    css`
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
        gap: 8px;
        margin-bottom: 16px;
      }
      .counters button {
        padding: 10px;
        text-align: center;
        border: 2px solid transparent;
      }
      .counters button[aria-pressed='true'] {
        border-color: var(--dc-accent);
        font-weight: 600;
      }
      .counters small {
        display: block;
        color: var(--dc-muted);
      }
      .services label {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 6px 0;
        font-size: 16px;
        color: var(--dc-text);
      }
      .services input {
        width: 20px;
        height: 20px;
      }
      .open {
        margin-top: 12px;
        width: 100%;
      }
      .in-use {
        margin: 0 0 12px;
        padding: 10px 12px;
        border-left: 4px solid var(--dc-bad);
        background: color-mix(in srgb, var(--dc-bad) 12%, transparent);
        font-size: 16px;
      }
    `,
  ];

  @property({ attribute: false }) counters: CounterDetail[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property({ type: Number }) chosen?: number;
  @property({ type: Boolean }) busy = false;

  @state() private _ticked = new Set<string>();

  override willUpdate(changed: PropertyValues<this>): void {
    // A newly chosen counter starts with the services it is configured for.
    if (changed.has('chosen') || (changed.has('counters') && this._ticked.size === 0)) {
      const k = this.counters.find((c) => c.number === this.chosen);
      const start = k?.services.length ? k.services : k?.defaultServices;
      this._ticked = new Set(start?.length ? start : this.services.map((s) => s.id));
    }
  }

  override render() {
    const chosen = this.counters.find((c) => c.number === this.chosen);
    // Open on another desk PC: say whose it is; opening it here takes it over, once confirmed.
    const inUse = chosen && chosen.status !== 'closed' && !chosen.yours;
    const since = chosen?.openedAt?.slice(11, 16);
    return html`<div class="panel">
      <h2>选择窗口 <span class="en">Choose your counter</span></h2>
      <div class="counters" role="group">
        ${this.counters.map(
          (k) =>
            html`<button
              aria-pressed=${k.number === this.chosen ? 'true' : 'false'}
              data-counter=${k.number}
              @click=${() => this.dispatchEvent(counterAct({ action: 'choose', counter: k.number }))}
            >
              ${k.name}<small>${COUNTER_STATUS_TEXT[k.status]}</small>
            </button>`,
        )}
      </div>
      ${
        chosen
          ? html`${
                inUse
                  ? html`<p class="in-use" role="alert" data-testid="counter-in-use">
                      ${chosen.name} 正由 ${chosen.openedBy ?? '另一台电脑'}
                      使用${since ? `（${since} 起）` : ''}，接管？
                      <span class="en"
                        >${chosen.name} is open on another desk PC
                        (${chosen.openedBy ?? 'someone'}${since ? `, since ${since}` : ''}). Take it
                        over?</span
                      >
                    </p>`
                  : ''
              }
              <h2>${chosen.name} 办理的业务 <span class="en">Services</span></h2>
              <div class="services">
                ${this.services.map(
                  (s) =>
                    html`<label
                      ><input
                        type="checkbox"
                        .checked=${this._ticked.has(s.id)}
                        data-service=${s.id}
                        @change=${(e: Event) => this._tick(s.id, (e.target as HTMLInputElement).checked)}
                      />${s.prefix} · ${s.name} <span class="en">${s.nameEn}</span></label
                    >`,
                )}
              </div>
              ${
                inUse
                  ? html`<button
                      class="primary open"
                      data-testid="takeover-counter"
                      ?disabled=${this.busy || this._ticked.size === 0}
                      @click=${() => this._open(true)}
                    >
                      接管 ${chosen.name} <span class="en">Take over</span>
                    </button>`
                  : html`<button
                      class="primary open"
                      data-testid="open-counter"
                      ?disabled=${this.busy || this._ticked.size === 0}
                      @click=${() => this._open()}
                    >
                      开放 ${chosen.name} <span class="en">Open counter</span>
                    </button>`
              }`
          : ''
      }
    </div>`;
  }

  private _tick(id: string, on: boolean): void {
    const next = new Set(this._ticked);
    if (on) next.add(id);
    else next.delete(id);
    this._ticked = next;
  }

  private _open(takeover = false): void {
    if (!this.chosen) return;
    // In the services' own order, so "call next" serves them in that order.
    const services = this.services.filter((s) => this._ticked.has(s.id)).map((s) => s.id);
    this.dispatchEvent(
      counterAct({
        action: 'open',
        counter: this.chosen,
        services,
        ...(takeover ? { takeover } : {}),
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-open': DcCounterOpen;
  }
}
