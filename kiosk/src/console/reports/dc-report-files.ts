import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { where } from './report-text.ts';
import { DEADLINE_TEXT, spanText, timeText } from '../complaints/complaint-text.ts';
import type { Digest, DigestSection, OverdueLine, StoredReport } from './report-types.ts';

/** The newest stored workbooks listed in full: about three Mondays' worth. */
const RECENT = 9;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * What the server made on its own: the workbooks of each Monday 07:00, to download, and the
 * latest nightly digest (20:30) of what was left overdue.
 */
@customElement('dc-report-files')
export class DcReportFiles extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .body {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
        gap: 1rem;
        align-items: start;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 0.95rem;
        font-weight: 600;
      }
      h3 .en {
        margin-left: 0.4rem;
        font-size: 0.75rem;
        font-weight: 400;
      }
      a {
        color: var(--sl-color-primary-700);
        overflow-wrap: anywhere;
      }
      ul.lines {
        margin: 0.2rem 0 0.5rem;
        padding-left: 1.2rem;
        font-size: 0.85rem;
      }
      .digest-head {
        display: flex;
        gap: 0.75rem;
        align-items: baseline;
        flex-wrap: wrap;
        margin-bottom: 0.5rem;
      }
      .count {
        font-size: 1.4rem;
        font-weight: 600;
      }
      .count.bad {
        color: var(--sl-color-danger-700);
      }
      .late {
        color: var(--sl-color-danger-700);
      }
      .late .en {
        font-weight: 400;
      }
      .nw {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) files?: StoredReport[];
  /** null: no digest made yet. */
  @property({ attribute: false }) digest?: Digest | null;
  @property() timezone = 'Asia/Shanghai';

  override render() {
    return html`<div class="body">
      <div>
        <h3>每周一 07:00 自动生成<span class="en">Made every Monday at 07:00</span></h3>
        ${this._files()}
      </div>
      <div data-testid="digest">
        <h3>每晚逾期汇总<span class="en">Nightly overdue digest (20:30)</span></h3>
        ${this._digest()}
      </div>
    </div>`;
  }

  private _files() {
    const files = this.files;
    if (!files) return html`<sl-spinner></sl-spinner>`;
    if (files.length === 0)
      return html`<p class="muted" data-testid="files-none">
        还没有自动生成的报表 · None made yet: the first comes on Monday at 07:00.
      </p>`;
    const recent = files.slice(0, RECENT);
    const earlier = files.slice(RECENT);
    return html`${this._table(recent, 'stored-reports')}
    ${
      earlier.length
        ? html`<sl-details summary="更早的 ${earlier.length} 份 · ${earlier.length} earlier">
            ${this._table(earlier, 'stored-earlier')}
          </sl-details>`
        : nothing
    }`;
  }

  private _table(files: StoredReport[], testid: string) {
    return html`<div class="table-wrap">
      <table data-testid=${testid}>
        <thead>
          <tr>
            <th>报表<span class="en">Workbook</span></th>
            <th>生成时间<span class="en">Made</span></th>
            <th class="num">大小<span class="en">Size</span></th>
          </tr>
        </thead>
        <tbody>
          ${files.map(
            (f) =>
              html`<tr data-file=${f.file}>
                <td>
                  <a href=${f.url} download=${f.name}>
                    <sl-icon name="file-earmark-excel"></sl-icon> ${f.name}
                  </a>
                  <br /><span class="muted">${f.period.from} – ${f.period.to}</span>
                </td>
                <td>${timeText(f.generatedAt, this.timezone)}</td>
                <td class="num">${sizeText(f.size)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** The lines of the sections besides the complaints (those have their own table). */
  private _sectionLines(s: DigestSection) {
    if (s.id === 'callbacks-left' && s.items.length)
      return html`<ul class="lines" data-testid="digest-callbacks">
        ${(s.items as CallbackLine[]).map(
          (c) =>
            html`<li>
              #${c.id} ${c.customerName} ${c.customerPhone} · ${c.kind} · 应回访 due ${c.dueOn}
              ${c.tries ? html`· 已拨 ${c.tries} 次 tried` : nothing}
            </li>`,
        )}
      </ul>`;
    if (s.id === 'compensations-awaiting' && s.items.length)
      return html`<ul class="lines" data-testid="digest-compensations">
        ${(s.items as CompensationLine[]).map(
          (c) =>
            html`<li>
              #${c.id} ${c.customerName} · ${c.merchantName} · ¥${(c.amountFen / 100).toFixed(2)} ·
              ${c.day} ${c.requestedBy}
            </li>`,
        )}
      </ul>`;
    return nothing;
  }

  private _digest() {
    const d = this.digest;
    if (d === undefined) return html`<sl-spinner></sl-spinner>`;
    if (d === null)
      return html`<p class="muted" data-testid="digest-none">
        还没有逾期汇总 · No digest yet: it is made each evening at 20:30.
      </p>`;
    const complaints = d.sections.find((s) => s.id === 'complaints-overdue');
    const lines = (complaints?.items ?? []) as OverdueLine[];
    return html`
      <div class="digest-head">
        <span class="count ${d.total > 0 ? 'bad' : ''}" data-testid="digest-total">${d.total}</span>
        <span>项待办 · left undone</span>
        <span class="muted" data-testid="digest-at"
          >${d.date} · 生成于 made ${timeText(d.at, this.timezone)}</span
        >
      </div>
      ${d.sections.map(
        (s) =>
          html`<div class="muted" data-section=${s.id}>${s.title}: ${s.count}</div>
            ${this._sectionLines(s)}`,
      )}
      ${
        lines.length === 0
          ? nothing
          : html`<div class="table-wrap" style="margin-top:.5rem">
              <table data-testid="digest-list">
                <thead>
                  <tr>
                    <th>编号<span class="en">No.</span></th>
                    <th>顾客 / 商户<span class="en">Customer / merchant</span></th>
                    <th>超时<span class="en">Overdue</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${lines.map(
                    (o) =>
                      html`<tr data-complaint=${o.id}>
                        <td>#${o.id}</td>
                        <td>
                          ${o.customerName} · ${o.category}<br /><span class="muted"
                            >${where(o)}</span
                          >
                        </td>
                        <td>
                          ${o.late.map(
                            (l) =>
                              html`<div class="late">
                                <span class="nw"
                                  >${DEADLINE_TEXT[l.deadline].zh} ${spanText(l.overdueMs).zh}</span
                                >
                                <span class="en">${DEADLINE_TEXT[l.deadline].en}</span>
                              </div>`,
                          )}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    `;
  }
}

/** A callback left undone, as the digest lists it (phone masked). */
interface CallbackLine {
  id: number;
  kind: string;
  dueOn: string;
  tries: number;
  customerName: string;
  customerPhone: string;
}
/** A compensation waiting for the manager, as the digest lists it. */
interface CompensationLine {
  id: number;
  day: string;
  merchantName: string;
  customerName: string;
  amountFen: number;
  requestedBy: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-report-files': DcReportFiles;
  }
}
