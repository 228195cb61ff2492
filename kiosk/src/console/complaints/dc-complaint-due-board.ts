import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import {
  DEADLINE_TEXT,
  deadlineText,
  PAUSE_TEXT,
  pendingDeadline,
  spanText,
  timeText,
} from './complaint-text.ts';
import type { Complaint, DueList } from './complaint-types.ts';
import { complaintOpen } from './complaint-events.ts';

const COLUMNS = [
  { key: 'overdue', zh: '已超时', en: 'Overdue', icon: 'exclamation-octagon' },
  { key: 'dueSoon', zh: '4 小时内到期', en: 'Due within 4 h', icon: 'hourglass-split' },
  { key: 'paused', zh: '暂停计时', en: 'Paused', icon: 'pause-circle' },
] as const;

/**
 * The due board (投诉时限): what is past its deadline, in red with how long; what reaches one
 * within hours, counting down; what waits on the customer or the merchant, with the reason.
 * A click opens the record.
 */
@customElement('dc-complaint-due-board')
export class DcComplaintDueBoard extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .board {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.75rem;
      }
      @media (max-width: 1100px) {
        .board {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .column {
        border-radius: var(--sl-border-radius-large);
        border: 1px solid var(--sl-color-neutral-200);
        background: var(--sl-color-neutral-0);
        min-width: 0;
        display: flex;
        flex-direction: column;
      }
      .head {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.55rem 0.9rem;
        font-weight: 600;
        border-bottom: 1px solid var(--sl-color-neutral-100);
      }
      .head .en {
        font-weight: 400;
        font-size: 0.78rem;
      }
      .head .count {
        margin-left: auto;
        font-size: 1.35rem;
        font-variant-numeric: tabular-nums;
      }
      .overdue .head {
        color: var(--sl-color-danger-700);
        background: var(--sl-color-danger-50);
      }
      .overdue {
        border-color: var(--sl-color-danger-200);
      }
      .dueSoon .head {
        color: var(--sl-color-warning-700);
        background: var(--sl-color-warning-50);
      }
      .paused .head {
        color: var(--sl-color-neutral-700);
        background: var(--sl-color-neutral-50);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0.25rem;
        max-height: 15.5rem;
        overflow-y: auto;
      }
      li button {
        all: unset;
        box-sizing: border-box;
        display: block;
        width: 100%;
        padding: 0.45rem 0.65rem;
        border-radius: var(--sl-border-radius-medium);
        cursor: pointer;
      }
      li button:hover,
      li button:focus-visible {
        background: var(--sl-color-neutral-100);
      }
      .who {
        display: flex;
        gap: 0.4rem;
        align-items: baseline;
        min-width: 0;
      }
      .who b {
        white-space: nowrap;
      }
      .who .sub {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--sl-color-neutral-600);
        font-size: 0.85rem;
      }
      .when {
        font-size: 0.85rem;
        margin-top: 0.1rem;
      }
      .when .en {
        display: block;
        font-size: 0.75rem;
        font-weight: 400;
      }
      .overdue .when {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
      .dueSoon .when {
        color: var(--sl-color-warning-800);
        font-weight: 600;
      }
      .none {
        padding: 1rem 0.9rem;
        color: var(--sl-color-neutral-500);
        font-size: 0.88rem;
      }
      sl-tag {
        vertical-align: middle;
      }
    `,
  ];

  @property({ attribute: false }) due?: DueList;
  /** The server's time now. */
  @property({ type: Number }) now = 0;
  @property() timezone = 'Asia/Shanghai';

  override render() {
    const due = this.due;
    return html`<div class="board">
      ${COLUMNS.map((col) => {
        const list = due?.[col.key] ?? [];
        return html`<section class="column ${col.key}" data-testid="due-${col.key}">
          <div class="head">
            <sl-icon name=${col.icon}></sl-icon>
            <span>${col.zh} <span class="en">${col.en}</span></span>
            <span class="count" data-testid="due-count">${due ? list.length : '–'}</span>
          </div>
          ${
            list.length
              ? html`<ul>
                  ${list.map((c) => this._item(c))}
                </ul>`
              : html`<div class="none">${due ? '没有 · None' : '正在读取… · Loading…'}</div>`
          }
        </section>`;
      })}
    </div>`;
  }

  private _item(c: Complaint) {
    const { which, d } = pendingDeadline(c);
    const t = deadlineText(d, this.now, this.timezone);
    const pause = c.pauses.find((p) => p.to === undefined);
    const due = 'at' in d ? d.at : undefined;
    return html`<li>
      <button data-complaint=${c.id} @click=${() => this.dispatchEvent(complaintOpen(c.id))}>
        <div class="who">
          <b>#${c.id} ${c.customerName}</b>
          <span class="sub"
            >${[c.category, c.merchantName, c.floor].filter(Boolean).join(' · ')}</span
          >
          ${
            c.escalated
              ? html`<sl-tag size="small" variant="danger" pill>已上报 · Escalated</sl-tag>`
              : nothing
          }
        </div>
        <div class="when">
          ${
            pause && d.state === 'paused'
              ? html`${PAUSE_TEXT[pause.reason].zh} · 自 ${timeText(pause.from, this.timezone)} 起 ·
                  ${DEADLINE_TEXT[which].zh}还剩 ${spanText(d.leftMs).zh}<span class="en"
                    >${PAUSE_TEXT[pause.reason].en}, ${spanText(d.leftMs).en} left</span
                  >`
              : html`${DEADLINE_TEXT[which].zh}${t.zh}${
                    due ? html` · 限 ${timeText(due, this.timezone)}` : nothing
                  }<span class="en">${DEADLINE_TEXT[which].en}: ${t.en}</span>`
          }
        </div>
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-due-board': DcComplaintDueBoard;
  }
}
