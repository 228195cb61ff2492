import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import type { PromoPreview } from './promo-types.ts';

/** `10:05` from `2026-12-02T10:05:00+08:00`: the mall's clock, as the plan writes it. */
const clock = (iso: string) => iso.slice(11, 16);

/** Fired when the server refused the promo being previewed; `detail` is its error. */
export type PreviewRefused = CustomEvent<unknown>;

/**
 * The day's promo loop as the promo being edited would make it, compiled by the server
 * (POST /api/promos/preview) and stored nowhere: how often it plays that day and when, among
 * the others. `promo` is the promo as a request body; `key` changes whenever it does.
 */
@customElement('dc-promo-preview')
export class DcPromoPreview extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      .pick sl-input {
        width: 10.5rem;
      }
      .count {
        font-size: 1.05rem;
        font-weight: 600;
        margin: 0.6rem 0 0.3rem;
      }
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-bottom: 0.5rem;
        max-height: 5.3rem;
        overflow-y: auto;
      }
      .loop {
        max-height: 17rem;
        overflow-y: auto;
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
      }
      tr.mine td {
        background: var(--sl-color-primary-50);
        font-weight: 600;
      }
      .stale {
        font-size: 0.8rem;
        color: var(--sl-color-warning-700);
      }
      .warnings {
        font-size: 0.8rem;
        color: var(--sl-color-warning-700);
        margin: 0.4rem 0 0;
        padding-left: 1rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) promo?: Record<string, unknown>;
  /** Changes whenever the promo does: the shown preview is then marked out of date. */
  @property() key = '';
  @state() private _date = '';
  @state() private _result?: PromoPreview & { key: string; promoId?: string };
  @state() private _error?: string;
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._date ||= this.session?.site.today ?? '';
  }

  /** Forgets the last preview (a new promo is being edited). */
  reset(date?: string): void {
    this._result = undefined;
    this._error = undefined;
    if (date) this._date = date;
  }

  override render() {
    const r = this._result;
    return html`<div class="row pick">
        <sl-input
          type="date"
          size="small"
          name="preview-date"
          aria-label="预览日期 · Preview date"
          .value=${this._date}
          @sl-change=${(e: Event) => this._setDate((e.target as HTMLInputElement).value)}
        ></sl-input>
        <sl-button
          size="small"
          data-testid="preview"
          ?loading=${this._busy}
          @click=${() => void this.run()}
        >
          <sl-icon slot="prefix" name="eye"></sl-icon>预览当天轮播 · Preview the day
        </sl-button>
        ${
          r && r.key !== this.key
            ? html`<span class="stale">已修改，请重新预览 · Changed: preview again</span>`
            : nothing
        }
      </div>
      ${
        this._error
          ? html`<sl-alert variant="danger" open style="margin-top:0.5rem">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._error}
            </sl-alert>`
          : nothing
      }
      ${r ? this._shown(r) : this._error ? nothing : this._hint()}`;
  }

  private _hint() {
    return html`<p class="muted" style="font-size:0.85rem">
      选择日期并预览，即可看到这条促销当天何时播放（尚未保存）· Choose a day and preview it to see
      when this promo would play (nothing is saved).
    </p>`;
  }

  private _shown(r: PromoPreview & { promoId?: string }) {
    const mine = r.items.filter((i) => i.promo?.id === r.promoId);
    const title = (this.promo?.['title'] as string | undefined) ?? '';
    return html`<div class="count" data-testid="preview-count">
        ${
          mine.length
            ? `「${title}」${r.date} 播放 ${mine.length} 次 · plays ${mine.length} times`
            : `「${title}」${r.date} 不播放 · does not play that day`
        }
      </div>
      <div class="times" data-testid="preview-times">
        ${mine.map((i) => html`<sl-tag size="small" variant="primary">${clock(i.start)}</sl-tag>`)}
      </div>
      ${
        r.items.length
          ? html`<div class="loop">
              <table>
                <thead>
                  <tr>
                    <th>时间<span class="en">Time</span></th>
                    <th>促销<span class="en">Promo</span></th>
                    <th class="num">时长<span class="en">Length</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${r.items.map(
                    (i) =>
                      html`<tr class=${i.promo?.id === r.promoId ? 'mine' : ''}>
                        <td>${clock(i.start)}</td>
                        <td>${i.title}</td>
                        <td class="num">${Math.round(i.durationMs / 1000)} 秒</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<div class="muted">当天没有促销轮播 · No promo loop that day (${r.dayType})</div>`
      }
      ${
        r.warnings.length
          ? html`<ul class="warnings">
              ${r.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>`
          : nothing
      }`;
  }

  private _setDate(date: string): void {
    this._date = date;
    if (this._result) void this.run();
  }

  /** Compiles the chosen day with the promo as it is now. */
  async run(): Promise<void> {
    if (!this.promo || this._busy) return;
    const key = this.key;
    const date = this._date || this.session.site.today;
    this._busy = true;
    try {
      const r = await this.session.api.post<PromoPreview>('/api/promos/preview', {
        date,
        promos: [this.promo],
      });
      const promoId = r.ids[0];
      this._result = { ...r, key, ...(promoId ? { promoId } : {}) };
      this._error = undefined;
    } catch (err) {
      this._result = undefined;
      this._error = `预览失败 · Preview refused: ${(err as Error).message}`;
      this.dispatchEvent(
        new CustomEvent('preview-refused', { detail: err, bubbles: true, composed: true }),
      );
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-promo-preview': DcPromoPreview;
  }
}
