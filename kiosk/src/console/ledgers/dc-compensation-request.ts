import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import type { MerchantPickEvent } from '../complaints/dc-complaint-merchant.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import type { Merchant, MerchantList } from '../merchants/merchant-types.ts';
import { toast } from '../toast.ts';
import { fenOf, NOT_AN_AMOUNT, yuanText } from './ledger-money.ts';
import { ledgerChanged } from './ledger-events.ts';
import type { Compensation } from './ledger-types.ts';
import '../complaints/dc-complaint-merchant.ts';

const empty = () => ({
  customerName: '',
  customerPhone: '',
  merchantName: '',
  merchantId: undefined as number | undefined,
  amount: '',
  complaintId: '',
  reason: '',
});
type Draft = ReturnType<typeof empty>;

/**
 * The request for an advance compensation (先行赔偿申请): the customer, the merchant it will be
 * recovered from, the amount in 元 and why. It waits for the department manager's decision.
 */
@customElement('dc-compensation-request')
export class DcCompensationRequest extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(48rem, 96vw);
      }
      .rule {
        margin-right: auto;
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _d: Draft = empty();
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @state() private _merchants: Merchant[] = [];
  @query('sl-dialog') private _dialog!: SlDialog;

  show(): void {
    this._d = empty();
    this._errors = {};
    void this._loadMerchants();
    void this.updateComplete.then(() => this._dialog.show());
  }

  override render() {
    return html`<sl-dialog
      label="申请先行赔偿 · Request an advance compensation"
      data-testid="compensation-request"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${this._general()}
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._input('customerName', '顾客姓名 · Customer', true)}
        ${this._input('customerPhone', '联系电话 · Phone', true, 'tel')}
        <div class="wide">
          <dc-complaint-merchant
            label="追偿商户 · Merchant to recover from"
            .merchants=${this._merchants}
            .value=${{
              merchantName: this._d.merchantName,
              ...(this._d.merchantId ? { merchantId: this._d.merchantId } : {}),
            }}
            .error=${this._errors['merchantName'] ?? this._errors['merchantId'] ?? ''}
            @merchant-pick=${(e: MerchantPickEvent) =>
              this._set({ merchantName: e.detail.merchantName, merchantId: e.detail.merchantId })}
          ></dc-complaint-merchant>
        </div>
        ${this._input('amount', '赔偿金额（元）· Amount (¥)', true)}
        ${this._input('complaintId', '相关投诉编号 · Complaint no. (optional)')}
        <div class="wide">
          <sl-textarea
            name="reason"
            label="赔偿理由 · Why the mall pays first"
            rows="3"
            required
            .value=${this._d.reason}
            @sl-input=${(e: Event) =>
              this._set({ reason: (e.target as HTMLTextAreaElement).value })}
          ></sl-textarea>
          ${this._error('reason')}
        </div>
      </form>
      <span slot="footer" class="rule">须部门经理审批后赔付 · Paid once the manager approves</span>
      <sl-button slot="footer" @click=${() => void this._dialog.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-compensation"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="send"></sl-icon>提交申请 · Request
      </sl-button>
    </sl-dialog>`;
  }

  private _general() {
    return this._errors['']
      ? html`<sl-alert variant="danger" open class="general">
          <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
        </sl-alert>`
      : nothing;
  }

  private _input(
    f: 'customerName' | 'customerPhone' | 'amount' | 'complaintId',
    label: string,
    required = false,
    type = 'text',
  ) {
    return html`<div>
      <sl-input
        name=${f}
        label=${label}
        type=${type}
        ?required=${required}
        .value=${this._d[f]}
        @sl-input=${(e: Event) => this._set({ [f]: (e.target as HTMLInputElement).value })}
      ></sl-input>
      ${
        f === 'amount' && fenOf(this._d.amount) !== undefined
          ? html`<div class="hint">${yuanText(fenOf(this._d.amount) ?? 0)}</div>`
          : nothing
      }
      ${this._error(f === 'amount' ? 'amountFen' : f)}
    </div>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _set(patch: Partial<Draft>): void {
    this._d = { ...this._d, ...patch };
    const touched = Object.keys(patch).map((k) => (k === 'amount' ? 'amountFen' : k));
    this._errors = Object.fromEntries(
      Object.entries(this._errors).filter(([k]) => !touched.includes(k)),
    );
  }

  private async _loadMerchants(): Promise<void> {
    if (this._merchants.length) return;
    try {
      this._merchants = (await this.session.api.get<MerchantList>('/api/merchants')).merchants;
    } catch {
      // Without the list the merchant is typed: the form still works.
    }
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const d = this._d;
    const amountFen = fenOf(d.amount);
    if (amountFen === undefined) {
      this._errors = { amountFen: NOT_AN_AMOUNT };
      return;
    }
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.session.api.post<{ compensation: Compensation }>('/api/compensations', {
        customerName: d.customerName,
        customerPhone: d.customerPhone,
        ...(d.merchantId ? { merchantId: d.merchantId } : {}),
        ...(d.merchantName.trim() ? { merchantName: d.merchantName } : {}),
        ...(d.complaintId.trim() ? { complaintId: Number(d.complaintId) } : {}),
        amountFen,
        reason: d.reason,
      });
      toast(
        'success',
        `已提交先行赔偿 #${r.compensation.id} · Requested`,
        `${r.compensation.customerName} · ${yuanText(r.compensation.amountFen)} · 等待部门经理审批`,
      );
      this.dispatchEvent(ledgerChanged());
      this._busy = false;
      await this._dialog.hide();
    } catch (err) {
      this._errors = fieldMessages(err);
      toast('danger', '未提交 · Not requested', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-compensation-request': DcCompensationRequest;
  }
}
