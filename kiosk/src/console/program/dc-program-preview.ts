import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DayPlan } from '../../../../core/plan.ts';
import { timelineOf, type TimedItem } from '../../../../core/timeline.ts';
import { addDays, isIsoDate, offsetMinutesAt, zonedDay } from '../../../../core/zoned-time.ts';
import { pageStyles } from '../console-styles.ts';
import type { Span } from '../timeline/timeline-layout.ts';
import type { ProgramPreview } from './program-types.ts';
import './dc-program-changes.ts';
import './dc-program-days.ts';
import '../timeline/dc-day-summary.ts';
import '../timeline/dc-timeline.ts';
import '../timeline/dc-timeline-legend.ts';

/** Detail of `preview-date`: the date to preview, or undefined for today. */
export type PreviewDate = string | undefined;

/**
 * What the edited program would play: a date's plan on the Today page's timeline, what it
 * changes against the plan playing now, and the seven days a save compiles. While the text
 * has errors nothing compiles: the last plan that did stays, dimmed, with the reason.
 */
@customElement('dc-program-preview')
export class DcProgramPreview extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        flex-wrap: wrap;
        margin-bottom: 0.5rem;
      }
      .head h2 {
        margin: 0;
      }
      .state {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        font-size: 0.82rem;
        color: var(--sl-color-neutral-600);
      }
      .state.bad {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
      .picker {
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .picker sl-input {
        width: 10.5rem;
      }
      .stale {
        opacity: 0.45;
      }
      dc-program-changes,
      dc-timeline-legend,
      dc-program-days {
        margin-top: 0.5rem;
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 8rem;
      }
    `,
  ];

  @property({ attribute: false }) preview?: ProgramPreview;
  /** The text changed since the preview was made. */
  @property({ type: Boolean }) pending = false;
  @property() error?: string;
  @property() today = '';
  @property() timezone = 'UTC';

  /** The last plan that compiled: shown, dimmed, while the text has errors. */
  private _plan?: DayPlan;
  private _items: TimedItem[] = [];
  private _day?: { date: string; bounds: Span; offsetMinutes: number };

  protected override willUpdate(changed: PropertyValues<this>): void {
    const plan = this.preview?.plan;
    if (changed.has('preview') && plan) {
      this._plan = plan;
      this._items = timelineOf([plan]);
      if (this._day?.date !== plan.date) {
        const { start, end } = zonedDay(this.timezone, plan.date);
        this._day = {
          date: plan.date,
          bounds: { from: start, to: end },
          offsetMinutes: offsetMinutesAt(this.timezone, (start + end) / 2),
        };
      }
    }
  }

  override render() {
    const p = this.preview;
    const date = p?.date ?? this.today;
    const broken = !!p && p.plan === null;
    return html`<div class="head">
        <h2>预览<span class="en">Preview</span></h2>
        ${this._state()}
        <div class="picker">
          <sl-icon-button
            name="chevron-left"
            label="前一天 · Previous day"
            @click=${() => this._choose(addDays(date, -1))}
          ></sl-icon-button>
          <sl-input
            type="date"
            size="small"
            name="preview-date"
            aria-label="预览日期 · Date to preview"
            .value=${date}
            @sl-change=${(e: Event) => this._choose((e.target as HTMLInputElement).value)}
          ></sl-input>
          <sl-icon-button
            name="chevron-right"
            label="后一天 · Next day"
            @click=${() => this._choose(addDays(date, 1))}
          ></sl-icon-button>
          <sl-button
            size="small"
            ?disabled=${date === this.today}
            @click=${() => this._choose(undefined)}
            >今天 · Today</sl-button
          >
        </div>
      </div>
      ${this._body(broken)}`;
  }

  private _state() {
    const p = this.preview;
    if (this.error)
      return html`<span class="state bad" role="alert"
        >预览失败 · Preview failed: ${this.error}</span
      >`;
    if (this.pending || !p)
      return html`<span class="state" data-testid="preview-state"
        ><sl-spinner></sl-spinner>正在更新 · Updating…</span
      >`;
    if (p.errors.length)
      return html`<span class="state bad" data-testid="preview-state"
        ><sl-icon name="exclamation-octagon"></sl-icon>${p.errors.length} 个问题，无法编排 ·
        ${p.errors.length} problem(s): nothing compiles</span
      >`;
    return html`<span class="state" data-testid="preview-state"
      ><sl-icon name="check2-circle"></sl-icon>已更新 · Up to date</span
    >`;
  }

  private _body(broken: boolean) {
    const plan = this._plan;
    if (!plan)
      return broken
        ? html`<div class="empty">修正问题后显示节目 · Fix the problems to see the plan</div>`
        : html`<div class="loading"><sl-spinner style="font-size:2rem"></sl-spinner></div>`;
    const p = this.preview;
    const day = this._day;
    return html`<div class=${broken ? 'stale' : ''} data-testid="preview-plan">
        <dc-day-summary .plan=${plan} today=${this.today}></dc-day-summary>
        ${broken ? nothing : html`<dc-program-changes .changes=${p?.changes ?? []}></dc-program-changes>`}
        ${
          this._items.length === 0
            ? html`<div class="empty">这一天没有节目 · Nothing is planned for this day</div>`
            : html`<dc-timeline
                  .items=${this._items}
                  .bounds=${day?.bounds ?? { from: 0, to: 86_400_000 }}
                  .offsetMinutes=${day?.offsetMinutes ?? 0}
                ></dc-timeline>
                <dc-timeline-legend .items=${this._items}></dc-timeline-legend>`
        }
      </div>
      ${
        broken || !p
          ? nothing
          : html`<dc-program-days
              .days=${p.days}
              selected=${plan.date}
              @day-select=${(e: CustomEvent<string>) => this._choose(e.detail)}
            ></dc-program-days>`
      }`;
  }

  private _choose(date: string | undefined): void {
    if (date !== undefined && !isIsoDate(date)) return;
    this.dispatchEvent(
      new CustomEvent<PreviewDate>('preview-date', {
        detail: date === this.today ? undefined : date,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-preview': DcProgramPreview;
  }
}
