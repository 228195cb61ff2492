import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { toast } from '../toast.ts';
import { fenOf, NOT_AN_AMOUNT, yuanText } from './ledger-money.ts';
import { ledgerChanged } from './ledger-events.ts';
import { RETURN_OUTCOMES, RETURN_STATUS_TEXT } from './ledger-text.ts';
import type { ReturnOutcome, ReturnRecord } from './ledger-types.ts';

/**
 * What the desk did about a registered return: refunded (the amount), exchanged (any
 * difference paid back) or refused (why). Amounts are typed in 元 and sent in fen.
 */
@customElement('dc-return-outcome')
export class DcReturnOutcome extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(34rem, 96vw);
      }
      sl-radio-group {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _r?: ReturnRecord;
  @state() private _outcome: ReturnOutcome = 'refunded';
  @state() private _amount = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('sl-dialog') private _dialog!: SlDialog;

  show(r: ReturnRecord): void {
    this._r = r;
    this._outcome = 'refunded';
    this._amount = '';
    this._note = '';
    this._errors = {};
    void this.updateComplete.then(() => this._dialog.show());
  }

  override render() {
    const r = this._r;
    const fen = fenOf(this._amount);
    return html`<sl-dialog
      label="处理结果 · Outcome${r ? ` · #${r.id} ${r.customerName}` : ''}"
      data-testid="return-outcome"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <sl-radio-group
        name="outcome"
        size="small"
        .value=${this._outcome}
        @sl-change=${(e: Event) => {
          this._outcome = (e.target as HTMLInputElement).value as ReturnOutcome;
          this._errors = {};
        }}
      >
        ${RETURN_OUTCOMES.map(
          (o) =>
            html`<sl-radio-button value=${o}
              >${RETURN_STATUS_TEXT[o].zh} · ${RETURN_STATUS_TEXT[o].en}</sl-radio-button
            >`,
        )}
      </sl-radio-group>
      <div class="form">
        ${
          this._outcome === 'refused'
            ? nothing
            : html`<div>
                <sl-input
                  name="amount"
                  label=${
                    this._outcome === 'refunded'
                      ? '退款金额（元）· Refund (¥)'
                      : '退还差价（元）· Difference paid back (¥)'
                  }
                  placeholder="0.00"
                  .value=${this._amount}
                  @sl-input=${(e: Event) => {
                    this._amount = (e.target as HTMLInputElement).value;
                    this._errors = {};
                  }}
                ></sl-input>
                ${fen !== undefined ? html`<div class="hint">${yuanText(fen)}</div>` : nothing}
                ${this._error('amountFen')}
              </div>`
        }
        <div class="wide">
          <sl-textarea
            name="note"
            label=${this._outcome === 'refused' ? '不予退货理由 · Why it is refused' : '备注 · Note'}
            rows="2"
            ?required=${this._outcome === 'refused'}
            .value=${this._note}
            @sl-input=${(e: Event) => {
              this._note = (e.target as HTMLTextAreaElement).value;
              this._errors = {};
            }}
          ></sl-textarea>
          ${this._error('note')}
        </div>
      </div>
      <sl-button slot="footer" @click=${() => void this._dialog.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-outcome"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>记录 · Record
      </sl-button>
    </sl-dialog>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : nothing;
  }

  private async _save(): Promise<void> {
    if (this._busy || !this._r) return;
    const refused = this._outcome === 'refused';
    const amountFen = refused || !this._amount.trim() ? 0 : fenOf(this._amount);
    if (amountFen === undefined) {
      this._errors = { amountFen: NOT_AN_AMOUNT };
      return;
    }
    this._busy = true;
    this._errors = {};
    try {
      await this.session.api.post(`/api/returns/${this._r.id}/actions`, {
        action: 'outcome',
        outcome: this._outcome,
        amountFen,
        note: this._note,
      });
      const s = RETURN_STATUS_TEXT[this._outcome];
      toast('success', `${s.zh} · ${s.en}：#${this._r.id}`, amountFen ? yuanText(amountFen) : '');
      this.dispatchEvent(ledgerChanged());
      this._busy = false;
      await this._dialog.hide();
    } catch (err) {
      const errors = fieldMessages(err);
      const code = (err as { code?: string }).code;
      // The rules' refusals (422 `amount`, `note`) belong at their field.
      if ((code === 'amount' || code === 'note') && errors['']) {
        errors[code === 'amount' ? 'amountFen' : 'note'] = errors[''];
        delete errors[''];
      }
      this._errors = errors;
      toast('danger', '未记录 · Not recorded', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-return-outcome': DcReturnOutcome;
  }
}
