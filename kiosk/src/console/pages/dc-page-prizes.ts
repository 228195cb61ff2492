import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { timeText } from '../complaints/complaint-text.ts';
import type { PeriodChangeEvent } from '../ledgers/dc-ledger-period.ts';
import { LEDGER_CHANGED } from '../ledgers/ledger-events.ts';
import { LedgerRead } from '../ledgers/ledger-read.ts';
import { ledgerStyles } from '../ledgers/ledger-styles.ts';
import type { PrizeHandout, PrizeList } from '../ledgers/ledger-types.ts';
import '../ledgers/dc-ledger-period.ts';
import '../ledgers/dc-prize-entry.ts';

/** Prize handouts (奖品发放登记): the entry, the period's list and totals per campaign. */
@customElement('dc-page-prizes')
export class DcPagePrizes extends LitElement {
  static override styles = [
    pageStyles,
    ledgerStyles,
    css`
      .entry {
        margin-bottom: 1rem;
      }
      .campaign td {
        font-weight: 600;
        background: var(--sl-color-neutral-50);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _list = new LedgerRead<PrizeList>(this, () => this.session, '/api/prizes');

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
        <h1>奖品发放<span class="en">Prize handouts</span></h1>
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
        <h2>登记发放<span class="en">Record a handout</span></h2>
        <dc-prize-entry></dc-prize-entry>
      </div>
      <div class="split">
        <div class="card">
          <div class="register-head">
            <h2>奖品发放登记表<span class="en">Register</span></h2>
            <dc-ledger-period
              today=${this.session.site.today}
              @period-change=${(e: PeriodChangeEvent) => (this._list.dates = e.detail)}
            ></dc-ledger-period>
          </div>
          ${this._table(data)}
        </div>
        <div class="card">
          <h2>按活动合计<span class="en">Totals per campaign</span></h2>
          ${data ? this._byCampaign(data) : nothing}
        </div>
      </div>`;
  }

  private _table(d?: PrizeList) {
    if (!d) return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!d.prizes.length)
      return html`<div class="empty" data-testid="prizes-empty">
        这段时间没有奖品发放 · No prize was handed out in this period.
      </div>`;
    const list = [...d.prizes].sort((a, b) => b.registeredAt - a.registeredAt);
    return html`<div class="table-wrap">
      <table data-testid="prizes">
        <thead>
          <tr>
            <th>发放<span class="en">Handed out</span></th>
            <th>活动<span class="en">Campaign</span></th>
            <th>奖品<span class="en">Prize</span></th>
            <th class="num">数量<span class="en">Qty</span></th>
            <th>顾客<span class="en">Customer</span></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((p) => this._row(p))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(p: PrizeHandout) {
    return html`<tr data-prize=${p.id} class=${p.status === 'void' ? 'void' : ''}>
      <td class="nowrap">
        ${timeText(p.registeredAt, this.session.site.timezone)}
        <span class="sub">${p.handedBy}</span>
      </td>
      <td class="clip">${p.campaign}</td>
      <td class="clip">${p.prize}</td>
      <td class="num">${p.quantity}</td>
      <td class="nowrap">${p.customerName}<span class="sub">${p.customerPhone}</span></td>
    </tr>`;
  }

  private _byCampaign(d: PrizeList) {
    const t = d.totals;
    if (!t.byCampaign.length) return html`<div class="empty">—</div>`;
    return html`<table data-testid="prizes-by-campaign">
      <thead>
        <tr>
          <th>活动与奖品<span class="en">Campaign, prize</span></th>
          <th class="num">次数<span class="en">Handouts</span></th>
          <th class="num">数量<span class="en">Qty</span></th>
        </tr>
      </thead>
      <tbody>
        ${t.byCampaign.map(
          (c) =>
            html`<tr class="campaign" data-campaign=${c.campaign}>
                <td>${c.campaign}</td>
                <td class="num">${c.prizes.reduce((n, p) => n + p.handouts, 0)}</td>
                <td class="num">${c.quantity}</td>
              </tr>
              ${c.prizes.map(
                (p) =>
                  html`<tr>
                    <td>${p.prize}</td>
                    <td class="num">${p.handouts}</td>
                    <td class="num">${p.quantity}</td>
                  </tr>`,
              )}`,
        )}
        <tr>
          <td><b>合计 · Total</b></td>
          <td class="num"><b>${t.handouts}</b></td>
          <td class="num"><b>${t.quantity}</b></td>
        </tr>
      </tbody>
    </table>`;
  }

  private readonly _changed = () => void this._list.read();
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-prizes': DcPagePrizes;
  }
}
