import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { dateInZone } from '../../../../core/zoned-time.ts';
import type { Ticket } from '../../queue/queue-types.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import type { ComplaintChangedEvent, ComplaintOpenEvent } from '../complaints/complaint-events.ts';
import {
  PERIOD_TEXT,
  PERIODS,
  periodDates,
  rangeQuery,
  type Period,
} from '../complaints/complaint-register.ts';
import { timeText } from '../complaints/complaint-text.ts';
import { ComplaintsLive } from '../complaints/complaints-live.ts';
import type { DcComplaintDetail } from '../complaints/dc-complaint-detail.ts';
import type { DcComplaintIntake } from '../complaints/dc-complaint-intake.ts';
import { toastError } from '../toast.ts';
import '../complaints/dc-complaint-detail.ts';
import '../complaints/dc-complaint-due-board.ts';
import '../complaints/dc-complaint-intake.ts';
import '../complaints/dc-complaint-register.ts';

/**
 * Complaints (投诉): the due board on top (overdue, due within hours, paused), the register
 * for a period below, a new complaint, and each one's record with its steps and history.
 * `?ticket=<id>` opens the form on a queue ticket the counter page just finished into one.
 */
@customElement('dc-page-complaints')
export class DcPageComplaints extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .board {
        margin-bottom: 1rem;
      }
      .card h2 {
        display: flex;
        align-items: baseline;
        gap: 0.25rem;
        flex-wrap: wrap;
      }
      .asof {
        margin-left: auto;
        font-size: 0.8rem;
        font-weight: 400;
        color: var(--sl-color-neutral-500);
      }
      .register-head {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }
      .register-head h2 {
        margin: 0 auto 0 0;
      }
      .dates sl-input {
        width: 10.5rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _live = new ComplaintsLive(this, () => this.session);
  @state() private _period: Period = 'month';
  @state() private _chosen?: { from: string; to: string };
  @query('dc-complaint-intake') private _intake!: DcComplaintIntake;
  @query('dc-complaint-detail') private _detail!: DcComplaintDetail;

  override willUpdate(): void {
    this._live.range = rangeQuery(this._dates(), this.session.site.timezone);
  }

  override firstUpdated(): void {
    const ticket = Number(new URLSearchParams(location.search).get('ticket'));
    if (Number.isInteger(ticket) && ticket > 0) void this._fromTicket(ticket);
  }

  override render() {
    const tz = this.session.site.timezone;
    const now = this._live.now();
    const due = this._live.due;
    return html`<div class="page-head">
        <h1>投诉<span class="en">Complaints</span></h1>
        <sl-button
          variant="primary"
          data-testid="new-complaint"
          @click=${() => this._intake.show()}
        >
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>新建投诉 · New complaint
        </sl-button>
      </div>
      ${
        this._live.error
          ? html`<sl-alert variant="warning" open style="margin-bottom:.75rem">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              投诉读取失败，显示的是上次读取的情况 · Showing the last reading: ${this._live.error}
            </sl-alert>`
          : nothing
      }
      <div class="card board">
        <h2>
          时限提醒<span class="en">Deadlines</span>
          <span class="asof">
            ${due ? html`${timeText(now, tz)} · 每分钟更新 · updated each minute` : nothing}
          </span>
        </h2>
        <dc-complaint-due-board
          .due=${due}
          .now=${now}
          timezone=${tz}
          @complaint-open=${this._open}
        ></dc-complaint-due-board>
      </div>
      ${
        this._live.escalated
          ? html`<div class="card board" data-testid="escalated">
              <h2>
                上报经理的投诉<span class="en">Escalated to the manager</span>
                <span class="asof">未办结 ${this._live.escalated.length} 件 · open</span>
              </h2>
              ${
                this._live.escalated.length
                  ? html`<dc-complaint-register
                      .list=${this._live.escalated}
                      .now=${now}
                      timezone=${tz}
                      @complaint-open=${this._open}
                    ></dc-complaint-register>`
                  : html`<div class="empty">没有上报的投诉 · Nothing is escalated.</div>`
              }
            </div>`
          : nothing
      }
      <div class="card">
        <div class="register-head">
          <h2>投诉登记表<span class="en">Register</span></h2>
          ${this._periodPicker()}
        </div>
        <dc-complaint-register
          .list=${this._live.list}
          .now=${now}
          timezone=${tz}
          @complaint-open=${this._open}
        ></dc-complaint-register>
      </div>
      <dc-complaint-intake @complaint-changed=${this._recorded}></dc-complaint-intake>
      <dc-complaint-detail
        .now=${now}
        @complaint-changed=${() => void this._live.read()}
      ></dc-complaint-detail>`;
  }

  private _periodPicker() {
    const d = this._dates();
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
          this._chosen = this._dates();
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

  /** The period's dates, on the mall's today by the server's clock. */
  private _dates() {
    const tz = this.session.site.timezone;
    const today = this._live.due ? dateInZone(tz, this._live.now()) : this.session.site.today;
    return periodDates(this._period, today, this._chosen);
  }

  private readonly _open = (e: ComplaintOpenEvent) => this._detail.show(e.detail.id);

  private readonly _recorded = (e: ComplaintChangedEvent) => {
    void this._live.read();
    this._detail.show(e.detail.id);
  };

  /** The counter page finished a ticket into a complaint: the form, filled from the ticket. */
  private async _fromTicket(id: number): Promise<void> {
    history.replaceState(null, '', location.pathname);
    try {
      const r = await this.session.api.get<{ ticket: Ticket }>(`/api/queue/tickets/${id}`);
      this._intake.show(r.ticket);
    } catch (err) {
      toastError('排队号读取失败 · Could not read the ticket', err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-complaints': DcPageComplaints;
  }
}
