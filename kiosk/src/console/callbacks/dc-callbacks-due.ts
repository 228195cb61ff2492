import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LiveLoad } from '../merchants/live-load.ts';
import { KIND_LABEL, type Callback, type DueLists } from './callback-types.ts';
import type { CallbackCalled } from './dc-callback-call.ts';
import './dc-callback-call.ts';

type Section = 'overdue' | 'today' | 'upcoming';

const SECTIONS: Record<Section, { zh: string; en: string }> = {
  overdue: { zh: '已逾期', en: 'Overdue' },
  today: { zh: '今日', en: 'Due today' },
  upcoming: { zh: '未来七天', en: 'Next 7 days' },
};

/**
 * 今日回访: the callbacks overdue (red, with the days), due today and coming, by the server's
 * date; one picked opens its call beside the list. A call that reaches the customer takes it
 * off the list; an unreachable one leaves it there with one more try.
 */
@customElement('dc-callbacks-due')
export class DcCallbacksDue extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .split {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.35fr);
        gap: 1rem;
        align-items: start;
      }
      section + section {
        margin-top: 1rem;
      }
      h2 sl-badge {
        margin-left: 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        all: unset;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.1rem 0.75rem;
        width: 100%;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--sl-color-neutral-100);
        cursor: pointer;
      }
      li button:hover,
      li button:focus-visible {
        background: var(--sl-color-primary-50);
      }
      li.picked button {
        background: var(--sl-color-primary-100);
      }
      .who {
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .what {
        grid-column: 1;
        font-size: 0.8rem;
        color: var(--sl-color-neutral-500);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .when {
        grid-row: 1 / span 2;
        grid-column: 2;
        text-align: right;
        font-size: 0.85rem;
        white-space: nowrap;
      }
      .late {
        color: var(--sl-color-danger-600);
        font-weight: 600;
      }
      section.overdue h2 {
        color: var(--sl-color-danger-700);
      }
      .none {
        padding: 0.5rem 0.75rem;
        color: var(--sl-color-neutral-500);
        font-size: 0.85rem;
      }
      .list {
        padding: 0.75rem 0 0.25rem;
      }
      .list h2 {
        padding: 0 0.75rem;
      }
      @media (max-width: 1100px) {
        .split {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _data = new LiveLoad<DueLists>(
    this,
    () => this.session,
    '/api/callbacks/due?days=7&limit=200',
    [],
  );
  @state() private _picked?: number;

  /** Reads the lists again (the page calls it when the tab is shown). */
  load(): Promise<void> {
    return this._data.load();
  }

  override render() {
    const d = this._data;
    if (!d.value)
      return d.error
        ? html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            回访读取失败 · Could not load the callbacks: ${d.error}
            <sl-button size="small" @click=${() => void d.load()}>重试 · Retry</sl-button>
          </sl-alert>`
        : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    return html`<div class="split">
      <div class="card list" data-testid="due-lists">
        ${(['overdue', 'today', 'upcoming'] as const).map((s) => this._section(s, d.value as DueLists))}
      </div>
      <dc-callback-call
        .callbackId=${this._picked}
        @callback-called=${this._called}
      ></dc-callback-call>
    </div>`;
  }

  private _section(s: Section, d: DueLists) {
    const l = d[s];
    return html`<section class=${s} data-section=${s}>
      <h2>
        ${SECTIONS[s].zh}<span class="en">${SECTIONS[s].en}</span>
        <sl-badge variant=${s === 'overdue' && l.count ? 'danger' : 'neutral'} pill
          >${l.count}</sl-badge
        >
      </h2>
      ${
        l.callbacks.length
          ? html`<ul>
              ${l.callbacks.map((cb) => this._item(cb))}
            </ul>`
          : html`<div class="none">没有 · None</div>`
      }
      ${
        l.count > l.callbacks.length
          ? html`<div class="none">另有 ${l.count - l.callbacks.length} 条 · more not shown</div>`
          : nothing
      }
    </section>`;
  }

  private _item(cb: Callback) {
    const s = cb.subject;
    return html`<li class=${cb.id === this._picked ? 'picked' : ''} data-callback=${cb.id}>
      <button @click=${() => (this._picked = cb.id)}>
        <span class="who">${s.customerName} · ${s.customerPhone}</span>
        <span class="when">
          ${
            cb.overdueDays
              ? html`<span class="late">逾期 ${cb.overdueDays} 天</span><br /><span class="en"
                    >${cb.overdueDays} d overdue</span
                  >`
              : cb.dueOn
          }
          ${cb.tries ? html`<br /><span class="en">已拨 ${cb.tries} 次 · tries</span>` : nothing}
        </span>
        <span class="what">
          ${KIND_LABEL[cb.kind].zh} · ${[s.merchantName, s.product].filter(Boolean).join(' ')}
        </span>
      </button>
    </li>`;
  }

  private readonly _called = async (e: CallbackCalled) => {
    // Reached: the call is done and leaves the list; unreachable: it stays, picked, tried again.
    if (e.detail.status === 'done') this._picked = undefined;
    await this._data.load();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-callbacks-due': DcCallbacksDue;
  }
}
