import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { fieldErrors } from '../merchants/merchant-types.ts';
import type { Visit, VisitMonth } from './callback-types.ts';

const FIELDS = ['plannedOn', 'customerName', 'customerPhone', 'address', 'purpose'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  plannedOn: '计划日期 · Planned for',
  customerName: '顾客 · Customer',
  customerPhone: '电话 · Phone',
  address: '地址 · Address',
  purpose: '目的 · Purpose',
};

const STATUS = {
  planned: { zh: '计划', en: 'Planned', variant: 'primary' },
  visited: { zh: '已拜访', en: 'Visited', variant: 'success' },
  cancelled: { zh: '已取消', en: 'Cancelled', variant: 'neutral' },
} as const;

/**
 * 上门拜访: this month's visits made against the five the source document asks for, the
 * visits planned, and the form to plan one.
 */
@customElement('dc-callbacks-visits')
export class DcCallbacksVisits extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      .count {
        display: flex;
        align-items: baseline;
        gap: 0.5rem;
        margin-bottom: 0.5rem;
      }
      .count strong {
        font-size: 2rem;
      }
      sl-progress-bar {
        --height: 0.5rem;
        margin-bottom: 0.75rem;
      }
      sl-dialog {
        --width: min(40rem, 96vw);
      }
      td.status {
        text-align: right;
        white-space: nowrap;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _month?: VisitMonth;
  @state() private _visits: Visit[] = [];
  @state() private _error = '';
  @state() private _draft: Record<Field, string> = this._empty();
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const m = this._month;
    return html`<div class="card" data-testid="visits">
      <h2>本月上门拜访<span class="en">Customer visits this month</span></h2>
      ${this._error ? html`<sl-alert variant="danger" open>${this._error}</sl-alert>` : nothing}
      ${
        m
          ? html`<div class="count" data-testid="visit-count">
                <strong>${m.visited}</strong><span>/ ${m.target}</span>
                <span class="muted">
                  ${m.met ? '已达标 · Target met' : `还差 ${m.short} 次 · ${m.short} to go`} · 计划
                  ${m.planned} · planned
                </span>
              </div>
              <sl-progress-bar
                value=${Math.min(100, (m.visited / m.target) * 100)}
              ></sl-progress-bar>`
          : html`<sl-spinner></sl-spinner>`
      }
      <div class="row" style="margin-bottom:0.5rem">
        <sl-button size="small" data-testid="plan-visit" @click=${this._open}>
          <sl-icon slot="prefix" name="calendar-plus"></sl-icon>计划拜访 · Plan a visit
        </sl-button>
      </div>
      ${
        this._visits.length
          ? html`<div class="table-wrap">
              <table>
                <tbody>
                  ${this._visits.map((v) => {
                    const s = STATUS[v.status];
                    return html`<tr data-visit=${v.id}>
                      <td>${v.visitedOn ?? v.plannedOn}</td>
                      <td>${v.customerName}<span class="sub">${v.purpose}</span></td>
                      <td class="status">
                        ${
                          v.status === 'planned'
                            ? this._record(v)
                            : html`<sl-tag size="small" variant=${s.variant}
                                >${s.zh} · ${s.en}</sl-tag
                              >`
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
          : html`<div class="muted">本月还没有拜访 · No visits this month yet.</div>`
      }
      <sl-dialog
        label="计划上门拜访 · Plan a visit"
        @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
      >
        ${
          this._errors['']
            ? html`<sl-alert variant="danger" open class="general">${this._errors['']}</sl-alert>`
            : nothing
        }
        <div class="form">
          ${this._input('plannedOn', 'date')} ${this._input('customerName')}
          ${this._input('customerPhone', 'tel')} ${this._input('purpose')}
          <div class="wide">${this._field('address')}</div>
        </div>
        <sl-button slot="footer" @click=${() => void this._dialog()?.hide()}
          >取消 · Cancel</sl-button
        >
        <sl-button
          slot="footer"
          variant="primary"
          data-testid="save-visit"
          ?loading=${this._busy}
          @click=${() => void this._save()}
        >
          <sl-icon slot="prefix" name="check2"></sl-icon>保存 · Save
        </sl-button>
      </sl-dialog>
    </div>`;
  }

  /** A planned visit: recorded as made today, with what the customer said. */
  private _record(v: Visit) {
    return html`<sl-dropdown placement="bottom-end">
      <sl-button slot="trigger" size="small" caret data-testid="record-visit">
        记录拜访 · Record
      </sl-button>
      <sl-menu
        @sl-select=${(e: CustomEvent<{ item: { value: string } }>) =>
          void this._visited(v, e.detail.item.value as 'satisfied' | 'not-satisfied')}
      >
        <sl-menu-item value="satisfied">已拜访：满意 · Visited, satisfied</sl-menu-item>
        <sl-menu-item value="not-satisfied">已拜访：不满意 · Visited, not satisfied</sl-menu-item>
      </sl-menu>
    </sl-dropdown>`;
  }

  private async _visited(v: Visit, outcome: 'satisfied' | 'not-satisfied'): Promise<void> {
    try {
      await this.session.api.post(`/api/visits/${v.id}/actions`, { action: 'visit', outcome });
      toast('success', `已记录拜访「${v.customerName}」· Visit recorded`);
      await this.load();
    } catch (err) {
      toastError('拜访未记录 · The visit was not recorded', err);
    }
  }

  private _input(f: Field, type = 'text') {
    return html`<div>${this._field(f, type)}</div>`;
  }

  private _field(f: Field, type = 'text') {
    return html`<sl-input
        name=${f}
        type=${type}
        label=${LABELS[f]}
        ?required=${f !== 'address'}
        placeholder=${f === 'purpose' ? '回访、维修、保养… · follow-up, repair…' : ''}
        .value=${this._draft[f]}
        @sl-input=${(e: Event) => {
          this._draft = { ...this._draft, [f]: (e.target as HTMLInputElement).value };
          this._errors = { ...this._errors, [f]: '' };
        }}
      ></sl-input>
      ${this._errors[f] ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>` : nothing}`;
  }

  private readonly _open = () => {
    this._draft = this._empty();
    this._errors = {};
    void this._dialog()?.show();
  };

  private async _save(): Promise<void> {
    if (this._busy) return;
    const body: Record<string, string> = {};
    for (const f of FIELDS) if (this._draft[f].trim()) body[f] = this._draft[f].trim();
    this._busy = true;
    this._errors = {};
    try {
      await this.session.api.post('/api/visits', body);
      toast('success', `已计划拜访「${body['customerName'] ?? ''}」· Visit planned`);
      this._busy = false;
      await this._dialog()?.hide();
      await this.load();
    } catch (err) {
      this._errors = fieldErrors(err);
      toast('danger', '拜访未保存 · Not saved', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }

  /** Reads the month's visits again. */
  async load(): Promise<void> {
    try {
      const r = await this.session.api.get<{ month: VisitMonth; visits: Visit[] }>('/api/visits');
      this._month = r.month;
      this._visits = r.visits;
      this._error = '';
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    }
  }

  private _empty(): Record<Field, string> {
    const today = this.session?.site.today ?? '';
    return { plannedOn: today, customerName: '', customerPhone: '', address: '', purpose: '' };
  }

  private _dialog() {
    return this.renderRoot.querySelector<SlDialog>('sl-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-callbacks-visits': DcCallbacksVisits;
  }
}
