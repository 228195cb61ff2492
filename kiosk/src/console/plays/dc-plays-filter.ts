import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { addDays } from '../../../../core/zoned-time.ts';
import type { PlayReport, PlaysFilter } from './plays-types.ts';

type Options = PlayReport['options'];

const monthStart = (date: string) => `${date.slice(0, 8)}01`;
const monthEnd = (date: string) => addDays(monthStart(addDays(monthStart(date), 31)), -1);

/** The quick ranges staff ask for most: the day, yesterday, this month, last month. */
function ranges(today: string) {
  const lastMonth = monthStart(addDays(monthStart(today), -1));
  return [
    { id: 'today', zh: '今天', en: 'Today', from: today, to: today },
    {
      id: 'yesterday',
      zh: '昨天',
      en: 'Yesterday',
      from: addDays(today, -1),
      to: addDays(today, -1),
    },
    { id: 'month', zh: '本月', en: 'This month', from: monthStart(today), to: monthEnd(today) },
    { id: 'last-month', zh: '上月', en: 'Last month', from: lastMonth, to: monthEnd(lastMonth) },
  ];
}

/**
 * The report's filters: a date range (typed or a quick range), a player, a slot, a merchant.
 * Each change is sent up at once as `filter-change`.
 */
@customElement('dc-plays-filter')
export class DcPlaysFilter extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: flex-end;
    }
    sl-input {
      width: 10.5rem;
    }
    sl-select {
      width: 12rem;
    }
    .quick {
      align-self: flex-end;
    }
  `;

  @property({ attribute: false }) filter!: PlaysFilter;
  @property({ attribute: false }) options?: Options;
  @property() today = '';

  override render() {
    const f = this.filter;
    const o = this.options;
    const merchants = o?.merchants ?? [];
    return html`<div class="bar">
      <sl-input
        type="date"
        name="from"
        label="从 · From"
        size="small"
        .value=${f.from}
        @sl-change=${(e: Event) => this._set({ from: (e.target as HTMLInputElement).value })}
      ></sl-input>
      <sl-input
        type="date"
        name="to"
        label="到 · To"
        size="small"
        .value=${f.to}
        @sl-change=${(e: Event) => this._set({ to: (e.target as HTMLInputElement).value })}
      ></sl-input>
      <sl-button-group class="quick" label="快速选择 · Quick ranges">
        ${ranges(this.today).map(
          (r) =>
            html`<sl-button
              size="small"
              data-range=${r.id}
              ?outline=${!(f.from === r.from && f.to === r.to)}
              variant=${f.from === r.from && f.to === r.to ? 'primary' : 'default'}
              @click=${() => this._set({ from: r.from, to: r.to })}
              >${r.zh} · ${r.en}</sl-button
            >`,
        )}
      </sl-button-group>
      <sl-select
        name="device"
        label="播放器 · Player"
        size="small"
        placeholder="全部 · All players"
        clearable
        .value=${f.device ?? ''}
        @sl-change=${(e: Event) => this._set({ device: (e.target as HTMLInputElement).value })}
      >
        ${(o?.devices ?? []).map(
          (d) =>
            html`<sl-option value=${String(d.id)}
              >${d.name}${d.revoked ? ' (已停用 · revoked)' : ''}</sl-option
            >`,
        )}
      </sl-select>
      <sl-select
        name="slot"
        label="时段 · Slot"
        size="small"
        placeholder="全部 · All slots"
        clearable
        .value=${f.slot ?? ''}
        @sl-change=${(e: Event) => this._set({ slot: (e.target as HTMLInputElement).value })}
      >
        ${(o?.slots ?? []).map((s) => html`<sl-option value=${s}>${s}</sl-option>`)}
      </sl-select>
      <sl-select
        name="merchant"
        label="商户 · Merchant"
        size="small"
        placeholder="全部 · All merchants"
        clearable
        .value=${f.merchant ? `m${merchants.indexOf(f.merchant)}` : ''}
        @sl-change=${(e: Event) => {
          // Option values cannot hold spaces (a multiple select splits on them): use indexes.
          const v = (e.target as HTMLInputElement).value;
          this._set({ merchant: v ? merchants[Number(v.slice(1))] : '' });
        }}
      >
        ${merchants.map((m, i) => html`<sl-option value=${`m${i}`}>${m}</sl-option>`)}
      </sl-select>
    </div>`;
  }

  private _set(change: Partial<PlaysFilter>): void {
    // An emptied choice (a cleared select) means "all": it leaves the filter.
    const merged: Record<string, string | undefined> = { ...this.filter, ...change };
    const next = Object.fromEntries(
      Object.entries(merged).filter(([, v]) => v),
    ) as unknown as PlaysFilter;
    next.from ||= this.filter.from;
    next.to ||= this.filter.to;
    // A range the wrong way round follows the date just typed.
    if (next.to < next.from) {
      if (change.to) next.from = next.to;
      else next.to = next.from;
    }
    this.dispatchEvent(
      new CustomEvent<PlaysFilter>('filter-change', {
        detail: next,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-plays-filter': DcPlaysFilter;
  }
}
