import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { pageStyles } from '../console-styles.ts';
import { clockOf, delaySeconds } from './plays-format.ts';
import { filterQuery, type PlayPage, type PlaysFilter } from './plays-types.ts';

const PAGE = 25;

const STATUS = {
  ended: { zh: '已播', en: 'played', variant: 'success' },
  started: { zh: '开始', en: 'started', variant: 'neutral' },
  skipped: { zh: '跳过', en: 'skipped', variant: 'warning' },
  failed: { zh: '失败', en: 'failed', variant: 'danger' },
} as const;

/** The as-played log itself, for the page's filter: every report, in play order, a page at a time. */
@customElement('dc-plays-log')
export class DcPlaysLog extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.5rem;
      }
      .head h2 {
        margin: 0;
      }
      sl-select {
        width: 14rem;
      }
      .pager {
        display: flex;
        justify-content: flex-end;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      td.time {
        white-space: nowrap;
      }
      .reason {
        color: var(--sl-color-neutral-500);
        font-size: 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) filter!: PlaysFilter;
  @state() private _status = '';
  @state() private _page = 0;

  private readonly _task = new Task(this, {
    task: ([filter, status, page], { signal }) => {
      const q = new URLSearchParams(filterQuery(filter as PlaysFilter));
      if (status) q.set('status', status as string);
      q.set('limit', String(PAGE));
      q.set('offset', String((page as number) * PAGE));
      signal.throwIfAborted();
      return this.api.get<PlayPage>(`/api/plays?${q}`);
    },
    args: () => [this.filter, this._status, this._page] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('filter') && changed.get('filter') !== undefined) this._page = 0;
  }

  /** Reads the page again (after new reports). */
  reload(): void {
    void this._task.run();
  }

  override render() {
    return html`<div class="card">
      <div class="head">
        <h2>播放日志<span class="en">As-played log</span></h2>
        <sl-select
          size="small"
          placeholder="全部结果 · All outcomes"
          clearable
          .value=${this._status}
          @sl-change=${(e: Event) => {
            this._status = (e.target as HTMLInputElement).value;
            this._page = 0;
          }}
        >
          ${Object.entries(STATUS).map(
            ([k, s]) => html`<sl-option value=${k}>${s.zh} · ${s.en}</sl-option>`,
          )}
        </sl-select>
      </div>
      ${this._task.render({
        pending: () => html`<div class="empty"><sl-spinner></sl-spinner> 正在读取 · Loading…</div>`,
        error: (err) =>
          html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            无法读取播放日志 · The log could not be read: ${(err as Error).message}
          </sl-alert>`,
        complete: (page) => this._table(page),
      })}
    </div>`;
  }

  private _table(page: PlayPage) {
    if (page.total === 0)
      return html`<div class="empty" data-testid="log-empty">
        没有符合条件的播放记录 · No plays match these filters.
      </div>`;
    const pages = Math.ceil(page.total / PAGE);
    return html`<div class="table-wrap">
        <table data-testid="log">
          <thead>
            <tr>
              <th>日期<span class="en">Date</span></th>
              <th>播出<span class="en">Played at</span></th>
              <th>计划<span class="en">Planned</span></th>
              <th>偏差<span class="en">Delay</span></th>
              <th>播放器<span class="en">Player</span></th>
              <th>时段<span class="en">Slot</span></th>
              <th>内容<span class="en">Title</span></th>
              <th>结果<span class="en">Outcome</span></th>
            </tr>
          </thead>
          <tbody>
            ${page.plays.map((p) => {
              const s = STATUS[p.status];
              return html`<tr>
                <td class="time">${p.planDate}</td>
                <td class="time">${clockOf(p.actualAt)}</td>
                <td class="time">${clockOf(p.plannedAt)}</td>
                <td class="time num">${delaySeconds(p.plannedAt, p.actualAt)}</td>
                <td>${p.device ?? `#${p.deviceId}`}</td>
                <td>${p.slot}</td>
                <td>${p.title}</td>
                <td>
                  <sl-badge variant=${s.variant}>${s.zh} · ${s.en}</sl-badge>
                  ${p.reason ? html`<div class="reason">${p.reason}</div>` : ''}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="pager">
        <span class="muted">共 ${page.total} 条 · ${page.total} plays</span>
        <sl-button
          size="small"
          ?disabled=${this._page === 0}
          @click=${() => (this._page = Math.max(0, this._page - 1))}
          ><sl-icon slot="prefix" name="chevron-left"></sl-icon>上一页 · Previous</sl-button
        >
        <span>${this._page + 1} / ${pages}</span>
        <sl-button
          size="small"
          ?disabled=${this._page + 1 >= pages}
          @click=${() => (this._page += 1)}
          >下一页 · Next<sl-icon slot="suffix" name="chevron-right"></sl-icon
        ></sl-button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-plays-log': DcPlaysLog;
  }
}
