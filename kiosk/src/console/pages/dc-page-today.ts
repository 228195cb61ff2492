import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { countStates } from '../../../../core/item-states.ts';
import { itemAt, nextAfter, type TimedItem } from '../../../../core/timeline.ts';
import { addDays, formatInstant, isIsoDate } from '../../../../core/zoned-time.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LANES, STATE_STYLE, stateName } from '../timeline/timeline-palette.ts';
import { TodayData } from '../timeline/today-data.ts';
import type { ItemSelect } from '../timeline/dc-timeline.ts';
import '../timeline/dc-day-summary.ts';
import '../timeline/dc-item-details.ts';
import '../timeline/dc-timeline.ts';
import '../timeline/dc-timeline-legend.ts';

/**
 * Today (今日节目), the console's home: the day's plan as a timeline of the bed and the voice,
 * each item's state from the as-played log, the day type and why, and the plan of any other
 * date as a preview.
 */
@customElement('dc-page-today')
export class DcPageToday extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .picker {
        gap: 0.35rem;
      }
      .picker sl-input {
        width: 10.5rem;
      }
      .stack {
        display: grid;
        gap: 0.75rem;
      }
      .onair {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        font-size: 0.85rem;
        margin-bottom: 0.6rem;
      }
      .onair .what {
        font-weight: 600;
      }
      .dot {
        display: inline-block;
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        margin: 0 0.25rem 0 0.35rem;
      }
      dc-timeline-legend {
        margin-top: 0.6rem;
      }
      .note {
        margin-top: 0.5rem;
        font-size: 0.82rem;
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 12rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  private readonly _data = new TodayData(this, () => this.session);
  @state() private _selected?: string;

  override connectedCallback(): void {
    // A link to another date (`?date=2026-12-12`) opens its preview.
    const asked = new URL(location.href).searchParams.get('date');
    if (asked && isIsoDate(asked)) this._data.chosen = asked;
    super.connectedCallback();
  }

  override render() {
    const d = this._data;
    const today = d.today;
    return html`<div class="page-head">
        <h1>今日节目<span class="en">Today</span></h1>
        <div class="row picker">
          <sl-icon-button
            name="chevron-left"
            label="前一天 · Previous day"
            @click=${() => this._choose(addDays(d.date, -1))}
          ></sl-icon-button>
          <sl-input
            type="date"
            size="small"
            aria-label="日期 · Date"
            name="date"
            .value=${d.date}
            @sl-change=${(e: Event) => this._choose((e.target as HTMLInputElement).value)}
          ></sl-input>
          <sl-icon-button
            name="chevron-right"
            label="后一天 · Next day"
            @click=${() => this._choose(addDays(d.date, 1))}
          ></sl-icon-button>
          <sl-button size="small" ?disabled=${d.date === today} @click=${() => this._choose()}>
            今天 · Today
          </sl-button>
        </div>
      </div>
      ${this._body(today)}`;
  }

  private _body(today: string) {
    const d = this._data;
    const plan = d.plan;
    if (d.error && !plan)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        <strong>节目读取失败 · The plan could not be loaded</strong><br />${d.error}
        <br /><sl-button size="small" @click=${() => void d.load()}>重试 · Retry</sl-button>
      </sl-alert>`;
    if (!plan)
      return html`<div class="card loading"><sl-spinner style="font-size:2rem"></sl-spinner></div>`;
    const { bounds, offsetMinutes } = d.day24;
    const isToday = plan.date === today;
    const selected = this._selected ? d.items.find((i) => i.id === this._selected) : undefined;
    return html`<div class="stack">
      <div class="card">
        <dc-day-summary .plan=${plan} .day=${d.day} today=${today}></dc-day-summary>
        ${d.error ? html`<sl-alert class="note" variant="warning" open>${d.error}</sl-alert>` : nothing}
        ${
          plan.date > today
            ? html`<div class="note muted">
                未来日期：只预览节目，播放状态当天才有 · A future date: the plan only; play states
                come on the day.
              </div>`
            : nothing
        }
      </div>
      <div class="card">
        ${isToday ? this._onAir(d.items, d.now) : nothing}
        ${
          d.items.length === 0
            ? html`<div class="empty" data-testid="no-items">
                这一天没有节目 · Nothing is planned for this day
              </div>`
            : html`<dc-timeline
                  .items=${d.items}
                  .states=${d.states}
                  .now=${d.now}
                  .bounds=${bounds}
                  .offsetMinutes=${offsetMinutes}
                  .selected=${this._selected}
                  @item-select=${(e: CustomEvent<ItemSelect>) => (this._selected = e.detail.id)}
                ></dc-timeline>
                <dc-timeline-legend
                  .items=${d.items}
                  .counts=${d.statuses ? countStates([...d.statuses.values()]) : undefined}
                ></dc-timeline-legend>`
        }
      </div>
      ${d.items.length === 0 ? nothing : this._details(selected)}
    </div>`;
  }

  private _details(selected: TimedItem | undefined) {
    const d = this._data;
    return html`<div class="card" data-testid="item-details">
      <h2>节目详情<span class="en">Item details</span></h2>
      ${
        selected
          ? html`<dc-item-details
              .item=${selected}
              .status=${d.statuses?.get(selected.id)}
              timezone=${d.timezone}
            ></dc-item-details>`
          : html`<div class="muted">
              点击时间线上的节目查看详情 · Click an item on the timeline for its details
            </div>`
      }
    </div>`;
  }

  /** What is on the air now, lane by lane, and what comes next. */
  private _onAir(items: readonly TimedItem[], now: number) {
    const lane = (layer: 'bed' | 'voice') => {
      const item = itemAt(items, layer, now);
      const s = item && this._data.states?.get(item.id);
      return html`<span>
        ${LANES[layer].zh}：${
          item
            ? html`<span class="what">${item.title}</span>${
                  s
                    ? html`<span class="dot" style="background:${STATE_STYLE[s].colour}"></span
                        >${stateName(s)}`
                    : nothing
                }`
            : html`<span class="muted">—</span>`
        }
      </span>`;
    };
    const next = nextAfter(items, now);
    return html`<div class="onair" data-testid="on-air">
      <strong>正在播出 · On air</strong> ${lane('bed')} ${lane('voice')}
      <span
        >下一条 ·
        Next：${
          next
            ? html`${formatInstant(next.startMs, this._data.day24.offsetMinutes).slice(11, 19)}
                <span class="what">${next.title}</span>`
            : html`<span class="muted">—</span>`
        }</span
      >
    </div>`;
  }

  private _choose(date?: string): void {
    if (date !== undefined && !isIsoDate(date)) return;
    this._selected = undefined;
    this._data.choose(date);
    const url = new URL(location.href);
    if (this._data.chosen) url.searchParams.set('date', this._data.chosen);
    else url.searchParams.delete('date');
    history.replaceState(history.state, '', url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-today': DcPageToday;
  }
}
