import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { filterRegister, type RegisterFilter } from './complaint-register.ts';
import {
  COMPLAINT_CATEGORIES,
  deadlineTextOf,
  SOURCE_TEXT,
  STATUS_TEXT,
  timeText,
} from './complaint-text.ts';
import { COMPLAINT_STATUSES, type Complaint } from './complaint-types.ts';
import { complaintOpen } from './complaint-events.ts';
import { deadlineStyles } from './complaint-styles.ts';

/**
 * The register (顾客投诉登记表) for the period the page reads: filtered by status, category and
 * merchant, searched by customer, order number, product or merchant; a row opens the record.
 */
@customElement('dc-complaint-register')
export class DcComplaintRegister extends LitElement {
  static override styles = [
    pageStyles,
    deadlineStyles,
    css`
      .filters {
        margin-bottom: 0.75rem;
      }
      .filters sl-input {
        flex: 1 1 14rem;
        max-width: 22rem;
      }
      .filters sl-select {
        width: 11rem;
      }
      .filters .merchant {
        width: 14rem;
      }
      .shown {
        margin-left: auto;
        font-size: 0.85rem;
        color: var(--sl-color-neutral-600);
        white-space: nowrap;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover td {
        background: var(--sl-color-primary-50);
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
      .nowrap {
        white-space: nowrap;
      }
      td.merchant {
        max-width: 14rem;
        overflow-wrap: anywhere;
      }
      td.what {
        max-width: 16rem;
      }
      .clip {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
    `,
  ];

  @property({ attribute: false }) list?: Complaint[];
  @property({ type: Number }) now = 0;
  @property() timezone = 'Asia/Shanghai';
  @state() private _f: RegisterFilter = { status: '', category: '', merchant: '', q: '' };

  override render() {
    return html`${this._filters()} ${this._table()}`;
  }

  private _filters() {
    const list = this.list ?? [];
    const fixed = COMPLAINT_CATEGORIES.map((c) => c.zh);
    const other = [...new Set(list.map((c) => c.category))].filter((c) => !fixed.includes(c));
    const merchants = [
      ...new Set(list.map((c) => c.merchantName).filter((m): m is string => !!m)),
    ].sort((a, b) => a.localeCompare(b, 'zh'));
    const set = (patch: Partial<RegisterFilter>) => (this._f = { ...this._f, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<div class="row filters">
      <sl-input
        size="small"
        name="search"
        clearable
        placeholder="顾客、订单号、商品或商户 · Search"
        .value=${this._f.q}
        @sl-input=${(e: Event) => set({ q: value(e) })}
      >
        <sl-icon slot="prefix" name="search"></sl-icon>
      </sl-input>
      <sl-select
        size="small"
        name="status"
        placeholder="状态 · Status"
        clearable
        .value=${this._f.status}
        @sl-change=${(e: Event) => set({ status: value(e) as RegisterFilter['status'] })}
      >
        <sl-option value="open">未办结 · Open</sl-option>
        ${COMPLAINT_STATUSES.map(
          (s) =>
            html`<sl-option value=${s}>${STATUS_TEXT[s].zh} · ${STATUS_TEXT[s].en}</sl-option>`,
        )}
      </sl-select>
      <sl-select
        size="small"
        name="category"
        placeholder="类别 · Category"
        clearable
        .value=${this._f.category}
        @sl-change=${(e: Event) => set({ category: value(e) })}
      >
        ${COMPLAINT_CATEGORIES.map(
          (c) => html`<sl-option value=${c.zh}>${c.zh} · ${c.en}</sl-option>`,
        )}
        ${other.map((c) => html`<sl-option value=${c}>${c}</sl-option>`)}
      </sl-select>
      <sl-select
        size="small"
        class="merchant"
        name="merchant"
        placeholder="商户 · Merchant"
        clearable
        ?disabled=${!merchants.length}
        .value=${this._f.merchant}
        @sl-change=${(e: Event) => set({ merchant: value(e) })}
      >
        ${merchants.map((m) => html`<sl-option value=${encodeURIComponent(m)}>${m}</sl-option>`)}
      </sl-select>
    </div>`;
  }

  private _table() {
    const list = this.list;
    if (!list) return html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    // An option's value holds no space (Shoelace's rule): the merchant's name, encoded.
    const shown = filterRegister(list, {
      ...this._f,
      merchant: decodeURIComponent(this._f.merchant),
    });
    if (!list.length)
      return html`<div class="empty" data-testid="register-empty">
        这段时间没有投诉登记 · No complaint was recorded in this period.
      </div>`;
    return html`<div class="row" style="margin-bottom:.4rem">
        <span class="shown" data-testid="register-count"
          >共 ${list.length} 件，显示 ${shown.length} 件 · ${shown.length} of ${list.length}</span
        >
      </div>
      ${
        shown.length
          ? html`<div class="table-wrap">
              <table data-testid="register">
                <thead>
                  <tr>
                    <th>编号<span class="en">No.</span></th>
                    <th>受理<span class="en">Received</span></th>
                    <th>顾客<span class="en">Customer</span></th>
                    <th>商户<span class="en">Merchant</span></th>
                    <th>类别与内容<span class="en">Category, what</span></th>
                    <th>状态<span class="en">Status</span></th>
                    <th>答复 24 h<span class="en">Answer</span></th>
                    <th>方案 72 h<span class="en">Plan</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map((c) => this._row(c))}
                </tbody>
              </table>
            </div>`
          : html`<div class="empty" data-testid="register-no-match">
              没有符合条件的投诉 · No complaint matches.
            </div>`
      }`;
  }

  private _row(c: Complaint) {
    const s = STATUS_TEXT[c.status];
    return html`<tr data-complaint=${c.id} @click=${() => this.dispatchEvent(complaintOpen(c.id))}>
      <td class="nowrap"><b>#${c.id}</b></td>
      <td class="nowrap">
        ${timeText(c.receivedAt, this.timezone)}
        <span class="sub">${SOURCE_TEXT[c.source].zh} · ${c.receivedBy}</span>
      </td>
      <td class="nowrap">${c.customerName}<span class="sub">${c.customerPhone}</span></td>
      <td class="merchant">
        ${c.merchantName ?? '—'}<span class="sub"
          >${[c.floor, c.orderNo].filter(Boolean).join(' · ')}</span
        >
      </td>
      <td class="what">${c.category}<span class="sub clip" title=${c.what}>${c.what}</span></td>
      <td class="nowrap">
        <sl-tag size="small" variant=${s.variant}>${s.zh}</sl-tag>
        <span class="sub">${s.en}</span>
        ${
          c.escalated
            ? html`<sl-tag size="small" variant="danger" pill>已上报 · Escalated</sl-tag>`
            : nothing
        }
      </td>
      <td class="nowrap">${this._deadline(c, 'answer')}</td>
      <td class="nowrap">${this._deadline(c, 'plan')}</td>
    </tr>`;
  }

  private _deadline(c: Complaint, which: 'answer' | 'plan') {
    const t = deadlineTextOf(c, which, this.now, this.timezone);
    return html`<span class="deadline ${t.tone}">${t.zh}</span><span class="sub">${t.en}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-register': DcComplaintRegister;
  }
}
