import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { timeText } from '../complaints/complaint-text.ts';
import type { DcCompensationRequest } from '../ledgers/dc-compensation-request.ts';
import type { CompensationStep, DcCompensationStep } from '../ledgers/dc-compensation-step.ts';
import type { PeriodChangeEvent } from '../ledgers/dc-ledger-period.ts';
import { LEDGER_CHANGED } from '../ledgers/ledger-events.ts';
import { yuanText } from '../ledgers/ledger-money.ts';
import { LedgerRead } from '../ledgers/ledger-read.ts';
import { ledgerStyles } from '../ledgers/ledger-styles.ts';
import { COMPENSATION_STATUS_TEXT, dayText } from '../ledgers/ledger-text.ts';
import type { Compensation, CompensationList } from '../ledgers/ledger-types.ts';
import '../ledgers/dc-compensation-request.ts';
import '../ledgers/dc-compensation-step.ts';
import '../ledgers/dc-ledger-period.ts';

/**
 * Advance compensation (先行赔偿审批表): the desk asks, the department manager approves or
 * rejects, the desk pays the customer and records what the merchant pays back, in parts,
 * until nothing is outstanding. The server refuses the decision to anyone but a manager;
 * the page does not offer it to them either.
 */
@customElement('dc-page-compensations')
export class DcPageCompensations extends LitElement {
  static override styles = [
    pageStyles,
    ledgerStyles,
    css`
      .waiting {
        font-size: 0.82rem;
        color: var(--sl-color-warning-700);
        white-space: nowrap;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _list = new LedgerRead<CompensationList>(
    this,
    () => this.session,
    '/api/compensations',
  );
  @query('dc-compensation-request') private _request!: DcCompensationRequest;
  @query('dc-compensation-step') private _step!: DcCompensationStep;

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
        <h1>先行赔偿<span class="en">Advance compensation</span></h1>
        <sl-button
          variant="primary"
          data-testid="new-compensation"
          @click=${() => this._request.show()}
        >
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>申请先行赔偿 · Request
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
            <h2>先行赔偿审批表<span class="en">Register</span></h2>
            <dc-ledger-period
              today=${this.session.site.today}
              @period-change=${(e: PeriodChangeEvent) => (this._list.dates = e.detail)}
            ></dc-ledger-period>
          </div>
          ${data ? this._figures(data) : nothing} ${this._table(data)}
        </div>
        <div class="card">
          <h2>商户尚欠<span class="en">Still owed by merchants</span></h2>
          ${data ? this._owed(data) : nothing}
        </div>
      </div>
      <dc-compensation-request></dc-compensation-request>
      <dc-compensation-step></dc-compensation-step>`;
  }

  private _figures(d: CompensationList) {
    const t = d.totals;
    const fig = (zh: string, en: string, v: string, cls = '') =>
      html`<div class="figure ${cls}"><b>${v}</b><span>${zh} · ${en}</span></div>`;
    return html`<div class="figures" data-testid="compensation-figures">
      ${fig('件数', 'Requests', String(t.count))}
      ${fig('待审批', 'Waiting', String(t.byStatus.requested))}
      ${fig('已赔付', 'Paid out', yuanText(t.paidFen))}
      ${fig('已追回', 'Recovered', yuanText(t.recoveredFen))}
      ${fig('尚欠', 'Outstanding', yuanText(t.outstandingFen), t.outstandingFen ? 'owed' : '')}
    </div>`;
  }

  private _table(d?: CompensationList) {
    if (!d) return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!d.compensations.length)
      return html`<div class="empty" data-testid="compensations-empty">
        这段时间没有先行赔偿 · No advance compensation in this period.
      </div>`;
    const list = [...d.compensations].sort((a, b) => b.requestedAt - a.requestedAt);
    return html`<div class="table-wrap">
      <table data-testid="compensations">
        <thead>
          <tr>
            <th>编号<span class="en">No.</span></th>
            <th>申请<span class="en">Requested</span></th>
            <th>顾客与商户<span class="en">Customer, merchant</span></th>
            <th>状态<span class="en">Status</span></th>
            <th class="num">金额<span class="en">Amount</span></th>
            <th class="num">尚欠<span class="en">Owed</span></th>
            <th>操作<span class="en">Next</span></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((c) => this._row(c))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(c: Compensation) {
    const s = COMPENSATION_STATUS_TEXT[c.status];
    const tz = this.session.site.timezone;
    return html`<tr data-compensation=${c.id}>
      <td class="nowrap"><b>#${c.id}</b></td>
      <td class="nowrap">
        ${timeText(c.requestedAt, tz)}<span class="sub">${c.requestedBy}</span>
      </td>
      <td class="clip">
        ${c.customerName}<span class="sub">${c.merchantName}</span>
        <span class="sub" title=${c.reason}>${c.reason}</span>
      </td>
      <td class="nowrap">
        <sl-tag size="small" variant=${s.variant} data-testid="status">${s.zh}</sl-tag>
        <span class="sub">${s.en}</span>
        ${
          c.decision
            ? html`<span class="sub"
                >${c.decision.kind === 'approved' ? '批准' : '驳回'} · ${c.decision.by}</span
              >`
            : nothing
        }
      </td>
      <td class="money">
        ${yuanText(c.approvedFen ?? c.amountFen)}
        ${
          c.approvedFen !== undefined && c.approvedFen !== c.amountFen
            ? html`<span class="sub">申请 ${yuanText(c.amountFen)}</span>`
            : nothing
        }
        ${
          c.recoveredFen
            ? html`<span class="sub">已追回 ${yuanText(c.recoveredFen)}</span>`
            : nothing
        }
      </td>
      <td class="money ${c.outstandingFen ? 'owed' : ''}" data-testid="owed">
        ${c.payment ? yuanText(c.outstandingFen) : '—'}
        ${
          c.recoveries.length
            ? html`<span class="sub"
                >追回 ${c.recoveries.length} 次 ·
                ${c.recoveries.map((r) => dayText(r.date)).join('、')}</span
              >`
            : nothing
        }
      </td>
      <td>${this._next(c)}</td>
    </tr>`;
  }

  /** What can be done next, by whom: the decision only to the manager (and admin). */
  private _next(c: Compensation) {
    const step = (name: CompensationStep, zh: string, icon: string, variant = 'default') =>
      html`<sl-button
        size="small"
        variant=${variant}
        data-step=${name}
        @click=${() => this._step.show(c, name)}
        ><sl-icon slot="prefix" name=${icon}></sl-icon>${zh}</sl-button
      >`;
    const role = this.session.me.role;
    switch (c.status) {
      case 'requested':
        return role === 'manager' || role === 'admin'
          ? html`<span class="actions"
              >${step('approve', '批准 · Approve', 'check2-circle', 'success')}
              ${step('reject', '驳回 · Reject', 'x-circle', 'danger')}</span
            >`
          : html`<span class="waiting" data-testid="waiting-manager"
              ><sl-icon name="hourglass-split"></sl-icon> 等待部门经理审批 · Waiting for the
              manager</span
            >`;
      case 'approved':
        return step('pay', '赔付 · Pay', 'cash-coin', 'primary');
      case 'paid':
        return step('recover', '追回 · Recover', 'arrow-return-left');
      case 'rejected':
        return html`<span class="sub">${c.decision?.note}</span>`;
      case 'recovered':
        return html`<span class="sub">已全部追回 · All recovered</span>`;
      default: {
        const never: never = c.status;
        return never;
      }
    }
  }

  private _owed(d: CompensationList) {
    const rows = d.totals.outstandingByMerchant;
    if (!rows.length) return html`<div class="empty">没有未追回的款项 · Nothing outstanding.</div>`;
    return html`<table data-testid="owed-by-merchant">
      <thead>
        <tr>
          <th>商户<span class="en">Merchant</span></th>
          <th class="num">尚欠<span class="en">Owed</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${r.merchantName}</td>
              <td class="money owed">${yuanText(r.outstandingFen)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private readonly _changed = () => void this._list.read();
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-compensations': DcPageCompensations;
  }
}
