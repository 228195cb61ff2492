import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { addDays, type Sale } from './callback-types.ts';
import type { DcSaleDialog } from './dc-sale-dialog.ts';
import './dc-sale-dialog.ts';

/**
 * 销售档案: the sales and deliveries on file for a period (this month so far unless picked),
 * and the form for a new one. The list shows phones masked, as every list does.
 */
@customElement('dc-callbacks-sales')
export class DcCallbacksSales extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .filters {
        margin-bottom: 0.75rem;
      }
      .filters sl-input {
        width: 11rem;
      }
      .nowrap {
        white-space: nowrap;
      }
      tr.void td {
        color: var(--sl-color-neutral-400);
        text-decoration: line-through;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _from = '';
  @state() private _to = '';
  @state() private _sales?: Sale[];
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const today = this.session.site.today;
    this._from = `${today.slice(0, 7)}-01`;
    this._to = today;
    void this.load();
  }

  override render() {
    return html`<div class="row filters">
        <sl-input
          type="date"
          size="small"
          name="from"
          label="从 · From"
          .value=${this._from}
          @sl-change=${(e: Event) => this._range('from', (e.target as HTMLInputElement).value)}
        ></sl-input>
        <sl-input
          type="date"
          size="small"
          name="to"
          label="到 · To"
          .value=${this._to}
          @sl-change=${(e: Event) => this._range('to', (e.target as HTMLInputElement).value)}
        ></sl-input>
        <span style="flex:1"></span>
        <sl-button
          variant="primary"
          data-testid="new-sale"
          @click=${() => void this.renderRoot.querySelector<DcSaleDialog>('dc-sale-dialog')?.show()}
        >
          <sl-icon slot="prefix" name="bag-plus"></sl-icon>新建销售档案 · New sale
        </sl-button>
      </div>
      ${this._body()}
      <dc-sale-dialog @sale-saved=${() => void this.load()}></dc-sale-dialog>`;
  }

  private _body() {
    if (this._error)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        销售档案读取失败 · Could not load the sales: ${this._error}
      </sl-alert>`;
    if (!this._sales)
      return html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!this._sales.length)
      return html`<div class="card empty" data-testid="no-sales">
        这段时间没有销售档案 · No sales on file in this period.
      </div>`;
    return html`<div class="card table-wrap" style="padding:0">
      <table data-testid="sales">
        <thead>
          <tr>
            <th>销售日期<span class="en">Sold</span></th>
            <th>顾客<span class="en">Customer</span></th>
            <th>商户 · 商品<span class="en">Merchant · product</span></th>
            <th>订单号<span class="en">Order</span></th>
            <th>送货<span class="en">Delivered</span></th>
            <th>质保到期<span class="en">Warranty</span></th>
            <th>录入<span class="en">Entered by</span></th>
          </tr>
        </thead>
        <tbody>
          ${this._sales.map(
            (s) =>
              html`<tr class=${s.status === 'void' ? 'void' : ''} data-order=${s.orderNo}>
                <td class="nowrap">${s.soldOn}</td>
                <td>${s.customerName}<span class="sub nowrap">${s.customerPhone}</span></td>
                <td>${s.merchantName ?? ''}<span class="sub">${s.product}</span></td>
                <td class="nowrap">${s.orderNo}</td>
                <td class="nowrap">${s.deliveredOn ?? '—'}</td>
                <td class="nowrap">${s.warrantyEnds ?? '—'}</td>
                <td class="nowrap">
                  ${s.enteredBy}
                  ${s.status === 'void' ? html`<span class="sub">已作废 · Void</span>` : nothing}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _range(end: 'from' | 'to', value: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    if (end === 'from') this._from = value;
    else this._to = value;
    // The server takes at most 400 days: the other end follows rather than refusing.
    if (this._to < this._from) this[end === 'from' ? '_to' : '_from'] = value;
    if (this._to > addDays(this._from, 400)) this._from = addDays(this._to, -400);
    void this.load();
  }

  /** Reads the figures again (the page calls it when the tab is shown). */
  async load(): Promise<void> {
    try {
      const r = await this.session.api.get<{ sales: Sale[] }>(
        `/api/sales?from=${this._from}&to=${this._to}`,
      );
      this._sales = [...r.sales].reverse();
      this._error = '';
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-callbacks-sales': DcCallbacksSales;
  }
}
