import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type SlDrawer from '@shoelace-style/shoelace/dist/components/drawer/drawer.js';
import type { Ticket } from '../../queue/queue-types.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import type { ComplaintChangedEvent } from './complaint-events.ts';
import {
  ACTION_TEXT,
  DEADLINE_TEXT,
  deadlineTextOf,
  FIELD_TEXT,
  OUTCOME_TEXT,
  PAUSE_TEXT,
  SOURCE_TEXT,
  STATUS_TEXT,
  timeText,
} from './complaint-text.ts';
import {
  type CallBackOutcome,
  type Complaint,
  type ComplaintEntry,
  type IntakeField,
  type PauseReason,
} from './complaint-types.ts';
import { deadlineStyles } from './complaint-styles.ts';
import './dc-complaint-actions.ts';

/**
 * One complaint in a side drawer: the record as the desk wrote it (the phone in full), both
 * deadlines and where they stand, the steps its status allows, and every entry (who, when,
 * what) beneath, the first at the top.
 */
@customElement('dc-complaint-detail')
export class DcComplaintDetail extends LitElement {
  static override styles = [
    pageStyles,
    deadlineStyles,
    css`
      sl-drawer {
        --size: min(44rem, 100vw);
      }
      sl-drawer::part(body) {
        padding-top: 0.5rem;
      }
      section {
        margin-bottom: 1.1rem;
      }
      .tags {
        display: flex;
        gap: 0.4rem;
        flex-wrap: wrap;
        margin-bottom: 0.9rem;
      }
      .deadlines {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.6rem;
      }
      .dl {
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
        padding: 0.55rem 0.75rem;
      }
      .dl.overdue,
      .dl.late {
        border-color: var(--sl-color-danger-300);
        background: var(--sl-color-danger-50);
      }
      .dl.soon {
        border-color: var(--sl-color-warning-300);
        background: var(--sl-color-warning-50);
      }
      .dl.met {
        border-color: var(--sl-color-success-200);
        background: var(--sl-color-success-50);
      }
      .dl .title {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      .dl .deadline {
        display: block;
        font-size: 1.05rem;
        margin: 0.1rem 0;
      }
      .dl .deadline .en {
        margin-left: 0.4rem;
        font-size: 0.75rem;
        font-weight: 400;
      }
      .dl .at {
        display: block;
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.3rem 1rem;
        margin: 0;
        font-size: 0.9rem;
      }
      dt {
        color: var(--sl-color-neutral-600);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0 0 0.5rem;
        font-size: 0.92rem;
      }
      .label {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
        margin-bottom: 0.15rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        border-left: 2px solid var(--sl-color-neutral-200);
      }
      li {
        position: relative;
        padding: 0 0 0.7rem 1rem;
      }
      li sl-icon {
        position: absolute;
        left: -0.6rem;
        top: 0.1rem;
        background: var(--sl-color-neutral-0);
        color: var(--sl-color-primary-600);
        font-size: 1.05rem;
      }
      .entry-head {
        font-size: 0.85rem;
      }
      .entry-head .who {
        color: var(--sl-color-neutral-600);
        margin-left: 0.4rem;
      }
      .entry-body {
        font-size: 0.9rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The server's time now (the page's clock). */
  @property({ type: Number }) now = 0;
  @state() private _complaint?: Complaint;
  @state() private _entries: ComplaintEntry[] = [];
  @state() private _ticket?: Ticket;
  @state() private _error = '';
  @query('sl-drawer') private _drawer!: SlDrawer;

  /** Opens the drawer on a complaint, reading it (and its queue ticket) afresh. */
  show(id: number): void {
    if (this._complaint?.id !== id) {
      this._complaint = undefined;
      this._ticket = undefined;
      this._entries = [];
    }
    this._error = '';
    void this._load(id);
    void this.updateComplete.then(() => this._drawer.show());
  }

  /** The complaint on screen, if the drawer is open. */
  get openId(): number | undefined {
    return this._drawer?.open ? this._complaint?.id : undefined;
  }

  override render() {
    const c = this._complaint;
    return html`<sl-drawer
      label=${c ? `投诉 #${c.id} · ${c.customerName}` : '投诉 · Complaint'}
      data-testid="complaint-detail"
    >
      ${
        this._error
          ? html`<sl-alert variant="danger" open>
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._error}
            </sl-alert>`
          : nothing
      }
      ${c ? this._body(c) : html`<div class="empty"><sl-spinner></sl-spinner></div>`}
    </sl-drawer>`;
  }

  private _body(c: Complaint) {
    const s = STATUS_TEXT[c.status];
    const pause = c.pauses.find((p) => p.to === undefined);
    return html`<div class="tags" data-testid="detail-status">
        <sl-tag variant=${s.variant}>${s.zh} · ${s.en}</sl-tag>
        ${
          pause
            ? html`<sl-tag variant="neutral"
                >${PAUSE_TEXT[pause.reason].zh} · ${PAUSE_TEXT[pause.reason].en}</sl-tag
              >`
            : nothing
        }
        ${c.escalated ? html`<sl-tag variant="danger">已上报经理 · Escalated</sl-tag>` : nothing}
        ${
          c.callBackTries && c.status === 'resolved'
            ? html`<sl-tag variant="warning">回访未接通 ${c.callBackTries} 次 · Tries</sl-tag>`
            : nothing
        }
      </div>
      <section class="deadlines">
        ${this._deadline(c, 'answer')} ${this._deadline(c, 'plan')}
      </section>
      <section>
        <dc-complaint-actions
          .complaint=${c}
          @complaint-changed=${(e: ComplaintChangedEvent) => void this._load(e.detail.id)}
        ></dc-complaint-actions>
      </section>
      <section>${this._facts(c)}</section>
      <section>
        <div class="label">${FIELD_TEXT.what.zh} · ${FIELD_TEXT.what.en}</div>
        <p class="text" data-testid="detail-what">${c.what}</p>
        <div class="label">${FIELD_TEXT.wants.zh} · ${FIELD_TEXT.wants.en}</div>
        <p class="text">${c.wants || '—'}</p>
        ${
          c.rejectReason
            ? html`<div class="label">不受理理由 · Reason for rejecting</div>
                <p class="text">${c.rejectReason}</p>`
            : nothing
        }
      </section>
      <section>
        <h2>记录<span class="en">History</span></h2>
        <ol data-testid="history">
          ${this._entries.map((e) => this._entry(e))}
        </ol>
      </section>`;
  }

  private _deadline(c: Complaint, which: 'answer' | 'plan') {
    const tz = this.session.site.timezone;
    const d = c.deadlines[which];
    const t = deadlineTextOf(c, which, this.now, tz);
    const label = DEADLINE_TEXT[which];
    // When the step was taken: a rejection ends the clock but answers nothing.
    const done = which === 'answer' ? c.answeredAt : c.plannedAt;
    return html`<div class="dl ${t.tone}" data-deadline=${which}>
      <span class="title">${label.zh} ${label.within} · ${label.en}</span>
      <span class="deadline ${t.tone}">${t.zh}<span class="en">${t.en}</span></span>
      <span class="at">
        ${
          d.state === 'paused'
            ? `自 ${timeText(d.since, tz)} 暂停 · paused since`
            : `限 ${timeText(d.at, tz)} · due`
        }
      </span>
      ${done ? html`<span class="at">完成 ${timeText(done, tz)} · done</span>` : nothing}
    </div>`;
  }

  private _facts(c: Complaint) {
    const tz = this.session.site.timezone;
    const t = this._ticket;
    const row = (f: IntakeField, value: string | undefined) =>
      html`<dt>${FIELD_TEXT[f].zh} · ${FIELD_TEXT[f].en}</dt>
        <dd>${value || '—'}</dd>`;
    return html`<dl data-testid="detail-facts">
      ${row('customerName', c.customerName)}
      <dt>${FIELD_TEXT.customerPhone.zh} · ${FIELD_TEXT.customerPhone.en}</dt>
      <dd data-testid="detail-phone">${c.customerPhone}</dd>
      ${row('merchantName', c.merchantName)} ${row('floor', c.floor)} ${row('product', c.product)}
      ${row('orderNo', c.orderNo)} ${row('category', c.category)}
      <dt>受理 · Received</dt>
      <dd>
        ${timeText(c.receivedAt, tz, true)} · ${c.receivedBy} · ${SOURCE_TEXT[c.source].zh}
        ${SOURCE_TEXT[c.source].en}
      </dd>
      ${
        c.ticketId
          ? html`<dt>排队 · Queue ticket</dt>
              <dd data-testid="detail-ticket">
                ${
                  t
                    ? html`${t.code} · ${t.serviceName} ·
                      ${t.counter?.name ?? `${c.counter ?? ''}号窗口`} · 取号
                      ${timeText(t.takenAt, tz)}
                      ${t.finishedAt ? html` · 办结 ${timeText(t.finishedAt, tz)}` : nothing}`
                    : html`#${c.ticketId}${c.counter ? ` · ${c.counter}号窗口` : ''}`
                }
              </dd>`
          : nothing
      }
    </dl>`;
  }

  private _entry(e: ComplaintEntry) {
    const tz = this.session.site.timezone;
    const t = ACTION_TEXT[e.action];
    return html`<li data-entry=${e.action}>
      <sl-icon name=${t.icon}></sl-icon>
      <div class="entry-head">
        <b>${t.zh} · ${t.en}</b>
        <span class="who">${timeText(e.at, tz, true)} · ${e.by}</span>
      </div>
      <div class="entry-body">${this._entryText(e)}</div>
    </li>`;
  }

  /** What an entry says, in words: the text given, the outcome, the reason, the fields changed. */
  private _entryText(e: ComplaintEntry): string {
    const d = e.data;
    const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
    switch (e.action) {
      case 'receive':
        return `${str('category')} · ${str('customerName')}`;
      case 'answer':
      case 'plan':
      case 'resolve':
        return str('text');
      case 'call-back': {
        const o = OUTCOME_TEXT[str('outcome') as CallBackOutcome];
        return [o ? `${o.zh} · ${o.en}` : '', str('note')].filter(Boolean).join('\n');
      }
      case 'reject':
        return str('reason');
      case 'pause': {
        const r = PAUSE_TEXT[str('reason') as PauseReason];
        return [r ? `${r.zh} · ${r.en}` : '', str('note')].filter(Boolean).join('\n');
      }
      case 'resume':
      case 'escalate':
        return str('note');
      case 'correct': {
        const fields = (d['fields'] ?? {}) as Record<string, unknown>;
        return Object.entries(fields)
          .map(([k, v]) => `${FIELD_TEXT[k as IntakeField]?.zh ?? k} → ${String(v)}`)
          .join('\n');
      }
      default: {
        const never: never = e.action;
        return never;
      }
    }
  }

  private async _load(id: number): Promise<void> {
    const { api } = this.session;
    try {
      const r = await api.get<{ complaint: Complaint; entries: ComplaintEntry[] }>(
        `/api/complaints/${id}`,
      );
      this._complaint = r.complaint;
      this._entries = r.entries;
      this._error = '';
      if (r.complaint.ticketId && this._ticket?.id !== r.complaint.ticketId)
        this._ticket = (
          await api.get<{ ticket: Ticket }>(`/api/queue/tickets/${r.complaint.ticketId}`)
        ).ticket;
    } catch (err) {
      this._error = `读取失败 · Could not read it: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-detail': DcComplaintDetail;
  }
}
