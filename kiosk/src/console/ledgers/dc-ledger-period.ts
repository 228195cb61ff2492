import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import {
  PERIOD_TEXT,
  PERIODS,
  periodDates,
  type Period,
} from '../complaints/complaint-register.ts';

export type PeriodChangeEvent = CustomEvent<{ from: string; to: string }>;

/**
 * The period a ledger's page shows: this week, last week, this month, last month or chosen
 * dates, as the complaints register has it. Says the dates in `period-change`.
 */
@customElement('dc-ledger-period')
export class DcLedgerPeriod extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: contents;
      }
      .dates sl-input {
        width: 10.5rem;
      }
    `,
  ];

  /** The mall's today. */
  @property() today = '';
  @state() private _period: Period = 'month';
  @state() private _chosen?: { from: string; to: string };

  /** The dates shown now. */
  get dates() {
    return periodDates(this._period, this.today, this._chosen);
  }

  override updated(): void {
    const d = this.dates;
    this.dispatchEvent(
      new CustomEvent('period-change', { detail: d, bubbles: true, composed: true }),
    );
  }

  override render() {
    const d = this.dates;
    const date = (which: 'from' | 'to') =>
      html`<sl-input
        type="date"
        size="small"
        name=${which}
        .value=${d[which]}
        @sl-change=${(e: Event) =>
          (this._chosen = { ...d, [which]: (e.target as HTMLInputElement).value })}
      ></sl-input>`;
    return html`<sl-radio-group
        size="small"
        name="period"
        .value=${this._period}
        @sl-change=${(e: Event) => {
          this._chosen = this.dates;
          this._period = (e.target as HTMLInputElement).value as Period;
        }}
      >
        ${PERIODS.map(
          (p) =>
            html`<sl-radio-button value=${p}
              >${PERIOD_TEXT[p].zh} · ${PERIOD_TEXT[p].en}</sl-radio-button
            >`,
        )}
      </sl-radio-group>
      ${
        this._period === 'days'
          ? html`<span class="row dates">${date('from')} 至 ${date('to')}</span>`
          : html`<span class="muted" data-testid="period-dates">${d.from} 至 ${d.to}</span>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-ledger-period': DcLedgerPeriod;
  }
}
