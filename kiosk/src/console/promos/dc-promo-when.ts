import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { partName, partTime, type DayPart, type PromoDraft } from './promo-types.ts';

/**
 * When and how often a promo plays: its dates, the program's day parts it is limited to, and
 * its share of the loop (a weight, or a number of plays an hour). Edits go up as
 * `draft-change` with the fields changed.
 */
@customElement('dc-promo-when')
export class DcPromoWhen extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem 1rem;
      }
      .parts {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .share {
        display: flex;
        gap: 0.75rem;
        align-items: flex-end;
        flex-wrap: wrap;
      }
      .share sl-input {
        width: 9rem;
      }
    `,
  ];

  @property({ attribute: false }) draft!: PromoDraft;
  @property({ attribute: false }) dayParts: DayPart[] = [];
  @property({ attribute: false }) errors: Record<string, string> = {};

  override render() {
    return html`${this._date('validFrom', '开始日期 · Valid from')}
    ${this._date('validTo', '结束日期 · Valid until')} ${this._parts()} ${this._share()}`;
  }

  private _date(f: 'validFrom' | 'validTo', label: string) {
    return html`<div>
      <sl-input
        type="date"
        name=${f}
        label=${label}
        clearable
        .value=${this.draft[f]}
        @sl-change=${(e: Event) => this._change({ [f]: (e.target as HTMLInputElement).value })}
      ></sl-input>
      ${this._error(f) ?? html`<div class="hint">不填则不限 · empty: no limit</div>`}
    </div>`;
  }

  private _parts() {
    const chosen = new Set(this.draft.dayParts);
    return html`<div class="wide">
      <span class="label">播放时段 · Day parts</span>
      <div class="parts">
        ${this.dayParts.map((part) => {
          const n = partName(part.name);
          return html`<sl-checkbox
            name="dayPart"
            value=${part.name}
            ?checked=${chosen.has(part.name)}
            @sl-change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              const parts = this.dayParts
                .map((x) => x.name)
                .filter((x) => (x === part.name ? on : chosen.has(x)));
              this._change({ dayParts: parts });
            }}
            >${n.zh} · ${n.en}
            <span class="muted">(${partTime(part.from)}–${partTime(part.until)})</span></sl-checkbox
          >`;
        })}
      </div>
      ${
        this._error('dayParts') ??
        html`<div class="hint">都不选则全天可播 · none chosen: all day</div>`
      }
    </div>`;
  }

  private _share() {
    const d = this.draft;
    const hourly = d.share === 'hour';
    return html`<div class="wide">
      <span class="label">播放频次 · How often</span>
      <div class="share">
        <sl-radio-group
          name="share"
          size="small"
          value=${d.share}
          @sl-change=${(e: Event) =>
            this._change({ share: (e.target as HTMLInputElement).value as PromoDraft['share'] })}
        >
          <sl-radio-button value="weight">按权重 · By weight</sl-radio-button>
          <sl-radio-button value="hour">每小时次数 · Plays per hour</sl-radio-button>
        </sl-radio-group>
        <sl-input
          type="number"
          size="small"
          name=${hourly ? 'playsPerHour' : 'weight'}
          min="1"
          max=${hourly ? 60 : 100}
          .value=${hourly ? d.playsPerHour : d.weight}
          @sl-input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            this._change(hourly ? { playsPerHour: v } : { weight: v });
          }}
        >
          <span slot="suffix">${hourly ? '次/小时' : '份'}</span>
        </sl-input>
      </div>
      ${
        this._error(hourly ? 'playsPerHour' : 'weight') ??
        html`<div class="hint">
          ${
            hourly
              ? '促销时段内每小时固定播放的次数 · this many plays in each hour of promo loop'
              : '与其他促销按比例分享播放（2 = 1 的两倍）· a share of the plays (2 = twice 1)'
          }
        </div>`
      }
    </div>`;
  }

  private _error(f: string) {
    return this.errors[f]
      ? html`<div class="error" data-field=${f}>${this.errors[f]}</div>`
      : undefined;
  }

  private _change(change: Partial<PromoDraft>): void {
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: change, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-promo-when': DcPromoWhen;
  }
}
