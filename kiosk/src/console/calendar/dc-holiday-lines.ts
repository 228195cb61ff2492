import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { markFormStyles } from './mark-form-styles.ts';

export interface HolidayRow {
  name: string;
  from: string;
  to: string;
}
export interface MakeUpRow {
  date: string;
  note: string;
}

/** Detail of `lines-change`: both lists as they now are, and the field that changed. */
export interface LinesChange {
  holidays: HolidayRow[];
  makeUps: MakeUpRow[];
  field?: string;
}

export const emptyHoliday = (): HolidayRow => ({ name: '', from: '', to: '' });
const emptyMakeUp = (): MakeUpRow => ({ date: '', note: '' });

/**
 * The lines of a year's holiday notice: one a holiday (its name, first and last day off) and
 * one a 调休 make-up working day, each with its error beneath. Emits `lines-change`.
 */
@customElement('dc-holiday-lines')
export class DcHolidayLines extends LitElement {
  static override styles = [
    markFormStyles,
    css`
      :host {
        display: block;
      }
      .rows {
        display: grid;
        gap: 0.5rem;
      }
      .holiday,
      .makeup {
        display: grid;
        grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: 0.5rem 0.75rem;
        align-items: start;
      }
      .makeup {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr) auto;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1rem 0 0.5rem;
      }
      h3 .en {
        font-weight: 400;
        font-size: 0.78rem;
        color: var(--sl-color-neutral-500);
        margin-left: 0.4rem;
      }
    `,
  ];

  @property({ attribute: false }) holidays: HolidayRow[] = [emptyHoliday()];
  @property({ attribute: false }) makeUps: MakeUpRow[] = [];
  @property({ attribute: false }) errors: Record<string, string> = {};

  override render() {
    return html`<h3>
        放假 · Holidays<span class="en">one line a holiday, its first and last day off</span>
      </h3>
      <div class="rows">${this.holidays.map((h, i) => this._holiday(h, i))}</div>
      ${this._error('holidays')}
      <sl-button
        size="small"
        style="margin-top:0.5rem"
        data-testid="add-holiday"
        @click=${() => this._change([...this.holidays, emptyHoliday()], this.makeUps)}
      >
        <sl-icon slot="prefix" name="plus-lg"></sl-icon>添加节日 · Add a holiday
      </sl-button>
      <h3>
        调休上班 · Make-up working days<span class="en"
          >weekend days the notice makes working days</span
        >
      </h3>
      <div class="rows">${this.makeUps.map((m, i) => this._makeUp(m, i))}</div>
      ${this._error('makeUpDays')}
      <sl-button
        size="small"
        style="margin-top:0.5rem"
        data-testid="add-makeup"
        @click=${() => this._change(this.holidays, [...this.makeUps, emptyMakeUp()])}
      >
        <sl-icon slot="prefix" name="plus-lg"></sl-icon>添加调休日 · Add a make-up day
      </sl-button>`;
  }

  private _holiday(h: HolidayRow, i: number) {
    const set = (patch: Partial<HolidayRow>, f: string) =>
      this._change(
        this.holidays.map((x, j) => (j === i ? { ...x, ...patch } : x)),
        this.makeUps,
        `holidays.${i}.${f}`,
      );
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<div class="holiday" data-row=${i}>
      <div>
        <sl-input
          size="small"
          name="holidays.${i}.name"
          label="节日 · Holiday"
          placeholder="如：春节 · e.g. 春节"
          maxlength="20"
          .value=${h.name}
          @sl-input=${(e: Event) => set({ name: value(e) }, 'name')}
        ></sl-input>
        ${this._error(`holidays.${i}.name`)} ${this._error(`holidays.${i}`)}
      </div>
      <div>
        <sl-input
          size="small"
          type="date"
          name="holidays.${i}.from"
          label="放假 · From"
          .value=${h.from}
          @sl-change=${(e: Event) => set({ from: value(e) }, 'from')}
          @sl-input=${(e: Event) => set({ from: value(e) }, 'from')}
        ></sl-input>
        ${this._error(`holidays.${i}.from`)}
      </div>
      <div>
        <sl-input
          size="small"
          type="date"
          name="holidays.${i}.to"
          label="至（一天可不填）· To"
          .value=${h.to}
          @sl-change=${(e: Event) => set({ to: value(e) }, 'to')}
          @sl-input=${(e: Event) => set({ to: value(e) }, 'to')}
        ></sl-input>
        ${this._error(`holidays.${i}.to`)}
      </div>
      <sl-icon-button
        style="margin-top:1.4rem"
        name="trash"
        label="删除 · Remove"
        ?disabled=${this.holidays.length === 1}
        @click=${() =>
          this._change(
            this.holidays.filter((_, j) => j !== i),
            this.makeUps,
          )}
      ></sl-icon-button>
    </div>`;
  }

  private _makeUp(m: MakeUpRow, i: number) {
    const set = (patch: Partial<MakeUpRow>, f: string) =>
      this._change(
        this.holidays,
        this.makeUps.map((x, j) => (j === i ? { ...x, ...patch } : x)),
        `makeUpDays.${i}.${f}`,
      );
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<div class="makeup" data-row=${i}>
      <div>
        <sl-input
          size="small"
          type="date"
          name="makeUpDays.${i}.date"
          label="日期 · Date"
          .value=${m.date}
          @sl-change=${(e: Event) => set({ date: value(e) }, 'date')}
          @sl-input=${(e: Event) => set({ date: value(e) }, 'date')}
        ></sl-input>
        ${this._error(`makeUpDays.${i}.date`)} ${this._error(`makeUpDays.${i}`)}
      </div>
      <div>
        <sl-input
          size="small"
          name="makeUpDays.${i}.note"
          label="说明（可不填）· Note"
          placeholder="如：春节调休 · e.g. 春节调休"
          maxlength="50"
          .value=${m.note}
          @sl-input=${(e: Event) => set({ note: value(e) }, 'note')}
        ></sl-input>
        ${this._error(`makeUpDays.${i}.note`)}
      </div>
      <sl-icon-button
        style="margin-top:1.4rem"
        name="trash"
        label="删除 · Remove"
        @click=${() =>
          this._change(
            this.holidays,
            this.makeUps.filter((_, j) => j !== i),
          )}
      ></sl-icon-button>
    </div>`;
  }

  private _error(f: string) {
    const e = this.errors[f];
    return e ? html`<div class="error" data-field=${f}>${e}</div>` : nothing;
  }

  private _change(holidays: HolidayRow[], makeUps: MakeUpRow[], field?: string): void {
    this.dispatchEvent(
      new CustomEvent<LinesChange>('lines-change', {
        detail: field ? { holidays, makeUps, field } : { holidays, makeUps },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-holiday-lines': DcHolidayLines;
  }
}
