import { html, LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, shortName, STATUS_TEXT } from '../../queue/queue-format.ts';
import type { CounterDetail, Service } from '../../queue/queue-types.ts';
import { pageStyles } from '../console-styles.ts';

const STATE = {
  open: { zh: '服务中', en: 'Open', variant: 'success' },
  paused: { zh: '暂停', en: 'Paused', variant: 'warning' },
  closed: { zh: '未开放', en: 'Closed', variant: 'neutral' },
} as const;

/** Each counter: open, paused or closed, who opened it and when, its services, its ticket. */
@customElement('dc-queue-counters')
export class DcQueueCounters extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .code {
        font-weight: 700;
      }
      td.name,
      td.nowrap {
        white-space: nowrap;
      }
      sl-tag {
        margin: 0 0.2rem 0.2rem 0;
      }
    `,
  ];

  @property({ attribute: false }) counters: CounterDetail[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property() timezone = 'Asia/Shanghai';

  override render() {
    if (this.counters.length === 0)
      return html`<div class="empty">没有设置窗口 · No counters are set up (queue.yaml).</div>`;
    const service = (id: string) => this.services.find((s) => s.id === id);
    return html`<div class="table-wrap">
      <table data-testid="counters">
        <thead>
          <tr>
            <th>窗口<span class="en">Counter</span></th>
            <th>状态<span class="en">State</span></th>
            <th>工作人员<span class="en">Staff</span></th>
            <th>业务<span class="en">Services</span></th>
            <th>当前<span class="en">Now serving</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.counters.map((c) => {
            const s = STATE[c.status];
            const t = c.current;
            return html`<tr data-counter=${c.number}>
              <td class="name">${c.name}</td>
              <td class="nowrap"><sl-badge variant=${s.variant}>${s.zh} · ${s.en}</sl-badge></td>
              <td class="nowrap">
                ${
                  c.openedBy
                    ? html`${c.openedBy}
                        <span class="muted"
                          >${c.openedAt ? ` · ${clockTime(c.openedAt, this.timezone)} 起` : ''}</span
                        >`
                    : html`<span class="muted">—</span>`
                }
              </td>
              <td>
                ${
                  c.status === 'closed'
                    ? html`<span class="muted">—</span>`
                    : c.services.map((id) => {
                        const v = service(id);
                        return html`<sl-tag size="small" title=${v ? `${v.name} · ${v.nameEn}` : id}
                          >${v?.prefix ?? id} ${v ? shortName(v.name) : ''}</sl-tag
                        >`;
                      })
                }
              </td>
              <td>
                ${
                  t
                    ? html`<span class="code">${t.code}</span>
                        <span class="muted"
                          >${STATUS_TEXT[t.status].zh} · ${STATUS_TEXT[t.status].en}</span
                        >`
                    : html`<span class="muted">—</span>`
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
    'dc-queue-counters': DcQueueCounters;
  }
}
