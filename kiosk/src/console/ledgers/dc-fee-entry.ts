import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import type { MerchantPickEvent } from '../complaints/dc-complaint-merchant.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import type { Merchant, MerchantList } from '../merchants/merchant-types.ts';
import { toast } from '../toast.ts';
import { fenOf, NOT_AN_AMOUNT, yuanText } from './ledger-money.ts';
import { ledgerChanged } from './ledger-events.ts';
import { METHOD_TEXT } from './ledger-text.ts';
import {
  PAYMENT_METHODS,
  type MerchantService,
  type PaymentMethod,
  type ServiceFee,
  type ServiceKind,
} from './ledger-types.ts';
import '../complaints/dc-complaint-merchant.ts';

const fenToYuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Quick entry of a merchant service (标价签 / 特价牌 / 销售定单): the merchant, the kind and
 * the quantity; the fee per item comes from the server's list (a merchant's agreed price may
 * be typed over it), the total is shown, and it is paid now or later.
 */
@customElement('dc-fee-entry')
export class DcFeeEntry extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      .form {
        --form-columns: 4;
        align-items: start;
      }
      .two {
        grid-column: span 2;
      }
      .paid {
        align-self: end;
        padding-bottom: 0.5rem;
      }
      .total {
        font-size: 1.35rem;
        font-weight: 600;
      }
      sl-radio-group::part(button-group) {
        flex-wrap: wrap;
      }
      .save {
        align-self: end;
        display: flex;
        gap: 0.75rem;
        align-items: center;
        justify-content: flex-end;
        flex-wrap: wrap;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _fees: ServiceFee[] = [];
  @state() private _merchants: Merchant[] = [];
  @state() private _kind: ServiceKind = 'price-tag';
  @state() private _merchant: { merchantName: string; merchantId?: number } = {
    merchantName: '',
  };
  @state() private _quantity = '1';
  @state() private _unit = '';
  @state() private _paid = true;
  @state() private _method: PaymentMethod = 'cash';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    const fee = this._fees.find((f) => f.kind === this._kind);
    const unitFen = fenOf(this._unit);
    const qty = Number(this._quantity);
    const total = unitFen !== undefined && Number.isInteger(qty) && qty > 0 ? unitFen * qty : 0;
    return html`${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        <div class="wide">
          <sl-radio-group
            name="kind"
            size="small"
            label="服务项目 · Service"
            .value=${this._kind}
            @sl-change=${(e: Event) =>
              this._pickKind((e.target as HTMLInputElement).value as ServiceKind)}
          >
            ${this._fees.map(
              (f) =>
                html`<sl-radio-button value=${f.kind}
                  >${f.zh} · ${f.en}（${yuanText(f.unitFeeFen)}/${f.unitZh}）</sl-radio-button
                >`,
            )}
          </sl-radio-group>
        </div>
        <div class="two">
          <dc-complaint-merchant
            label="商户 · Merchant"
            .merchants=${this._merchants}
            .value=${this._merchant}
            .error=${this._errors['merchantName'] ?? this._errors['merchantId'] ?? ''}
            @merchant-pick=${(e: MerchantPickEvent) => {
              this._merchant = {
                merchantName: e.detail.merchantName,
                ...(e.detail.merchantId ? { merchantId: e.detail.merchantId } : {}),
              };
              this._errors = {};
            }}
          ></dc-complaint-merchant>
        </div>
        <div>
          <sl-input
            name="quantity"
            type="number"
            min="1"
            label="数量${fee ? `（${fee.unitZh}）` : ''} · Quantity"
            .value=${this._quantity}
            @sl-input=${(e: Event) => {
              this._quantity = (e.target as HTMLInputElement).value;
              this._errors = {};
            }}
          ></sl-input>
          ${this._error('quantity')}
        </div>
        <div>
          <sl-input
            name="unitFee"
            label="单价（元）· Fee each (¥)"
            .value=${this._unit}
            @sl-input=${(e: Event) => {
              this._unit = (e.target as HTMLInputElement).value;
              this._errors = {};
            }}
          ></sl-input>
          ${
            fee && unitFen !== fee.unitFeeFen
              ? html`<div class="hint">标准 · standard ${yuanText(fee.unitFeeFen)}</div>`
              : nothing
          }
          ${this._error('unitFeeFen')}
        </div>
        <div>
          <span class="label">合计 · Total</span>
          <span class="total" data-testid="fee-total">${yuanText(total)}</span>
        </div>
        <div class="paid">
          <sl-switch
            name="paid"
            ?checked=${this._paid}
            @sl-change=${(e: Event) => (this._paid = (e.target as HTMLInputElement).checked)}
            >${this._paid ? '当场收费 · Paid now' : '稍后收费 · Pay later'}</sl-switch
          >
        </div>
        <div>
          ${
            this._paid
              ? html`<sl-select
                  name="method"
                  size="small"
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
                </sl-select>`
              : nothing
          }
        </div>
        <div class="save">
          <sl-button
            variant="primary"
            data-testid="save-fee"
            ?loading=${this._busy}
            @click=${() => void this._save()}
          >
            <sl-icon slot="prefix" name="check2"></sl-icon>登记 · Record
          </sl-button>
        </div>
      </form>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _pickKind(kind: ServiceKind): void {
    this._kind = kind;
    const fee = this._fees.find((f) => f.kind === kind);
    if (fee) this._unit = fenToYuan(fee.unitFeeFen);
    this._errors = {};
  }

  private async _load(): Promise<void> {
    try {
      const r = await this.session.api.get<{ fees: ServiceFee[] }>('/api/merchant-services/fees');
      this._fees = r.fees;
      this._pickKind(this._kind);
    } catch (err) {
      this._errors = {
        '': `收费标准读取失败 · Could not read the fees: ${(err as Error).message}`,
      };
    }
    try {
      this._merchants = (await this.session.api.get<MerchantList>('/api/merchants')).merchants;
    } catch {
      // Without the list the merchant is typed: the form still works.
    }
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const unitFeeFen = fenOf(this._unit);
    if (unitFeeFen === undefined) {
      this._errors = { unitFeeFen: NOT_AN_AMOUNT };
      return;
    }
    this._busy = true;
    this._errors = {};
    const m = this._merchant;
    try {
      const r = await this.session.api.post<{ service: MerchantService }>(
        '/api/merchant-services',
        {
          kind: this._kind,
          ...(m.merchantId ? { merchantId: m.merchantId } : {}),
          ...(m.merchantName.trim() ? { merchantName: m.merchantName } : {}),
          quantity: Number(this._quantity),
          unitFeeFen,
          paid: this._paid,
          ...(this._paid ? { method: this._method } : {}),
        },
      );
      const s = r.service;
      toast(
        'success',
        `已登记 · Recorded：${s.merchantName}`,
        `${s.quantity} × ${yuanText(s.unitFeeFen)} = ${yuanText(s.totalFen)}${s.status === 'paid' ? ' · 已收费' : ' · 未收费'}`,
      );
      this._quantity = '1';
      this.dispatchEvent(ledgerChanged());
    } catch (err) {
      this._errors = fieldMessages(err);
      toast('danger', '未登记 · Not recorded', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-fee-entry': DcFeeEntry;
  }
}
