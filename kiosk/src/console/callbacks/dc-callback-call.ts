import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import {
  callTime,
  KIND_LABEL,
  OUTCOME_LABEL,
  type Callback,
  type Outcome,
  type ScriptBranch,
} from './callback-types.ts';

/** Fired when a call was recorded; `detail` is the callback after it. */
export type CallbackCalled = CustomEvent<Callback>;

/**
 * One callback as the person making it needs it: whom to call (the full number), what it is
 * about, the calls so far, and the 回访规范 script in the order it is said (开始 → 交流 → the
 * answer's branch → 结束), then the outcome with a note.
 */
@customElement('dc-callback-call')
export class DcCallbackCall extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1rem;
      }
      .name {
        font-size: 1.25rem;
        font-weight: 600;
      }
      .phone {
        font-size: 1.25rem;
        font-weight: 600;
        color: var(--sl-color-primary-700);
        letter-spacing: 0.03em;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.2rem 0.75rem;
        margin: 0.75rem 0;
        font-size: 0.9rem;
      }
      dt {
        color: var(--sl-color-neutral-500);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ol.script {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0;
        display: grid;
        gap: 0.5rem;
      }
      .step {
        border-left: 3px solid var(--sl-color-primary-400);
        padding: 0.35rem 0.75rem;
        background: var(--sl-color-neutral-50);
        border-radius: 0 var(--sl-border-radius-medium) var(--sl-border-radius-medium) 0;
      }
      .step .tag {
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--sl-color-primary-700);
        display: block;
      }
      .say {
        font-size: 1.05rem;
        line-height: 1.55;
      }
      .branches {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.5rem;
      }
      .branch.good {
        border-left-color: var(--sl-color-success-500);
      }
      .branch.bad {
        border-left-color: var(--sl-color-warning-500);
      }
      .reminders {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-500);
        margin: 0 0 0.75rem;
      }
      .outcomes {
        margin-top: 0.75rem;
      }
      .calls {
        font-size: 0.85rem;
        margin: 0.25rem 0 0;
        padding-left: 1.2rem;
      }
      @media (max-width: 1100px) {
        .branches {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ type: Number }) callbackId?: number;
  @state() private _cb?: Callback;
  @state() private _error = '';
  @state() private _note = '';
  @state() private _busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('callbackId')) {
      this._cb = undefined;
      this._note = '';
      this._error = '';
      void this.load();
    }
  }

  /** Reads the callback again, with the customer's full number. */
  async load(): Promise<void> {
    const id = this.callbackId;
    if (id === undefined || !this.session) return;
    try {
      const r = await this.session.api.get<{ callback: Callback }>(`/api/callbacks/${id}`);
      if (id === this.callbackId) this._cb = r.callback;
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    if (this.callbackId === undefined)
      return html`<div class="card empty" data-testid="no-call">
        <sl-icon name="telephone-outbound"></sl-icon>
        从左侧选一条回访开始拨打 · Pick a callback on the left to make the call.
      </div>`;
    const cb = this._cb;
    if (!cb)
      return this._error
        ? html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            回访读取失败 · Could not load the callback: ${this._error}
          </sl-alert>`
        : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    const s = cb.subject;
    const source =
      cb.source.kind === 'sale'
        ? `销售档案 · Sale #${cb.source.id}`
        : `投诉 · Complaint #${cb.source.id}`;
    return html`<div class="card" data-testid="call-panel" data-callback=${cb.id}>
      <div class="who">
        <span class="name" data-testid="call-name">${s.customerName}</span>
        <span class="phone" data-testid="call-phone">
          <sl-icon name="telephone"></sl-icon> ${s.customerPhone}
        </span>
        <sl-tag size="small" variant=${cb.standing === 'overdue' ? 'danger' : 'neutral'}>
          ${KIND_LABEL[cb.kind].zh} · ${KIND_LABEL[cb.kind].en}
        </sl-tag>
      </div>
      <dl>
        <dt>来源 · From</dt>
        <dd data-testid="call-source">
          ${source}${s.orderNo ? html` · 订单号 ${s.orderNo}` : nothing}
        </dd>
        <dt>商品 · Product</dt>
        <dd>${[s.merchantName, s.product].filter(Boolean).join(' · ')}</dd>
        <dt>应回访日 · Due</dt>
        <dd>
          ${cb.dueOn}
          ${
            cb.overdueDays
              ? html`<span style="color:var(--sl-color-danger-600)"
                  >（逾期 ${cb.overdueDays} 天 · ${cb.overdueDays} days overdue）</span
                >`
              : nothing
          }
        </dd>
        <dt>已拨打 · Tries</dt>
        <dd data-testid="call-tries">
          ${cb.tries} 次 · ${cb.tries} so far
          ${
            cb.calls.length
              ? html`<ul class="calls">
                  ${cb.calls.map(
                    (c) =>
                      html`<li>
                        ${callTime(c.at)} ${c.by} ·
                        ${OUTCOME_LABEL[c.outcome].zh}${c.note ? ` · ${c.note}` : ''}
                      </li>`,
                  )}
                </ul>`
              : nothing
          }
        </dd>
      </dl>
      <ol class="script" data-testid="script">
        ${this._step('开始 · Opening', cb.script.opening)}
        ${this._step('交流 · Ask', cb.script.question)}
        <li class="branches">
          ${this._branch('good', '满意 · If satisfied', cb.script.satisfied)}
          ${this._branch('bad', '不满意 · If not', cb.script.notSatisfied)}
        </li>
      </ol>
      <p class="reminders">${cb.script.reminders.join('；')}</p>
      ${cb.status === 'due' ? this._outcomes() : this._done(cb)}
    </div>`;
  }

  private _step(tag: string, say: string) {
    return html`<li class="step">
      <span class="tag">${tag}</span><span class="say">${say}</span>
    </li>`;
  }

  private _branch(kind: 'good' | 'bad', tag: string, b: ScriptBranch) {
    return html`<div class="step branch ${kind}">
      <span class="tag">${tag}</span>
      <span class="say">${b.ask}</span>
      <span class="tag" style="margin-top:0.35rem">结束 · Closing</span>
      <span class="say">${b.closing}</span>
    </div>`;
  }

  private _outcomes() {
    return html`<div class="outcomes">
      <sl-textarea
        name="note"
        label="记录 · Note"
        rows="2"
        resize="auto"
        maxlength="2000"
        placeholder="顾客的意见、建议 · What the customer said"
        .value=${this._note}
        @sl-input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}
      ></sl-textarea>
      <div class="row" style="margin-top:0.6rem">
        ${this._button('satisfied', 'success', 'emoji-smile')}
        ${this._button('not-satisfied', 'warning', 'emoji-frown')}
        ${this._button('unreachable', 'neutral', 'telephone-x')}
      </div>
    </div>`;
  }

  private _button(outcome: Outcome, variant: string, icon: string) {
    const l = OUTCOME_LABEL[outcome];
    return html`<sl-button
      variant=${variant}
      data-outcome=${outcome}
      ?disabled=${this._busy}
      @click=${() => void this._record(outcome)}
    >
      <sl-icon slot="prefix" name=${icon}></sl-icon>${l.zh} · ${l.en}
    </sl-button>`;
  }

  private _done(cb: Callback) {
    const l = cb.outcome ? OUTCOME_LABEL[cb.outcome] : undefined;
    return html`<sl-alert variant="success" open>
      <sl-icon slot="icon" name="check2-circle"></sl-icon>
      已回访${l ? `：${l.zh} · Done: ${l.en}` : ' · Done'}
    </sl-alert>`;
  }

  private async _record(outcome: Outcome): Promise<void> {
    const id = this.callbackId;
    if (id === undefined || this._busy) return;
    this._busy = true;
    try {
      const r = await this.session.api.post<{ callback: Callback }>(`/api/callbacks/${id}/calls`, {
        outcome,
        note: this._note,
      });
      this._cb = r.callback;
      this._note = '';
      const l = OUTCOME_LABEL[outcome];
      toast(
        outcome === 'unreachable' ? 'warning' : 'success',
        outcome === 'unreachable'
          ? `无人接听，已记第 ${r.callback.tries} 次 · Unreachable, try ${r.callback.tries}`
          : `已记录回访：${l.zh} · Callback recorded: ${l.en}`,
      );
      this.dispatchEvent(
        new CustomEvent('callback-called', { detail: r.callback, bubbles: true, composed: true }),
      );
    } catch (err) {
      toastError('回访未记录 · The call was not recorded', err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-callback-call': DcCallbackCall;
  }
}
