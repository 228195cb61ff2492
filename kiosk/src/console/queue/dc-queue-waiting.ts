import { html, LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, PRIORITY_TEXT, shortName } from '../../queue/queue-format.ts';
import type { Ticket } from '../../queue/queue-types.ts';
import { pageStyles } from '../console-styles.ts';

/** Minutes since `iso`, as a desk reads it: `12 分钟 · 12 min`, `1 h 05 min`. Pure. */
export function waitedText(iso: string, now: number): string {
  const m = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (m < 60) return `${m} 分钟 · ${m} min`;
  const rest = String(m % 60).padStart(2, '0');
  return `${Math.floor(m / 60)} 小时 ${rest} 分 · ${Math.floor(m / 60)} h ${rest} min`;
}

/** Today's waiting tickets, oldest first: number, service, taken at, waited so far, priority. */
@customElement('dc-queue-waiting')
export class DcQueueWaiting extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .code {
        font-weight: 700;
        font-size: 1rem;
      }
      tr.long td.waited {
        color: var(--sl-color-danger-600);
        font-weight: 600;
      }
      td.nowrap {
        white-space: nowrap;
      }
      .scroll {
        max-height: 22rem;
        overflow: auto;
      }
    `,
  ];

  @property({ attribute: false }) tickets: Omit<Ticket, 'token'>[] = [];
  @property({ type: Number }) now = 0;
  @property() timezone = 'Asia/Shanghai';

  override render() {
    if (this.tickets.length === 0)
      return html`<div class="empty" data-testid="waiting-empty">
        <sl-icon name="check2-circle"></sl-icon> 现在没有人在等候 · Nobody is waiting.
      </div>`;
    return html`<div class="table-wrap scroll">
      <table data-testid="waiting">
        <thead>
          <tr>
            <th>号码<span class="en">Number</span></th>
            <th>业务<span class="en">Service</span></th>
            <th>取号时间<span class="en">Taken at</span></th>
            <th>已等候<span class="en">Waited</span></th>
            <th>前面<span class="en">Ahead</span></th>
            <th>优先<span class="en">Priority</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.tickets.map((t) => {
            const long = this.now - Date.parse(t.takenAt) > 30 * 60_000;
            const p = PRIORITY_TEXT[t.priority];
            return html`<tr class=${long ? 'long' : ''} data-code=${t.code}>
              <td class="code">${t.code}</td>
              <td>
                ${shortName(t.serviceName)}<span class="en"> · ${shortName(t.serviceNameEn)}</span>
              </td>
              <td class="nowrap">${clockTime(t.takenAt, this.timezone)}</td>
              <td class="waited nowrap">${waitedText(t.takenAt, this.now)}</td>
              <td class="num">${t.ahead}</td>
              <td class="nowrap">
                ${
                  t.priority === 'normal'
                    ? html`<span class="muted">${p.zh} · ${p.en}</span>`
                    : html`<sl-badge variant="warning">${p.zh} · ${p.en}</sl-badge>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-queue-waiting': DcQueueWaiting;
  }
}
