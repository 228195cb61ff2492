import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { fieldErrors, type Merchant } from '../merchants/merchant-types.ts';
import { KIND_LABEL, type MadeCallback, type Sale } from './callback-types.ts';

const FIELDS = [
  'customerName',
  'customerPhone',
  'product',
  'orderNo',
  'soldOn',
  'deliveredOn',
  'warrantyEnds',
  'note',
] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  customerName: '顾客 · Customer',
  customerPhone: '电话 · Phone',
  product: '商品 · Product',
  orderNo: '订单号 · Order no.',
  soldOn: '销售日期 · Sold on',
  deliveredOn: '送货日期 · Delivered on',
  warrantyEnds: '质保到期 · Warranty ends',
  note: '备注 · Note',
};
const HINTS: Partial<Record<Field, string>> = {
  deliveredOn: '售后回访从送货日起算30天 · the call is 30 days after it',
  warrantyEnds: '到期前一个月回访 · called a month before',
};

/** The merchant select's value for a merchant typed by hand. */
const OTHER = 'other';

/**
 * 新建销售档案: a sale or delivery put on file, from which the server makes its callbacks;
 * the merchant is picked from the directory or typed. The server's refusal shows at its
 * field; once saved the dialog shows the callbacks the sale made.
 */
@customElement('dc-sale-dialog')
export class DcSaleDialog extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(52rem, 96vw);
      }
      .made {
        margin: 0.5rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _draft: Record<Field, string> = this._empty();
  @state() private _merchant = '';
  @state() private _merchantName = '';
  @state() private _merchants: Merchant[] = [];
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @state() private _made?: { sale: Sale; callbacks: MadeCallback[] };

  /** Opens an empty form, sold today. */
  async show(): Promise<void> {
    this._draft = this._empty();
    this._merchant = '';
    this._merchantName = '';
    this._errors = {};
    this._made = undefined;
    await this.updateComplete;
    void this._dialog()?.show();
    try {
      const r = await this.session.api.get<{ merchants: Merchant[] }>('/api/merchants');
      this._merchants = r.merchants;
    } catch {
      // The directory is a convenience: the merchant can be typed by hand all the same.
      this._merchants = [];
      this._merchant = OTHER;
    }
  }

  override render() {
    return html`<sl-dialog
      label="新建销售档案 · New sale on file"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${this._made ? this._saved(this._made) : this._form()}
      ${
        this._made
          ? html`<sl-button
              slot="footer"
              variant="primary"
              @click=${() => void this._dialog()?.hide()}
              >完成 · Done</sl-button
            >`
          : html`<sl-button
                slot="footer"
                @click=${() => void this._dialog()?.hide()}
                ?disabled=${this._busy}
                >取消 · Cancel</sl-button
              >
              <sl-button
                slot="footer"
                variant="primary"
                data-testid="save-sale"
                ?loading=${this._busy}
                @click=${() => void this._save()}
              >
                <sl-icon slot="prefix" name="check2"></sl-icon>保存 · Save
              </sl-button>`
      }
    </sl-dialog>`;
  }

  private _form() {
    return html`${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._input('customerName', { required: true })}
        ${this._input('customerPhone', { required: true, type: 'tel' })} ${this._merchantField()}
        ${this._input('product', { required: true })} ${this._input('orderNo', { required: true })}
        ${this._input('soldOn', { required: true, type: 'date' })}
        ${this._input('deliveredOn', { type: 'date' })}
        ${this._input('warrantyEnds', { type: 'date' })}
        <div class="wide">
          <sl-textarea
            name="note"
            label=${LABELS.note}
            rows="2"
            resize="auto"
            .value=${this._draft.note}
            @sl-input=${(e: Event) => this._set('note', (e.target as HTMLTextAreaElement).value)}
          ></sl-textarea>
          ${this._error('note')}
        </div>
      </form>`;
  }

  private _input(f: Field, o: { required?: boolean; type?: string } = {}) {
    return html`<div>
      <sl-input
        name=${f}
        label=${LABELS[f]}
        type=${o.type ?? 'text'}
        ?required=${o.required}
        .value=${this._draft[f]}
        @sl-input=${(e: Event) => this._set(f, (e.target as HTMLInputElement).value)}
      ></sl-input>
      ${this._errors[f] ? this._error(f) : HINTS[f] ? html`<div class="hint">${HINTS[f]}</div>` : nothing}
    </div>`;
  }

  private _merchantField() {
    const err = this._errors['merchantName'] || this._errors['merchantId'];
    return html`<div>
        <sl-select
          name="merchant"
          label="商户 · Merchant"
          required
          placeholder="选择商户 · Pick one"
          .value=${this._merchant}
          @sl-change=${(e: Event) => {
            this._merchant = (e.target as HTMLSelectElement).value;
            this._errors = { ...this._errors, merchantName: '', merchantId: '' };
          }}
        >
          ${this._merchants
            .filter((m) => !m.retired)
            .map((m) => html`<sl-option value=${String(m.id)}>${m.name}</sl-option>`)}
          <sl-option value=${OTHER}>其他（手写）· Other, typed</sl-option>
        </sl-select>
        ${err && this._merchant !== OTHER ? html`<div class="error" data-field="merchantName">${err}</div>` : nothing}
      </div>
      ${
        this._merchant === OTHER
          ? html`<div>
              <sl-input
                name="merchantName"
                label="商户名称 · Merchant name"
                .value=${this._merchantName}
                @sl-input=${(e: Event) => {
                  this._merchantName = (e.target as HTMLInputElement).value;
                  this._errors = { ...this._errors, merchantName: '' };
                }}
              ></sl-input>
              ${err ? html`<div class="error" data-field="merchantName">${err}</div>` : nothing}
            </div>`
          : nothing
      }`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _saved(made: { sale: Sale; callbacks: MadeCallback[] }) {
    return html`<sl-alert variant="success" open data-testid="sale-saved">
      <sl-icon slot="icon" name="check2-circle"></sl-icon>
      已建档：${made.sale.customerName} · ${made.sale.product}（订单号 ${made.sale.orderNo}）
      <div>已生成回访 · Callbacks made:</div>
      <ul class="made" data-testid="made-callbacks">
        ${made.callbacks.map(
          (c) =>
            html`<li data-kind=${c.kind}>
              ${KIND_LABEL[c.kind].zh} · ${KIND_LABEL[c.kind].en}：<strong>${c.dueOn}</strong>
            </li>`,
        )}
      </ul>
    </sl-alert>`;
  }

  private _set(f: Field, value: string): void {
    this._draft = { ...this._draft, [f]: value };
    if (this._errors[f]) this._errors = { ...this._errors, [f]: '' };
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const body: Record<string, unknown> = {};
    for (const f of FIELDS) if (this._draft[f].trim() !== '') body[f] = this._draft[f].trim();
    if (this._merchant === OTHER) {
      if (this._merchantName.trim()) body['merchantName'] = this._merchantName.trim();
    } else if (this._merchant) body['merchantId'] = Number(this._merchant);
    this._busy = true;
    this._errors = {};
    try {
      this._made = await this.session.api.post<{ sale: Sale; callbacks: MadeCallback[] }>(
        '/api/sales',
        body,
      );
      toast('success', `已建档「${this._made.sale.customerName}」· Sale on file`);
      this.dispatchEvent(new CustomEvent('sale-saved', { bubbles: true, composed: true }));
    } catch (err) {
      this._errors = fieldErrors(err);
      toast('danger', '销售档案未保存 · Not saved', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }

  private _empty(): Record<Field, string> {
    const today = this.session?.site.today ?? '';
    return Object.fromEntries(FIELDS.map((f) => [f, f === 'soldOn' ? today : ''])) as Record<
      Field,
      string
    >;
  }

  private _dialog() {
    return this.renderRoot.querySelector<SlDialog>('sl-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-sale-dialog': DcSaleDialog;
  }
}
