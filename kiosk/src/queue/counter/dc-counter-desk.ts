import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  clockTime,
  COUNTER_STATUS_TEXT,
  isCode,
  normaliseCode,
  PRIORITY_TEXT,
  shortName,
  STATUS_TEXT,
} from '../queue-format.ts';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import type { CounterDetail, RecallableNoShow, Service } from '../queue-types.ts';
import { allowedActions, type CounterAction } from './counter-actions.ts';
import { counterAct } from './counter-events.ts';
import { counterStyles } from './counter-styles.ts';
import { suggestCategory } from './suggest-category.ts';
import './dc-counter-finish.ts';

type Simple = 'call-next' | 'recall' | 'no-show' | 'start' | 'pause' | 'resume' | 'close';

const LABELS: Record<Simple, [string, string]> = {
  'call-next': ['叫下一位', 'Call next'],
  recall: ['重呼', 'Recall'],
  'no-show': ['过号', 'No-show'],
  start: ['开始办理', 'Start'],
  pause: ['暂停', 'Pause'],
  resume: ['恢复服务', 'Resume'],
  close: ['关闭窗口', 'Close'],
};

/**
 * The counter at work: the customer in front of it, the buttons that make sense now (the rest
 * disabled, all of them while a request is in flight), finishing, transfer and calling a
 * given number.
 */
@customElement('dc-counter-desk')
export class DcCounterDesk extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    counterStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .current {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        align-items: baseline;
      }
      .current .code {
        font-size: 56px;
        line-height: 1;
      }
      .current .facts {
        color: var(--dc-muted);
      }
      .tag {
        display: inline-block;
        padding: 0 8px;
        border-radius: 4px;
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-size: 14px;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(110px, 1fr));
        gap: 8px;
      }
      .actions .primary {
        grid-column: 1 / -1;
        font-size: 22px;
        min-height: 64px;
      }
      .status {
        color: var(--dc-muted);
        font-size: 14px;
      }
      .status b {
        color: var(--dc-text);
      }
    `,
  ];

  @property({ attribute: false }) counter?: CounterDetail;
  @property({ attribute: false }) services: Service[] = [];
  /** What a finished visit may be recorded as (from queue.yaml). */
  @property({ attribute: false }) categories: string[] = [];
  /** No-shows that may still be called back. */
  @property({ attribute: false }) noShows: RecallableNoShow[] = [];
  @property({ type: Number }) maxRecalls = 3;
  /** The action in flight, if any. */
  @property() busy?: string;
  @property() timezone = 'Asia/Shanghai';

  @state() private _code = '';
  @state() private _transferTo = '';

  override render() {
    const k = this.counter;
    if (!k) return nothing;
    const allowed = allowedActions(k);
    const cur =
      k.current && (k.current.status === 'called' || k.current.status === 'serving')
        ? k.current
        : undefined;
    const others = this.services.filter((x) => x.id !== cur?.service);
    // No service until staff picks one: a transfer never goes to the first listed by default.
    const transferTo = others.some((x) => x.id === this._transferTo) ? this._transferTo : '';
    const noShows = this.noShows.filter((n) => k.services.includes(n.service));
    return html`
      <div class="panel">
        <div class="status">
          ${k.name} · <b>${COUNTER_STATUS_TEXT[k.status]}</b> ·
          办理：${k.services
            .map((id) => shortName(this.services.find((s) => s.id === id)?.name ?? id))
            .join('、')}
        </div>
        ${
          cur
            ? html`<div class="current" data-testid="current">
                <span class="code" data-testid="current-code">${cur.code}</span>
                <span>
                  <b>${STATUS_TEXT[cur.status].zh}</b> · ${shortName(cur.serviceName)}
                  ${
                    cur.priority !== 'normal'
                      ? html`<span class="tag">${PRIORITY_TEXT[cur.priority].zh}</span>`
                      : nothing
                  }
                  <div class="facts">
                    呼叫 ${cur.callCount}/${this.maxRecalls + 1} 次
                    ${cur.calledAt ? html` · ${clockTime(cur.calledAt, this.timezone)}` : nothing} ·
                    取号 ${clockTime(cur.takenAt, this.timezone)}
                  </div>
                </span>
              </div>`
            : html`<div class="current" data-testid="current">
                <span class="facts">当前无顾客 <span class="en">No customer</span></span>
              </div>`
        }
      </div>
      <div class="actions">
        ${this._button('call-next', allowed, true)} ${this._button('recall', allowed)}
        ${this._button('no-show', allowed)} ${this._button('start', allowed)}
      </div>
      ${
        allowed.has('finish')
          ? html`<dc-counter-finish
              .categories=${this.categories}
              .suggested=${cur ? suggestCategory(this.categories, cur.serviceName) : undefined}
              .code=${cur?.code ?? ''}
              ?busy=${!!this.busy}
            ></dc-counter-finish>`
          : nothing
      }
      <div class="panel">
        <div class="row">
          <div>
            <label for="code">叫指定号码 <span class="en">Call a number</span></label>
            <input
              id="code"
              placeholder="A012"
              autocomplete="off"
              .value=${this._code}
              @input=${(e: Event) => (this._code = (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this._callCode(allowed)}
            />
          </div>
          <button
            data-action="call"
            ?disabled=${!!this.busy || !allowed.has('call') || !isCode(normaliseCode(this._code))}
            @click=${() => this._callCode(allowed)}
          >
            呼叫 <span class="en">Call</span>
          </button>
        </div>
        <div class="row">
          <div>
            <label for="to">转到其他业务 <span class="en">Transfer to</span></label>
            <select
              id="to"
              .value=${transferTo}
              @change=${(e: Event) => (this._transferTo = (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${transferTo === ''}>请选择业务 Choose a service</option>
              ${others.map((s) => html`<option .value=${s.id} ?selected=${s.id === transferTo}>${s.prefix} · ${shortName(s.name)}</option>`)}
            </select>
          </div>
          <button
            data-action="transfer"
            ?disabled=${!!this.busy || !allowed.has('transfer') || !transferTo}
            @click=${() => this._transfer(transferTo)}
          >
            转移 <span class="en">Transfer</span>
          </button>
        </div>
      </div>
      ${
        noShows.length
          ? html`<div class="panel">
              <h2>可召回的过号 <span class="en">Missed, may be called back</span></h2>
              <div class="actions">
                ${noShows.map(
                  (n) =>
                    html`<button
                      data-recall-code=${n.code}
                      ?disabled=${!!this.busy || !allowed.has('call')}
                      @click=${() => this.dispatchEvent(counterAct({ action: 'call', code: n.code }))}
                    >
                      ${n.code}
                      <span class="en">至 ${clockTime(n.recallableUntil, this.timezone)}</span>
                    </button>`,
                )}
              </div>
            </div>`
          : nothing
      }
      <div class="actions">
        ${k.status === 'paused' ? this._button('resume', allowed) : this._button('pause', allowed)}
        ${this._button('close', allowed)}
      </div>
    `;
  }

  private _button(action: Simple, allowed: Set<CounterAction>, primary = false) {
    const [zh, en] = LABELS[action];
    return html`<button
      class=${primary ? 'primary' : ''}
      data-action=${action}
      ?disabled=${!!this.busy || !allowed.has(action)}
      @click=${() => this.dispatchEvent(counterAct({ action }))}
    >
      ${this.busy === action ? '…' : zh} <span class="en">${en}</span>
    </button>`;
  }

  private _transfer(service: string): void {
    if (!service) return;
    this.dispatchEvent(counterAct({ action: 'transfer', service }));
    // The next customer's transfer is chosen afresh.
    this._transferTo = '';
  }

  private _callCode(allowed: Set<CounterAction>): void {
    const code = normaliseCode(this._code);
    if (this.busy || !allowed.has('call') || !isCode(code)) return;
    this.dispatchEvent(counterAct({ action: 'call', code }));
    this._code = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-desk': DcCounterDesk;
  }
}
