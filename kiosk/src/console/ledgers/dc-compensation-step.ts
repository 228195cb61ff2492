import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { toast } from '../toast.ts';
import { fenOf, NOT_AN_AMOUNT, yuanText } from './ledger-money.ts';
import { ledgerChanged } from './ledger-events.ts';
import { METHOD_TEXT } from './ledger-text.ts';
import { PAYMENT_METHODS, type Compensation, type PaymentMethod } from './ledger-types.ts';

export type CompensationStep = 'approve' | 'reject' | 'pay' | 'recover';

const STEP_TEXT: Record<CompensationStep, { zh: string; en: string; icon: string }> = {
  approve: { zh: '批准', en: 'Approve', icon: 'check2-circle' },
  reject: { zh: '驳回', en: 'Reject', icon: 'x-circle' },
  pay: { zh: '赔付顾客', en: 'Pay the customer', icon: 'cash-coin' },
  recover: { zh: '向商户追回', en: 'Recover from the merchant', icon: 'arrow-return-left' },
};

/**
 * One step of an advance compensation: the manager's approval (perhaps for less) or
 * rejection, the desk's payment to the customer, or a recovery from the merchant, in part or
 * in full, with what is still owed shown before and after.
 */
@customElement('dc-compensation-step')
export class DcCompensationStep extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(34rem, 96vw);
      }
      .facts {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1rem;
        margin-bottom: 0.75rem;
        font-size: 0.9rem;
      }
      .facts dt {
        color: var(--sl-color-neutral-600);
      }
      .facts dd {
        margin: 0;
      }
      .owed {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _c?: Compensation;
  @state() private _step: CompensationStep = 'approve';
  @state() private _amount = '';
  @state() private _text = '';
  @state() private _method: PaymentMethod = 'cash';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('sl-dialog') private _dialog!: SlDialog;

  show(c: Compensation, step: CompensationStep): void {
    this._c = c;
    this._step = step;
    // Approval starts at what was asked; a recovery is typed, often a part.
    this._amount = step === 'approve' ? (c.amountFen / 100).toFixed(2) : '';
    this._text = '';
    this._method = 'cash';
    this._errors = {};
    void this.updateComplete.then(() => this._dialog.show());
  }

  override render() {
    const c = this._c;
    const s = STEP_TEXT[this._step];
    return html`<sl-dialog
      label="${s.zh} · ${s.en}${c ? ` · #${c.id}` : ''}"
      data-testid="compensation-step"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      ${c ? this._facts(c) : nothing}
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._fields()}
      </form>
      <sl-button slot="footer" @click=${() => void this._dialog.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant=${this._step === 'reject' ? 'danger' : 'primary'}
        data-testid="save-step"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name=${s.icon}></sl-icon>${s.zh} · ${s.en}
      </sl-button>
    </sl-dialog>`;
  }

  private _facts(c: Compensation) {
    return html`<dl class="facts">
      <dt>顾客 · Customer</dt>
      <dd>${c.customerName}</dd>
      <dt>商户 · Merchant</dt>
      <dd>${c.merchantName}</dd>
      <dt>申请金额 · Asked</dt>
      <dd>${yuanText(c.amountFen)}</dd>
      ${
        c.approvedFen !== undefined
          ? html`<dt>批准金额 · Approved</dt>
              <dd>${yuanText(c.approvedFen)}</dd>`
          : nothing
      }
      ${
        this._step === 'recover'
          ? html`<dt>已追回 · Recovered</dt>
              <dd>${yuanText(c.recoveredFen)}</dd>
              <dt>尚欠 · Still owed</dt>
              <dd class="owed" data-testid="step-owed">${yuanText(c.outstandingFen)}</dd>`
          : nothing
      }
      <dt>理由 · Reason</dt>
      <dd>${c.reason}</dd>
    </dl>`;
  }

  private _fields() {
    const amount = (label: string) =>
      html`<div>
        <sl-input
          name="amount"
          label=${label}
          .value=${this._amount}
          @sl-input=${(e: Event) => {
            this._amount = (e.target as HTMLInputElement).value;
            this._errors = {};
          }}
        ></sl-input>
        ${
          fenOf(this._amount) !== undefined
            ? html`<div class="hint">${yuanText(fenOf(this._amount) ?? 0)}</div>`
            : nothing
        }
        ${this._error('amountFen')}
      </div>`;
    const text = (label: string, required = false) =>
      html`<div class="wide">
        <sl-textarea
          name="text"
          label=${label}
          rows="2"
          ?required=${required}
          .value=${this._text}
          @sl-input=${(e: Event) => {
            this._text = (e.target as HTMLTextAreaElement).value;
            this._errors = {};
          }}
        ></sl-textarea>
        ${this._error(this._step === 'reject' ? 'reason' : 'note')}
      </div>`;
    switch (this._step) {
      case 'approve':
        return html`${amount('批准金额（元）· Amount approved (¥)')}
        ${text('审批意见 · Note (optional)')}`;
      case 'reject':
        return text('驳回理由 · Why it is rejected', true);
      case 'pay':
        return html`<div>
            <sl-select
              name="method"
              label="赔付方式 · Paid by"
              .value=${this._method}
              @sl-change=${(e: Event) =>
                (this._method = (e.target as HTMLSelectElement).value as PaymentMethod)}
            >
              ${PAYMENT_METHODS.map(
                (m) =>
                  html`<sl-option value=${m}
                    >${METHOD_TEXT[m].zh} · ${METHOD_TEXT[m].en}</sl-option
                  >`,
              )}
            </sl-select>
          </div>
          <div>
            <span class="label">赔付金额 · Amount</span>
            <b>${yuanText(this._c?.approvedFen ?? this._c?.amountFen ?? 0)}</b>
          </div>
          ${text('备注 · Note (optional)')}`;
      case 'recover':
        return html`${amount('本次追回（元）· Recovered now (¥)')} ${text('备注 · Note (optional)')}`;
      default: {
        const never: never = this._step;
        return never;
      }
    }
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _body(): { path: string; body: Record<string, unknown> } | undefined {
    const c = this._c as Compensation;
    const decision = `/api/compensations/${c.id}/decision`;
    const actions = `/api/compensations/${c.id}/actions`;
    const amountFen = fenOf(this._amount);
    switch (this._step) {
      case 'approve':
        if (amountFen === undefined) return undefined;
        return { path: decision, body: { action: 'approve', amountFen, note: this._text } };
      case 'reject':
        return { path: decision, body: { action: 'reject', reason: this._text } };
      case 'pay':
        return { path: actions, body: { action: 'pay', method: this._method, note: this._text } };
      case 'recover':
        if (amountFen === undefined) return undefined;
        return { path: actions, body: { action: 'recover', amountFen, note: this._text } };
      default: {
        const never: never = this._step;
        return never;
      }
    }
  }

  private async _save(): Promise<void> {
    if (this._busy || !this._c) return;
    const call = this._body();
    if (!call) {
      this._errors = { amountFen: NOT_AN_AMOUNT };
      return;
    }
    this._busy = true;
    this._errors = {};
    const s = STEP_TEXT[this._step];
    try {
      const r = await this.session.api.post<{ compensation: Compensation }>(call.path, call.body);
      const c = r.compensation;
      toast(
        'success',
        `${s.zh} · ${s.en}：#${c.id}`,
        c.status === 'paid' || c.status === 'recovered'
          ? `尚欠 ${yuanText(c.outstandingFen)} · still owed`
          : c.customerName,
      );
      this.dispatchEvent(ledgerChanged());
      this._busy = false;
      await this._dialog.hide();
    } catch (err) {
      const errors = fieldMessages(err);
      // A refusal about the money (422 `amount`) belongs at the amount.
      if ((err as { code?: string }).code === 'amount' && errors['']) {
        errors['amountFen'] = errors[''];
        delete errors[''];
      }
      this._errors = errors;
      toast('danger', `未能${s.zh} · Not done`, (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-compensation-step': DcCompensationStep;
  }
}
