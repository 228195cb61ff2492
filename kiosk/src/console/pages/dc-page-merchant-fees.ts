import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { timeText } from '../complaints/complaint-text.ts';
import type { PeriodChangeEvent } from '../ledgers/dc-ledger-period.ts';
import { LEDGER_CHANGED } from '../ledgers/ledger-events.ts';
import { yuanText } from '../ledgers/ledger-money.ts';
import { LedgerRead } from '../ledgers/ledger-read.ts';
import { ledgerStyles } from '../ledgers/ledger-styles.ts';
import { METHOD_TEXT } from '../ledgers/ledger-text.ts';
import {
  PAYMENT_METHODS,
  type MerchantService,
  type PaymentMethod,
  type ServiceKind,
  type ServiceList,
} from '../ledgers/ledger-types.ts';
import { toast } from '../toast.ts';
import '../ledgers/dc-fee-entry.ts';
import '../ledgers/dc-ledger-period.ts';

const KIND_TEXT: Record<ServiceKind, { zh: string; en: string }> = {
  'price-tag': { zh: '标价签', en: 'Price tags' },
  'offer-sign': { zh: '特价牌', en: 'Offer signs' },
  'sales-order': { zh: '销售定单', en: 'Sales orders' },
};

/**
 * Merchants' fees (商户服务收费: 标价签打印 / 特价牌发放 / 销售定单发放): a quick entry on
 * top, the period's entries with what is still to collect, and the totals per merchant.
 */
@customElement('dc-page-merchant-fees')
export class DcPageMerchantFees extends LitElement {
  static override styles = [
    pageStyles,
    ledgerStyles,
    css`
      .entry {
        margin-bottom: 1rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _list = new LedgerRead<ServiceList>(
    this,
    () => this.session,
    '/api/merchant-services',
  );
  @state() private _paying = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(LEDGER_CHANGED, this._changed);
  }

  override disconnectedCallback(): void {
    this.removeEventListener(LEDGER_CHANGED, this._changed);
    super.disconnectedCallback();
  }

  override render() {
    const data = this._list.data;
    return html`<div class="page-head">
        <h1>商户服务收费<span class="en">Merchants' fees</span></h1>
      </div>
      ${
        this._list.error
          ? html`<sl-alert variant="warning" open style="margin-bottom:.75rem">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              读取失败 · Could not read: ${this._list.error}
            </sl-alert>`
          : nothing
      }
      <div class="card entry">
        <h2>快速登记<span class="en">Quick entry</span></h2>
        <dc-fee-entry></dc-fee-entry>
      </div>
      <div class="split">
        <div class="card">
          <div class="register-head">
            <h2>收费登记表<span class="en">Register</span></h2>
            <dc-ledger-period
              today=${this.session.site.today}
              @period-change=${(e: PeriodChangeEvent) => (this._list.dates = e.detail)}
            ></dc-ledger-period>
          </div>
          ${data ? this._figures(data) : nothing} ${this._table(data)}
        </div>
        <div class="card">
          <h2>按商户合计<span class="en">Totals per merchant</span></h2>
          ${data ? this._byMerchant(data) : nothing}
        </div>
      </div>`;
  }

  private _figures(d: ServiceList) {
    const t = d.totals;
    return html`<div class="figures" data-testid="fee-figures">
      <div class="figure"><b>${yuanText(t.totalFen)}</b><span>应收 · Charged</span></div>
      <div class="figure"><b>${yuanText(t.paidFen)}</b><span>已收 · Collected</span></div>
      <div class="figure ${t.unpaidFen ? 'owed' : ''}">
        <b>${yuanText(t.unpaidFen)}</b><span>未收 · To collect</span>
      </div>
    </div>`;
  }

  private _table(d?: ServiceList) {
    if (!d) return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!d.services.length)
      return html`<div class="empty" data-testid="fees-empty">
        这段时间没有收费登记 · Nothing was recorded in this period.
      </div>`;
    const list = [...d.services].sort((a, b) => b.registeredAt - a.registeredAt);
    return html`<div class="table-wrap">
      <table data-testid="fees">
        <thead>
          <tr>
            <th>登记<span class="en">Recorded</span></th>
            <th>商户<span class="en">Merchant</span></th>
            <th>项目<span class="en">Service</span></th>
            <th class="num">数量 × 单价<span class="en">Qty × fee</span></th>
            <th class="num">合计<span class="en">Total</span></th>
            <th>收费<span class="en">Paid</span></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((s) => this._row(s))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(s: MerchantService) {
    const k = KIND_TEXT[s.kind];
    return html`<tr data-fee=${s.id} class=${s.status === 'void' ? 'void' : ''}>
      <td class="nowrap">
        ${timeText(s.registeredAt, this.session.site.timezone)}
        <span class="sub">${s.registeredBy}</span>
      </td>
      <td class="clip">${s.merchantName}</td>
      <td class="nowrap">${k.zh}<span class="sub">${k.en}</span></td>
      <td class="money">${s.quantity} × ${yuanText(s.unitFeeFen)}</td>
      <td class="money"><b>${yuanText(s.totalFen)}</b></td>
      <td class="nowrap">
        ${
          s.status === 'paid'
            ? html`<sl-tag size="small" variant="success">已收费 · Paid</sl-tag>`
            : s.status === 'void'
              ? html`<sl-tag size="small" variant="neutral">已作废 · Void</sl-tag>`
              : html`<sl-dropdown>
                  <sl-button
                    slot="trigger"
                    size="small"
                    variant="warning"
                    outline
                    caret
                    data-testid="collect"
                    ?loading=${this._paying === s.id}
                    >未收 · 收费 Collect</sl-button
                  >
                  <sl-menu
                    @sl-select=${(e: CustomEvent<{ item: { value: string } }>) =>
                      void this._pay(s, e.detail.item.value as PaymentMethod)}
                  >
                    ${PAYMENT_METHODS.map(
                      (m) =>
                        html`<sl-menu-item value=${m}
                          >${METHOD_TEXT[m].zh} · ${METHOD_TEXT[m].en}</sl-menu-item
                        >`,
                    )}
                  </sl-menu>
                </sl-dropdown>`
        }
      </td>
    </tr>`;
  }

  private _byMerchant(d: ServiceList) {
    const rows = d.totals.byMerchant;
    if (!rows.length) return html`<div class="empty">—</div>`;
    return html`<table data-testid="fees-by-merchant">
      <thead>
        <tr>
          <th>商户<span class="en">Merchant</span></th>
          <th class="num">应收<span class="en">Charged</span></th>
          <th class="num">未收<span class="en">To collect</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (m) =>
            html`<tr data-merchant=${m.merchantName}>
              <td>${m.merchantName}</td>
              <td class="money">${yuanText(m.totalFen)}</td>
              <td class="money ${m.unpaidFen ? 'owed' : ''}">${yuanText(m.unpaidFen)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async _pay(s: MerchantService, method: PaymentMethod): Promise<void> {
    this._paying = s.id;
    try {
      await this.session.api.post(`/api/merchant-services/${s.id}/actions`, {
        action: 'pay',
        method,
      });
      toast(
        'success',
        `已收费 · Paid：${s.merchantName}`,
        `${yuanText(s.totalFen - s.paidFen)} · ${METHOD_TEXT[method].zh}`,
      );
      await this._list.read();
    } catch (err) {
      toast('danger', '未收费 · Not recorded', (err as Error).message);
    } finally {
      this._paying = 0;
    }
  }

  private readonly _changed = () => void this._list.read();
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-merchant-fees': DcPageMerchantFees;
  }
}
