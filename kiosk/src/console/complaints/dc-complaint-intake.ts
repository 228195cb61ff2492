import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { clockTime } from '../../queue/queue-format.ts';
import type { Ticket } from '../../queue/queue-types.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import type { Merchant, MerchantList } from '../merchants/merchant-types.ts';
import { BADGES_STALE } from '../nav-badges.ts';
import { toast } from '../toast.ts';
import { fieldMessages } from './complaint-errors.ts';
import { complaintChanged } from './complaint-events.ts';
import { COMPLAINT_CATEGORIES, FIELD_TEXT, SOURCE_TEXT } from './complaint-text.ts';
import {
  COMPLAINT_SOURCES,
  type Complaint,
  type ComplaintIntake,
  type ComplaintSource,
  type IntakeField,
} from './complaint-types.ts';
import type { MerchantPickEvent } from './dc-complaint-merchant.ts';
import './dc-complaint-merchant.ts';

type Draft = Record<IntakeField, string> & { source: ComplaintSource; merchantId?: number };

const empty = (source: ComplaintSource = 'desk'): Draft => ({
  source,
  customerName: '',
  customerPhone: '',
  merchantName: '',
  floor: '',
  product: '',
  orderNo: '',
  category: '',
  what: '',
  wants: '',
});

const PLACEHOLDER: Partial<Record<IntakeField, string>> = {
  customerPhone: '例：138 0000 0000',
  floor: '例：2F',
  product: '例：三人位真皮沙发',
  orderNo: '例：XS-20261203-018',
};

/**
 * The new complaint form (顾客投诉登记): who, against which merchant and product, what
 * happened and what the customer wants. Opened on a queue ticket it carries the ticket, its
 * counter and times and the clerk's note. The server's refusal shows at each field it names.
 */
@customElement('dc-complaint-intake')
export class DcComplaintIntake extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(62rem, 96vw);
      }
      .form {
        --form-columns: 3;
      }
      .two {
        grid-column: span 2;
      }
      .ticket {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.3rem 0.9rem;
        padding: 0.55rem 0.8rem;
        margin-bottom: 0.75rem;
        border-radius: var(--sl-border-radius-medium);
        background: var(--sl-color-primary-50);
        color: var(--sl-color-primary-800);
        font-size: 0.9rem;
      }
      .ticket b {
        font-size: 1.05rem;
      }
      .rule {
        margin-right: auto;
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      sl-radio-group::part(button-group) {
        flex-wrap: wrap;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _draft: Draft = empty();
  @state() private _ticket?: Ticket;
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @state() private _merchants: Merchant[] = [];
  @query('sl-dialog') private _dialog!: SlDialog;

  /** Opens the form empty, or on a queue ticket just finished into a complaint. */
  show(ticket?: Ticket): void {
    this._ticket = ticket;
    this._draft = ticket ? { ...empty('queue'), what: ticket.note ?? '' } : empty();
    this._errors = {};
    void this._loadMerchants();
    void this.updateComplete.then(() => this._dialog.show());
  }

  override render() {
    const t = this._ticket;
    return html`<sl-dialog
      label=${t ? `登记投诉 · Record a complaint：${t.code}` : '新建投诉 · New complaint'}
      data-testid="complaint-intake"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${t ? this._ticketStrip(t) : nothing}
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${t ? nothing : this._source()} ${this._input('customerName', { required: true })}
        ${this._input('customerPhone', { required: true, type: 'tel' })} ${this._category()}
        <div class="two">
          <dc-complaint-merchant
            label="${FIELD_TEXT.merchantName.zh} · ${FIELD_TEXT.merchantName.en}"
            .merchants=${this._merchants}
            .value=${{
              merchantName: this._draft.merchantName,
              ...(this._draft.merchantId ? { merchantId: this._draft.merchantId } : {}),
            }}
            .error=${this._errors['merchantName'] ?? this._errors['merchantId'] ?? ''}
            @merchant-pick=${this._pickMerchant}
          ></dc-complaint-merchant>
        </div>
        ${this._input('floor')}
        <div class="two">${this._input('product', { bare: true })}</div>
        ${this._input('orderNo')} ${this._text('what', 4, true)} ${this._text('wants', 2)}
      </form>
      <span slot="footer" class="rule">
        答复时限 24 小时，方案时限 72 小时，自受理时起 · Answer within 24 h, a plan within 72 h
      </span>
      <sl-button slot="footer" @click=${() => void this._dialog.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-complaint"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>登记 · Record
      </sl-button>
    </sl-dialog>`;
  }

  private _ticketStrip(t: Ticket) {
    const tz = this.session.site.timezone;
    const times = [
      ['取号', t.takenAt],
      ['叫号', t.calledAt],
      ['开始', t.startedAt],
      ['办结', t.finishedAt],
    ].filter((x): x is [string, string] => !!x[1]);
    return html`<div class="ticket" data-testid="intake-ticket">
      <sl-icon name="ticket-perforated"></sl-icon>
      <span>来自排队叫号 · From the queue</span>
      <b>${t.code}</b>
      <span>${t.serviceName}</span>
      ${t.counter ? html`<span>${t.counter.name}</span>` : nothing}
      ${times.map(([zh, at]) => html`<span>${zh} ${clockTime(at, tz)}</span>`)}
    </div>`;
  }

  private _source() {
    return html`<div class="wide">
      <sl-radio-group
        name="source"
        size="small"
        label="${FIELD_TEXT.source.zh} · ${FIELD_TEXT.source.en}"
        .value=${this._draft.source}
        @sl-change=${(e: Event) =>
          this._set('source', (e.target as HTMLInputElement).value as ComplaintSource)}
      >
        ${COMPLAINT_SOURCES.filter((s) => s !== 'queue').map(
          (s) =>
            html`<sl-radio-button value=${s}
              >${SOURCE_TEXT[s].zh} · ${SOURCE_TEXT[s].en}</sl-radio-button
            >`,
        )}
      </sl-radio-group>
    </div>`;
  }

  private _input(f: IntakeField, o: { required?: boolean; type?: string; bare?: boolean } = {}) {
    const input = html`<sl-input
        name=${f}
        label="${FIELD_TEXT[f].zh} · ${FIELD_TEXT[f].en}"
        type=${o.type ?? 'text'}
        placeholder=${PLACEHOLDER[f] ?? ''}
        ?required=${o.required}
        .value=${this._draft[f]}
        @sl-input=${(e: Event) => this._set(f, (e.target as HTMLInputElement).value)}
      ></sl-input>
      ${this._error(f)}`;
    return o.bare ? input : html`<div>${input}</div>`;
  }

  private _category() {
    return html`<div>
      <sl-select
        name="category"
        label="${FIELD_TEXT.category.zh} · ${FIELD_TEXT.category.en}"
        placeholder="请选择 · Choose"
        required
        .value=${this._draft.category}
        @sl-change=${(e: Event) => this._set('category', (e.target as HTMLSelectElement).value)}
      >
        ${COMPLAINT_CATEGORIES.map(
          (c) => html`<sl-option value=${c.zh}>${c.zh} · ${c.en}</sl-option>`,
        )}
      </sl-select>
      ${this._error('category')}
    </div>`;
  }

  private _text(f: 'what' | 'wants', rows: number, required = false) {
    return html`<div class="wide">
      <sl-textarea
        name=${f}
        label="${FIELD_TEXT[f].zh} · ${FIELD_TEXT[f].en}"
        rows=${rows}
        resize="auto"
        ?required=${required}
        .value=${this._draft[f]}
        @sl-input=${(e: Event) => this._set(f, (e.target as HTMLTextAreaElement).value)}
      ></sl-textarea>
      ${this._error(f)}
    </div>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private _set<K extends keyof Draft>(f: K, value: Draft[K]): void {
    this._draft = { ...this._draft, [f]: value };
    if (this._errors[f]) this._errors = { ...this._errors, [f]: '' };
  }

  private _pickMerchant = (e: MerchantPickEvent) => {
    const { merchantId, merchantName, floor } = e.detail;
    const next: Draft = { ...this._draft, merchantName, merchantId };
    // A pick brings the merchant's floor unless the desk wrote one.
    if (floor && !next.floor) next.floor = floor;
    this._draft = next;
    if (this._errors['merchantName']) this._errors = { ...this._errors, merchantName: '' };
  };

  private async _loadMerchants(): Promise<void> {
    if (this._merchants.length) return;
    try {
      this._merchants = (await this.session.api.get<MerchantList>('/api/merchants')).merchants;
    } catch {
      // Without the list the merchant is typed: the form still works.
    }
  }

  /** The body as the server takes it: empty optional fields left out, none defaulted here. */
  private _body(): ComplaintIntake {
    const d = this._draft;
    const opt = (k: 'merchantName' | 'floor' | 'product' | 'orderNo') =>
      d[k].trim() ? { [k]: d[k] } : {};
    const t = this._ticket;
    return {
      source: d.source,
      customerName: d.customerName,
      customerPhone: d.customerPhone,
      ...(d.merchantId ? { merchantId: d.merchantId } : {}),
      ...opt('merchantName'),
      ...opt('floor'),
      ...opt('product'),
      ...opt('orderNo'),
      category: d.category,
      what: d.what,
      wants: d.wants,
      ...(t ? { ticketId: t.id } : {}),
      ...(t?.counter ? { counter: t.counter.number } : {}),
    };
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.session.api.post<{ complaint: Complaint }>(
        '/api/complaints',
        this._body(),
      );
      toast(
        'success',
        `已登记投诉 #${r.complaint.id} · Complaint recorded`,
        `${r.complaint.customerName} · ${r.complaint.category}`,
      );
      this.dispatchEvent(complaintChanged(r.complaint));
      window.dispatchEvent(new Event(BADGES_STALE));
      this._busy = false;
      await this._dialog.hide();
    } catch (err) {
      this._errors = fieldMessages(err);
      toast('danger', '投诉未登记 · Not recorded', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-intake': DcComplaintIntake;
  }
}
