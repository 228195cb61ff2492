import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import { counterAct } from './counter-events.ts';
import { counterStyles } from './counter-styles.ts';

/**
 * Finishing a visit: what it was about (the seed's 记录咨询类型), a note for follow-up, and
 * whether to ask the customer for a rating on the board's screen.
 */
@customElement('dc-counter-finish')
export class DcCounterFinish extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    counterStyles,
    css`
      .check {
        display: flex;
        gap: 8px;
        align-items: center;
        color: var(--dc-text);
        font-size: 15px;
      }
      .check input {
        width: 20px;
        height: 20px;
      }
      button {
        width: 100%;
        margin-top: 10px;
      }
      .complaint {
        margin-top: 6px;
      }
    `,
  ];

  @property({ attribute: false }) categories: string[] = [];
  /** The category to preselect, if one fits the ticket's service. */
  @property() suggested?: string;
  @property({ type: Boolean }) busy = false;
  /** The ticket being finished: a new one starts with a fresh form. */
  @property() code = '';

  @state() private _category = '';
  @state() private _note = '';
  @state() private _askRating = true;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) {
      this._category = this.suggested ?? '';
      this._note = '';
    }
    if (this._category && !this.categories.includes(this._category)) this._category = '';
  }

  override render() {
    return html`<div class="panel">
      <h2>办结 <span class="en">Finish</span></h2>
      <label for="cat">咨询类型 <span class="en">Category</span></label>
      <select
        id="cat"
        data-testid="finish-category"
        .value=${this._category}
        @change=${(e: Event) => (this._category = (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this._category} disabled>请选择… Choose…</option>
        ${this.categories.map((c) => html`<option .value=${c} ?selected=${c === this._category}>${c}</option>`)}
      </select>
      <label for="note">备注 / 跟进事项 <span class="en">Note, follow-up</span></label>
      <textarea
        id="note"
        maxlength="1000"
        .value=${this._note}
        @input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this._askRating}
          @change=${(e: Event) => (this._askRating = (e.target as HTMLInputElement).checked)}
        />请顾客在大屏上评价 <span class="en">Ask for a rating</span></label
      >
      <button
        class="primary"
        data-action="finish"
        ?disabled=${this.busy || !this._category}
        @click=${() => this._finish()}
      >
        完成办理 <span class="en">Finish</span>
      </button>
      <button
        class="complaint"
        data-action="finish-complaint"
        ?disabled=${this.busy || !this._complaintCategory()}
        @click=${() => this._finish(true)}
      >
        完成并登记投诉 <span class="en">Finish, record a complaint</span>
      </button>
    </div>`;
  }

  /** A complaint is finished as the complaints' category (投诉登记) whatever was picked. */
  private _complaintCategory(): string {
    return this.categories.find((c) => c.includes('投诉')) ?? this._category;
  }

  private _finish(complaint = false): void {
    this.dispatchEvent(
      counterAct({
        action: 'finish',
        category: complaint ? this._complaintCategory() : this._category,
        note: this._note.trim(),
        askRating: this._askRating,
        ...(complaint ? { complaint } : {}),
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-finish': DcCounterFinish;
  }
}
