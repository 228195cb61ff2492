import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, dateText } from '../queue/queue-format.ts';
import { baseStyles } from '../queue/queue-theme.ts';
import { both, say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideData, Lang } from './guide-types.ts';
import { weatherIcon } from './weather-icon.ts';

/** The top of the screen: the mall's name and mark, today's hours, the weather, the clock. */
@customElement('dc-guide-header')
export class DcGuideHeader extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 3vmin;
        background: transparent;
      }
      .mark {
        flex: none;
        width: 8vmin;
        height: 8vmin;
        border-radius: 1.6vmin;
        background: var(--g-brand);
        display: flex;
        align-items: center;
        justify-content: center;
        color: #fff;
        font-size: 4.6vmin;
        font-weight: 800;
      }
      .mall {
        min-width: 0;
        margin-right: auto;
      }
      h1 {
        margin: 0;
        font-size: 4vmin;
        line-height: 1.1;
        font-weight: 700;
        letter-spacing: 0.04em;
      }
      .mall .en {
        display: block;
        font-size: 1.9vmin;
        letter-spacing: 0.08em;
        text-transform: uppercase;
      }
      .box {
        display: flex;
        align-items: center;
        gap: 1.2vmin;
        font-size: var(--g-text);
        line-height: 1.25;
      }
      .box .en {
        display: block;
        font-size: var(--g-small);
      }
      .weather svg {
        width: 6vmin;
        height: 6vmin;
      }
      .clock {
        text-align: right;
      }
      .time {
        font-size: 5.4vmin;
        font-weight: 600;
        line-height: 1;
      }
      .date {
        font-size: var(--g-small);
        color: var(--dc-muted);
        margin-top: 0.4vmin;
      }
      .hours b {
        font-size: 3vmin;
        color: var(--dc-accent);
      }
      @media (orientation: portrait) {
        :host {
          flex-wrap: wrap;
          row-gap: 1.4vmin;
        }
        .mall {
          flex: 1 0 60%;
        }
        .weather {
          margin-left: 10vmin;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: GuideData;
  @property({ type: Number }) now = Date.now();
  @property() locale: Lang = 'zh';

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const tz = d.site.timezone;
    const first = [...d.site.name][0] ?? '';
    const day = d.today;
    const [todayA, todayB] = both(day.closed ? 'closedToday' : 'todayHours', this.locale);
    const w = d.weather;
    return html`
      <div class="mark" aria-hidden="true">${first}</div>
      <div class="mall">
        <h1 data-testid="mall-name">${this.locale === 'zh' ? d.site.name : d.site.nameEn}</h1>
        <span class="en">${this.locale === 'zh' ? d.site.nameEn : d.site.name}</span>
      </div>
      <div class="box hours" data-testid="hours">
        <div>
          ${todayA} ${day.hours ? html`<b>${day.hours.opens}–${day.hours.closes}</b>` : nothing}
          <span class="en"
            >${todayB}${day.holiday ? ` · ${day.holiday}` : ''}${
              day.events[0] ? ` · ${day.events[0].name}` : ''
            }</span
          >
        </div>
      </div>
      ${
        w
          ? html`<div class="box weather" data-testid="weather">
              <svg viewBox="0 0 24 24" aria-hidden="true">${weatherIcon(w.condition)}</svg>
              <div>
                ${w.condition} <b>${w.low}–${w.high}°C</b>
                <span class="en">${w.city ?? say('todayHours', 'en')}</span>
              </div>
            </div>`
          : nothing
      }
      <div class="clock">
        <div class="time" data-testid="clock">${clockTime(this.now, tz)}</div>
        <div class="date">${dateText(this.now, tz)}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-header': DcGuideHeader;
  }
}
