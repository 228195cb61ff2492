import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { BADGES_STALE } from '../nav-badges.ts';
import { toast } from '../toast.ts';
import { fieldMessages } from './complaint-errors.ts';
import { complaintChanged } from './complaint-events.ts';
import {
  ACTION_TEXT,
  COMPLAINT_CATEGORIES,
  FIELD_TEXT,
  OUTCOME_TEXT,
  PAUSE_TEXT,
} from './complaint-text.ts';
import {
  actionsFor,
  INTAKE_FIELDS,
  type CallBackOutcome,
  type Complaint,
  type ComplaintActionName,
  type IntakeField,
  type PauseReason,
} from './complaint-types.ts';

/** What each action's form asks for: its text field's name and label, if any. */
const TEXT_OF: Partial<Record<ComplaintActionName, { name: string; zh: string; en: string }>> = {
  answer: { name: 'text', zh: '答复内容', en: 'What the customer was told' },
  plan: { name: 'text', zh: '处理方案', en: 'The plan offered' },
  resolve: { name: 'text', zh: '处理结果', en: 'How it was resolved' },
  reject: { name: 'reason', zh: '不受理的理由（告知顾客）', en: 'Reason, as told to the customer' },
  escalate: { name: 'note', zh: '上报说明', en: 'Why it goes to the manager' },
  'call-back': { name: 'note', zh: '回访记录', en: 'Call-back note' },
  pause: { name: 'note', zh: '说明', en: 'Note' },
  resume: { name: 'note', zh: '说明', en: 'Note' },
};
/** Actions whose text may be left empty. */
const OPTIONAL_TEXT: readonly ComplaintActionName[] = ['call-back', 'pause', 'resume'];
const MAIN: readonly ComplaintActionName[] = ['answer', 'plan', 'resolve', 'call-back'];

/**
 * The steps a complaint's status allows, as buttons; a step opens its small form (the answer
 * given, the plan, the outcome of a call-back, the reason for a rejection or a pause, the field
 * to correct) and is sent as a new entry. The server's refusal shows at its field.
 */
@customElement('dc-complaint-actions')
export class DcComplaintActions extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      form {
        margin-top: 0.75rem;
        padding: 0.8rem;
        border-radius: var(--sl-border-radius-medium);
        background: var(--sl-color-neutral-50);
        border: 1px solid var(--sl-color-neutral-200);
        display: grid;
        gap: 0.6rem;
      }
      .submit {
        justify-content: flex-end;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) complaint?: Complaint;
  @state() private _open?: ComplaintActionName;
  @state() private _text = '';
  @state() private _outcome: CallBackOutcome = 'satisfied';
  @state() private _reason: PauseReason = 'merchant';
  @state() private _field: IntakeField = 'customerPhone';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  override willUpdate(changed: PropertyValues<this>): void {
    // Another complaint, or this one moved on: no half-filled form of a step it no longer has.
    const c = this.complaint;
    const before = changed.get('complaint');
    if (changed.has('complaint') && (before?.id !== c?.id || before?.status !== c?.status))
      this._close();
  }

  override render() {
    const c = this.complaint;
    if (!c) return nothing;
    const actions = actionsFor(c);
    if (!actions.length) return nothing;
    return html`<div class="buttons" data-testid="complaint-actions">
        ${actions.map((a) => {
          const t = ACTION_TEXT[a];
          return html`<sl-button
            size="small"
            data-action=${a}
            variant=${this._open === a ? 'primary' : MAIN.includes(a) ? 'default' : 'text'}
            ?outline=${MAIN.includes(a) && this._open !== a}
            @click=${() => this._toggle(a)}
          >
            <sl-icon slot="prefix" name=${t.icon}></sl-icon>${t.zh} · ${t.en}
          </sl-button>`;
        })}
      </div>
      ${this._open ? this._form(this._open) : nothing}`;
  }

  private _form(a: ComplaintActionName) {
    const t = ACTION_TEXT[a];
    return html`<form
      data-form=${a}
      @submit=${(e: Event) => (e.preventDefault(), void this._send(a))}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open>
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      ${a === 'call-back' ? this._outcomes() : nothing} ${a === 'pause' ? this._reasons() : nothing}
      ${a === 'correct' ? this._correction() : this._textField(a)}
      <div class="row submit">
        <sl-button size="small" @click=${() => this._close()}>取消 · Cancel</sl-button>
        <sl-button
          size="small"
          variant="primary"
          data-testid="send-action"
          ?loading=${this._busy}
          @click=${() => void this._send(a)}
        >
          <sl-icon slot="prefix" name="check2"></sl-icon>${t.zh} · ${t.en}
        </sl-button>
      </div>
    </form>`;
  }

  private _textField(a: ComplaintActionName) {
    const f = TEXT_OF[a];
    if (!f) return nothing;
    const long = !['pause', 'resume'].includes(a);
    const label = `${f.zh} · ${f.en}${OPTIONAL_TEXT.includes(a) ? '（可不填 · optional）' : ''}`;
    return html`<div>
      ${
        long
          ? html`<sl-textarea
              name=${f.name}
              label=${label}
              rows="3"
              resize="auto"
              .value=${this._text}
              @sl-input=${(e: Event) => this._typed((e.target as HTMLTextAreaElement).value, f.name)}
            ></sl-textarea>`
          : html`<sl-input
              name=${f.name}
              label=${label}
              .value=${this._text}
              @sl-input=${(e: Event) => this._typed((e.target as HTMLInputElement).value, f.name)}
            ></sl-input>`
      }
      ${this._error(f.name)}
    </div>`;
  }

  private _outcomes() {
    return html`<sl-radio-group
      name="outcome"
      size="small"
      label="回访结果 · Outcome"
      .value=${this._outcome}
      @sl-change=${(e: Event) =>
        (this._outcome = (e.target as HTMLInputElement).value as CallBackOutcome)}
    >
      ${(Object.keys(OUTCOME_TEXT) as CallBackOutcome[]).map(
        (o) =>
          html`<sl-radio-button value=${o}
            >${OUTCOME_TEXT[o].zh} · ${OUTCOME_TEXT[o].en}</sl-radio-button
          >`,
      )}
    </sl-radio-group>`;
  }

  private _reasons() {
    return html`<sl-radio-group
      name="reason"
      size="small"
      label="暂停原因 · Waiting on"
      .value=${this._reason}
      @sl-change=${(e: Event) =>
        (this._reason = (e.target as HTMLInputElement).value as PauseReason)}
    >
      ${(Object.keys(PAUSE_TEXT) as PauseReason[]).map(
        (r) =>
          html`<sl-radio-button value=${r}
            >${PAUSE_TEXT[r].zh} · ${PAUSE_TEXT[r].en}</sl-radio-button
          >`,
      )}
    </sl-radio-group>`;
  }

  private _correction() {
    const f = this._field;
    const c = this.complaint;
    const now = c ? String(c[f] ?? '') : '';
    const label = `更正为 · Correct to`;
    const value = (e: Event) => this._typed((e.target as HTMLInputElement).value, f);
    return html`<div class="form">
      <sl-select
        name="field"
        size="small"
        label="更正哪一项 · Field"
        .value=${f}
        @sl-change=${(e: Event) => {
          this._field = (e.target as HTMLSelectElement).value as IntakeField;
          this._text = '';
          this._errors = {};
        }}
      >
        ${INTAKE_FIELDS.map(
          (k) => html`<sl-option value=${k}>${FIELD_TEXT[k].zh} · ${FIELD_TEXT[k].en}</sl-option>`,
        )}
      </sl-select>
      <div class="muted" style="align-self:end;font-size:.85rem">原为 · Was：${now || '—'}</div>
      <div class="wide">
        ${
          f === 'category'
            ? html`<sl-select
                name="value"
                size="small"
                label=${label}
                .value=${this._text}
                @sl-change=${value}
              >
                ${COMPLAINT_CATEGORIES.map(
                  (k) => html`<sl-option value=${k.zh}>${k.zh} · ${k.en}</sl-option>`,
                )}
              </sl-select>`
            : f === 'what' || f === 'wants'
              ? html`<sl-textarea
                  name="value"
                  label=${label}
                  rows="3"
                  .value=${this._text}
                  @sl-input=${value}
                ></sl-textarea>`
              : html`<sl-input
                  name="value"
                  size="small"
                  label=${label}
                  .value=${this._text}
                  @sl-input=${value}
                ></sl-input>`
        }
        ${this._error(f)} ${this._error('fields')}
      </div>
    </div>`;
  }

  private _error(name: string) {
    const m = this._errors[name] ?? this._errors[`fields.${name}`];
    return m ? html`<div class="error" data-field=${name}>${m}</div>` : nothing;
  }

  private _typed(value: string, field: string): void {
    this._text = value;
    if (this._errors[field] || this._errors[`fields.${field}`]) this._errors = {};
  }

  private _toggle(a: ComplaintActionName): void {
    if (this._open === a) return this._close();
    this._close();
    this._open = a;
  }

  private _close(): void {
    this._open = undefined;
    this._text = '';
    this._errors = {};
  }

  /** The action as the server takes it (POST /api/complaints/:id/actions). */
  private _body(a: ComplaintActionName): Record<string, unknown> {
    const text = this._text;
    switch (a) {
      case 'answer':
      case 'plan':
      case 'resolve':
        return { action: a, text };
      case 'reject':
        return { action: a, reason: text };
      case 'escalate':
        return { action: a, note: text };
      case 'call-back':
        return { action: a, outcome: this._outcome, note: text };
      case 'pause':
        return { action: a, reason: this._reason, note: text };
      case 'resume':
        return { action: a, note: text };
      case 'correct':
        return { action: a, fields: { [this._field]: text } };
      default: {
        const never: never = a;
        return never;
      }
    }
  }

  private async _send(a: ComplaintActionName): Promise<void> {
    const c = this.complaint;
    if (!c || this._busy) return;
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.session.api.post<{ complaint: Complaint }>(
        `/api/complaints/${c.id}/actions`,
        this._body(a),
      );
      toast('success', `#${c.id} ${ACTION_TEXT[a].zh} · ${ACTION_TEXT[a].en}`, c.customerName);
      this._close();
      this.dispatchEvent(complaintChanged(r.complaint));
      window.dispatchEvent(new Event(BADGES_STALE));
    } catch (err) {
      this._errors = fieldMessages(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-actions': DcComplaintActions;
  }
}
