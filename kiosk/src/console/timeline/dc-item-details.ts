import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ItemStatus } from '../../../../core/item-states.ts';
import type { TimedItem } from '../../../../core/timeline.ts';
import { formatInstant, offsetMinutesAt } from '../../../../core/zoned-time.ts';
import { LANES, slotName, STATE_STYLE, stateName, swatchOf } from './timeline-palette.ts';

const REPORTS = {
  started: '开始播放 · Started',
  ended: '播放结束 · Ended',
  skipped: '跳过 · Skipped',
  failed: '失败 · Failed',
} as const;

/** Everything about one plan item: when, what, how loud, and what each player made of it. */
@customElement('dc-item-details')
export class DcItemDetails extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
    }
    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.3rem 1rem;
      margin: 0;
    }
    dt {
      color: var(--sl-color-neutral-600);
      white-space: nowrap;
    }
    dt .en {
      font-size: 0.72rem;
      color: var(--sl-color-neutral-500);
      margin-left: 0.25rem;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 2px;
      margin-right: 0.35rem;
      vertical-align: -1px;
    }
    ul {
      margin: 0;
      padding-left: 1rem;
    }
    .text {
      color: var(--sl-color-neutral-700);
    }
    .muted {
      color: var(--sl-color-neutral-500);
    }
  `;

  @property({ attribute: false }) item?: TimedItem;
  @property({ attribute: false }) status?: ItemStatus;
  @property() timezone = 'UTC';

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const s = this.status;
    const swatch = swatchOf(item);
    const seconds = Math.round(item.durationMs / 100) / 10;
    return html`<dl>
      <dt>时间<span class="en">Time</span></dt>
      <dd>${this._clock(item.startMs)} – ${this._clock(item.endMs)} (${seconds} s)</dd>
      <dt>节目<span class="en">Title</span></dt>
      <dd><strong>${item.title}</strong></dd>
      <dt>时段<span class="en">Slot</span></dt>
      <dd>
        <span class="swatch" style="background:${swatch.colour}"></span>${slotName(item.slot)}
        <span class="muted">(${item.row})</span>
      </dd>
      <dt>声道<span class="en">Layer</span></dt>
      <dd>${LANES[item.layer].zh} · ${LANES[item.layer].en}</dd>
      <dt>音量<span class="en">PA level</span></dt>
      <dd>${item.volume} <span class="muted">(gain ${item.gain})</span></dd>
      ${
        item.media
          ? html`<dt>音频<span class="en">Media</span></dt>
              <dd>${item.media.id} <span class="muted">${item.media.file}</span></dd>`
          : nothing
      }
      ${
        item.text
          ? html`<dt>播报文字<span class="en">Text</span></dt>
              <dd class="text">
                ${item.text}${item.estimated ? html` <span class="muted">(时长为估计 · estimated)</span>` : nothing}
              </dd>`
          : nothing
      }
      ${
        item.promo
          ? html`<dt>商户<span class="en">Merchant</span></dt>
              <dd>
                ${item.promo.merchant} ·
                ${item.promo.floor}${item.promo.unit ? ` ${item.promo.unit}` : ''}
              </dd>`
          : nothing
      }
      ${
        item.shiftedFrom
          ? html`<dt>顺延<span class="en">Moved</span></dt>
              <dd>原定 ${this._clock(Date.parse(item.shiftedFrom))} · planned for then</dd>`
          : nothing
      }
      ${
        s
          ? html`<dt>状态<span class="en">State</span></dt>
              <dd data-testid="item-state">
                <span class="swatch" style="background:${STATE_STYLE[s.state].colour}"></span
                >${stateName(s.state)}
              </dd>
              <dt>播放器<span class="en">Players</span></dt>
              <dd>
                ${
                  s.plays.length === 0
                    ? html`<span class="muted">没有播放器报告 · No player reported it</span>`
                    : html`<ul>
                        ${s.plays.map(
                          (p) =>
                            html`<li>
                              ${p.device} · ${REPORTS[p.status]}
                              ${this._clock(Date.parse(p.at), true)}
                              ${p.reason ? html`<span class="muted">— ${p.reason}</span>` : nothing}
                            </li>`,
                        )}
                      </ul>`
                }
              </dd>`
          : nothing
      }
    </dl>`;
  }

  private _clock(t: number, ms = false): string {
    const time = formatInstant(t, offsetMinutesAt(this.timezone, t))
      .slice(11)
      .replace(/[+-]\d\d:\d\d$/, '');
    return time.slice(0, ms ? 12 : 8);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-item-details': DcItemDetails;
  }
}
