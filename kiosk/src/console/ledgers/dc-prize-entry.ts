import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { fieldMessages } from '../complaints/complaint-errors.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { toast } from '../toast.ts';
import { ledgerChanged } from './ledger-events.ts';
import type { PrizeHandout } from './ledger-types.ts';

const FIELDS = {
  campaign: '活动 · Campaign',
  prize: '奖品 · Prize',
  customerName: '领奖顾客 · Customer',
  customerPhone: '联系电话 · Phone',
  quantity: '数量 · Quantity',
  handedBy: '发放人 · Handed over by',
} as const;
type Field = keyof typeof FIELDS;

const empty = (keep?: Record<Field, string>): Record<Field, string> => ({
  // The next handout is mostly the same campaign and prize: kept.
  campaign: keep?.campaign ?? '',
  prize: keep?.prize ?? '',
  customerName: '',
  customerPhone: '',
  quantity: '1',
  handedBy: keep?.handedBy ?? '',
});

/** A prize handout written down (奖品发放登记): the campaign, the prize, to whom, how many. */
@customElement('dc-prize-entry')
export class DcPrizeEntry extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      .form {
        --form-columns: 4;
        align-items: start;
      }
      .save {
        grid-column: span 2;
        align-self: end;
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _d = empty();
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  override render() {
    return html`${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._input('campaign', true)} ${this._input('prize', true)}
        ${this._input('customerName', true)} ${this._input('customerPhone', true, 'tel')}
        ${this._input('quantity', true, 'number')} ${this._input('handedBy')}
        <div class="save">
          <sl-button
            variant="primary"
            data-testid="save-prize"
            ?loading=${this._busy}
            @click=${() => void this._save()}
          >
            <sl-icon slot="prefix" name="check2"></sl-icon>登记发放 · Record
          </sl-button>
        </div>
      </form>`;
  }

  private _input(f: Field, required = false, type = 'text') {
    return html`<div>
      <sl-input
        name=${f}
        label=${FIELDS[f]}
        type=${type}
        ?required=${required}
        placeholder=${f === 'handedBy' ? this.session.me.username : ''}
        .value=${this._d[f]}
        @sl-input=${(e: Event) => {
          this._d = { ...this._d, [f]: (e.target as HTMLInputElement).value };
          this._errors = { ...this._errors, [f]: '' };
        }}
      ></sl-input>
      ${
        this._errors[f]
          ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
          : nothing
      }
    </div>`;
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const d = this._d;
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.session.api.post<{ prize: PrizeHandout }>('/api/prizes', {
        campaign: d.campaign,
        prize: d.prize,
        customerName: d.customerName,
        customerPhone: d.customerPhone,
        quantity: Number(d.quantity),
        ...(d.handedBy.trim() ? { handedBy: d.handedBy } : {}),
      });
      toast(
        'success',
        `已登记发放 · Prize recorded`,
        `${r.prize.campaign} · ${r.prize.prize} × ${r.prize.quantity} · ${r.prize.customerName}`,
      );
      this._d = empty(d);
      this.dispatchEvent(ledgerChanged());
    } catch (err) {
      this._errors = fieldMessages(err);
      toast('danger', '未登记 · Not recorded', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-prize-entry': DcPrizeEntry;
  }
}
