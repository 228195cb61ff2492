import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import type { PeriodChangeEvent } from '../ledgers/dc-ledger-period.ts';
import type { DcReturnIntake } from '../ledgers/dc-return-intake.ts';
import type { DcReturnOutcome } from '../ledgers/dc-return-outcome.ts';
import { LEDGER_CHANGED } from '../ledgers/ledger-events.ts';
import { yuanText } from '../ledgers/ledger-money.ts';
import { LedgerRead } from '../ledgers/ledger-read.ts';
import { ledgerStyles } from '../ledgers/ledger-styles.ts';
import { dayText, RETURN_STATUS_TEXT } from '../ledgers/ledger-text.ts';
import type { ReturnList, ReturnRecord } from '../ledgers/ledger-types.ts';
import '../ledgers/dc-ledger-period.ts';
import '../ledgers/dc-return-intake.ts';
import '../ledgers/dc-return-outcome.ts';

const COUNTED = ['registered', 'refunded', 'exchanged', 'refused'] as const;

/**
 * 30-day no-reason returns (30天无理由退货登记表 + 汇总表): the register for a period, its
 * summary by outcome and by merchant, a new return, and each one's outcome.
 */
@customElement('dc-page-returns')
export class DcPageReturns extends LitElement {
  static override styles = [pageStyles, ledgerStyles];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _list = new LedgerRead<ReturnList>(this, () => this.session, '/api/returns');
  @query('dc-return-intake') private _intake!: DcReturnIntake;
  @query('dc-return-outcome') private _outcome!: DcReturnOutcome;

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
        <h1>30天无理由退货<span class="en">30-day no-reason returns</span></h1>
        <sl-button variant="primary" data-testid="new-return" @click=${() => this._intake.show()}>
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>登记退货 · New return
        </sl-button>
      </div>
      ${
        this._list.error
          ? html`<sl-alert variant="warning" open style="margin-bottom:.75rem">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              读取失败 · Could not read: ${this._list.error}
            </sl-alert>`
          : nothing
      }
      <div class="split">
        <div class="card">
          <div class="register-head">
            <h2>退货登记表<span class="en">Register</span></h2>
            <dc-ledger-period
              today=${this.session.site.today}
              @period-change=${(e: PeriodChangeEvent) => (this._list.dates = e.detail)}
            ></dc-ledger-period>
          </div>
          ${data ? this._figures(data) : nothing} ${this._table(data)}
        </div>
        <div class="card">
          <h2>汇总表 · 按商户<span class="en">By merchant</span></h2>
          ${data ? this._byMerchant(data) : nothing}
        </div>
      </div>
      <dc-return-intake></dc-return-intake>
      <dc-return-outcome></dc-return-outcome>`;
  }

  private _figures(d: ReturnList) {
    const s = d.summary;
    return html`<div class="figures" data-testid="return-figures">
      <div class="figure"><b>${s.count}</b><span>件数 · Returns</span></div>
      ${COUNTED.map(
        (o) =>
          html`<div class="figure">
            <b>${s.byOutcome[o].count}</b
            ><span>${RETURN_STATUS_TEXT[o].zh} · ${RETURN_STATUS_TEXT[o].en}</span>
          </div>`,
      )}
      <div class="figure"><b>${yuanText(s.refundedFen)}</b><span>退款 · Refunded</span></div>
      ${
        s.overridden
          ? html`<div class="figure">
              <b>${s.overridden}</b><span>经理批准超期 · Past 30 days, waived</span>
            </div>`
          : nothing
      }
    </div>`;
  }

  private _table(d?: ReturnList) {
    if (!d) return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!d.returns.length)
      return html`<div class="empty" data-testid="returns-empty">
        这段时间没有退货登记 · No return was registered in this period.
      </div>`;
    const list = [...d.returns].sort((a, b) => b.registeredAt - a.registeredAt);
    return html`<div class="table-wrap">
      <table data-testid="returns">
        <thead>
          <tr>
            <th>编号<span class="en">No.</span></th>
            <th>退货日期<span class="en">Returned</span></th>
            <th>顾客与订单<span class="en">Customer, order</span></th>
            <th>商户与商品<span class="en">Merchant, product</span></th>
            <th>原因<span class="en">Reason</span></th>
            <th>结果<span class="en">Outcome</span></th>
            <th class="num">金额<span class="en">Amount</span></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((r) => this._row(r))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(r: ReturnRecord) {
    const s = RETURN_STATUS_TEXT[r.status];
    return html`<tr data-return=${r.id} class=${r.status === 'void' ? 'void' : ''}>
      <td class="nowrap"><b>#${r.id}</b></td>
      <td class="nowrap">
        ${dayText(r.returnDate)}
        <span class="sub">购买 ${dayText(r.purchaseDate)} · ${r.daysAfterPurchase} 天</span>
        ${
          r.override
            ? html`<sl-tag size="small" variant="warning" pill title=${r.override.reason}
                >经理批准 · ${r.override.by}</sl-tag
              >`
            : nothing
        }
      </td>
      <td class="nowrap">${r.customerName}<span class="sub">${r.orderNo}</span></td>
      <td class="clip">${r.merchantName}<span class="sub">${r.product}</span></td>
      <td class="clip"><span class="sub" title=${r.reason}>${r.reason}</span></td>
      <td class="nowrap">
        ${
          r.status === 'registered'
            ? html`<sl-button
                size="small"
                variant="primary"
                outline
                data-testid="record-outcome"
                @click=${() => this._outcome.show(r)}
                ><sl-icon slot="prefix" name="check2-square"></sl-icon>处理结果 · Outcome</sl-button
              >`
            : html`<sl-tag size="small" variant=${s.variant}>${s.zh}</sl-tag
                ><span class="sub">${s.en}${r.outcome ? ` · ${r.outcome.by}` : ''}</span>`
        }
      </td>
      <td class="money">${r.outcome?.amountFen ? yuanText(r.outcome.amountFen) : '—'}</td>
    </tr>`;
  }

  private _byMerchant(d: ReturnList) {
    const rows = d.summary.byMerchant;
    if (!rows.length) return html`<div class="empty">—</div>`;
    return html`<table data-testid="returns-by-merchant">
      <thead>
        <tr>
          <th>商户<span class="en">Merchant</span></th>
          <th class="num">件数<span class="en">Returns</span></th>
          <th class="num">退款<span class="en">Refunded</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (m) =>
            html`<tr>
              <td>
                ${m.merchantName}
                <span class="sub"
                  >${COUNTED.filter((o) => m.byOutcome[o].count)
                    .map((o) => `${RETURN_STATUS_TEXT[o].zh} ${m.byOutcome[o].count}`)
                    .join(' · ')}</span
                >
              </td>
              <td class="num">${m.count}</td>
              <td class="money">${yuanText(m.refundedFen)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private readonly _changed = () => void this._list.read();
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-returns': DcPageReturns;
  }
}
