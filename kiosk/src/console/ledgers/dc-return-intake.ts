import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import type { MerchantPickEvent } from '../complaints/dc-complaint-merchant.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import type { Merchant, MerchantList } from '../merchants/merchant-types.ts';
import { toast } from '../toast.ts';
import { ledgerChanged } from './ledger-events.ts';
import type { ReturnRecord } from './ledger-types.ts';
import '../complaints/dc-complaint-merchant.ts';

const FIELDS = {
  customerName: '顾客姓名 · Customer',
  customerPhone: '联系电话 · Phone',
  orderNo: '订单号 · Order no.',
  product: '商品 · Product',
  purchaseDate: '购买日期 · Bought on',
  returnDate: '退货日期 · Returned on',
} as const;
type Field = keyof typeof FIELDS;
type Draft = Record<Field | 'merchantName' | 'reason', string> & { merchantId?: number };

const empty = (today: string): Draft => ({
  customerName: '',
  customerPhone: '',
  orderNo: '',
  product: '',
  purchaseDate: '',
  returnDate: today,
  merchantName: '',
  reason: '',
});

/**
 * A 30-day no-reason return registered (30天无理由退货登记): order, merchant, product, the
 * dates and the reason. Past the 30 days the server refuses it and says both dates; the
 * department manager may then register it all the same, with a reason.
 */
@customElement('dc-return-intake')
export class DcReturnIntake extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(52rem, 96vw);
      }
      .form {
        --form-columns: 3;
      }
      .rule {
        margin-right: auto;
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      .late {
        margin-bottom: 0.75rem;
      }
      .late b {
        display: block;
        margin-bottom: 0.25rem;
      }
      .late sl-textarea {
        margin-top: 0.6rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _d: Draft = empty('');
  @state() private _errors: Record<string, string> = {};
  /** The server's refusal of a return past the 30 days, in its words (both dates). */
  @state() private _late = '';
  @state() private _override = '';
  @state() private _busy = false;
  @state() private _merchants: Merchant[] = [];
  @query('sl-dialog') private _dialog!: SlDialog;

  show(): void {
    this._d = empty(this.session.site.today);
    this._errors = {};
    this._late = '';
    this._override = '';
    void this._loadMerchants();
    void this.updateComplete.then(() => this._dialog.show());
  }

  override render() {
    return html`<sl-dialog
      label="登记无理由退货 · Register a 30-day return"
      data-testid="return-intake"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${this._late ? this._lateAlert() : nothing}
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._input('customerName', true)} ${this._input('customerPhone', true, 'tel')}
        ${this._input('orderNo', true)}
        <div>
          <dc-complaint-merchant
            label="商户 · Merchant"
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
        ${this._input('product', true)} <span></span> ${this._input('purchaseDate', true, 'date')}
        ${this._input('returnDate', true, 'date')}
        <div class="wide">
          <sl-textarea
            name="reason"
            label="退货原因 · Reason (无理由 if none)"
            rows="2"
            required
            .value=${this._d.reason}
            @sl-input=${(e: Event) =>
              this._set({ reason: (e.target as HTMLTextAreaElement).value })}
          ></sl-textarea>
          ${this._error('reason')}
        </div>
      </form>
      <span slot="footer" class="rule"
        >购买后 30 天内可无理由退货 · Within 30 days of the purchase</span
      >
      <sl-button slot="footer" @click=${() => void this._dialog.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-return"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>登记 · Register
      </sl-button>
    </sl-dialog>`;
  }

  private _lateAlert() {
    const role = this.session.me.role;
    const mayOverride = role === 'manager' || role === 'admin';
    return html`<sl-alert variant="warning" open class="late" data-testid="late-refusal">
      <sl-icon slot="icon" name="calendar-x"></sl-icon>
      <b>超过 30 天，未登记 · Past the 30 days: not registered</b>
      ${this._late}
      ${
        mayOverride
          ? html`<sl-textarea
                name="override"
                label="经理批准理由 · Why you, the manager, waive the 30 days"
                rows="2"
                .value=${this._override}
                @sl-input=${(e: Event) =>
                  (this._override = (e.target as HTMLTextAreaElement).value)}
              ></sl-textarea>
              ${this._error('override')}
              <sl-button
                size="small"
                variant="warning"
                data-testid="override-return"
                style="margin-top:.5rem"
                ?loading=${this._busy}
                @click=${() => void this._save(true)}
              >
                <sl-icon slot="prefix" name="shield-check"></sl-icon>经理批准，照常登记 · Override
                and register
              </sl-button>`
          : html`<div class="hint" data-testid="ask-manager">
              须由部门经理批准并说明理由 · Only the department manager may waive it.
            </div>`
      }
    </sl-alert>`;
  }

  private _input(f: Field, required = false, type = 'text') {
    return html`<div>
      <sl-input
        name=${f}
        label=${FIELDS[f]}
        type=${type}
        ?required=${required}
        .value=${this._d[f]}
        @sl-input=${(e: Event) => this._set({ [f]: (e.target as HTMLInputElement).value })}
        @sl-change=${(e: Event) => this._set({ [f]: (e.target as HTMLInputElement).value })}
      ></sl-input>
      ${this._error(f)}
    </div>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _set(patch: Partial<Draft>): void {
    this._d = { ...this._d, ...patch };
    this._errors = Object.fromEntries(Object.entries(this._errors).filter(([k]) => !(k in patch)));
    // A date changed: the refusal was about the old ones.
    if ('purchaseDate' in patch || 'returnDate' in patch) this._late = '';
  }

  private async _loadMerchants(): Promise<void> {
    if (this._merchants.length) return;
    try {
      this._merchants = (await this.session.api.get<MerchantList>('/api/merchants')).merchants;
    } catch {
      // Without the list the merchant is typed: the form still works.
    }
  }

  private async _save(override = false): Promise<void> {
    if (this._busy) return;
    const d = this._d;
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.session.api.post<{ return: ReturnRecord }>('/api/returns', {
        customerName: d.customerName,
        customerPhone: d.customerPhone,
        orderNo: d.orderNo,
        ...(d.merchantId ? { merchantId: d.merchantId } : {}),
        ...(d.merchantName.trim() ? { merchantName: d.merchantName } : {}),
        product: d.product,
        purchaseDate: d.purchaseDate,
        ...(d.returnDate ? { returnDate: d.returnDate } : {}),
        reason: d.reason,
        ...(override ? { override: { reason: this._override } } : {}),
      });
      toast(
        'success',
        `已登记退货 #${r.return.id} · Return registered`,
        `${r.return.customerName} · ${r.return.product} · 购买后 ${r.return.daysAfterPurchase} 天`,
      );
      this.dispatchEvent(ledgerChanged());
      this._busy = false;
      await this._dialog.hide();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'past-return-window') {
        this._late = err.message;
        return;
      }
      this._errors = fieldMessages(err);
      // The override's own reason, refused, belongs under it.
      if (override && this._errors['override.reason'])
        this._errors = { ...this._errors, override: this._errors['override.reason'] };
      toast('danger', '退货未登记 · Not registered', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-return-intake': DcReturnIntake;
  }
}
