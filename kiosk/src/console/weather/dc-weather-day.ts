import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import './dc-weather-form.ts';
import {
  clockOf,
  providerName,
  whenSet,
  type StoredForecast,
  type WeatherDay,
} from './weather-types.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * One date's weather: the forecast that will be spoken and where it came from, the sentence
 * exactly as the players will say it (with a listen button), what the weather window plays,
 * and the form to type a forecast in.
 */
@customElement('dc-weather-day')
export class DcWeatherDay extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      .card {
        display: grid;
        gap: 1rem;
        height: 100%;
        align-content: start;
      }
      h2 .date {
        margin-left: 0.4rem;
        font-weight: 400;
        color: var(--sl-color-neutral-600);
      }
      .now {
        display: flex;
        align-items: baseline;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .condition {
        font-size: 1.6rem;
        font-weight: 600;
      }
      .temps {
        font-size: 1.2rem;
      }
      .source {
        font-size: 0.85rem;
      }
      .spoken {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        background: var(--sl-color-primary-50);
        border-left: 3px solid var(--sl-color-primary-500);
        padding: 0.6rem 0.8rem;
        border-radius: var(--sl-border-radius-medium);
      }
      .spoken blockquote {
        margin: 0;
        flex: 1;
        min-width: 0;
        line-height: 1.6;
      }
      .label {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
        margin-bottom: 0.25rem;
      }
      ul.plays {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.88rem;
      }
      ul.plays li {
        display: flex;
        gap: 0.6rem;
        padding: 0.15rem 0;
      }
      ul.plays time {
        color: var(--sl-color-neutral-600);
      }
      sl-divider {
        --spacing: 0;
      }
    `,
  ];

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) day!: WeatherDay;
  @property() heading = '';
  @property() timezone = 'Asia/Shanghai';

  @state() private _listen: 'idle' | 'loading' | 'playing' = 'idle';
  private _audio?: HTMLAudioElement;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._audio?.pause();
  }

  override render() {
    const d = this.day;
    const at = d.window ? clockOf(d.window.start) : '10:00';
    return html`<section class="card" data-date=${d.date}>
      <h2>${this.heading}<span class="date">${this._dateName()}</span></h2>
      ${d.forecast ? this._forecast(d.forecast) : this._none(at)}
      ${
        d.spoken
          ? html`<div>
              <div class="label">${at} 将这样播报 · Spoken at ${at} as:</div>
              <div class="spoken">
                <blockquote data-testid="spoken">${d.spoken}</blockquote>
                <sl-button
                  size="small"
                  data-action="listen"
                  ?loading=${this._listen === 'loading'}
                  @click=${this._onListen}
                >
                  ${
                    this._listen === 'playing'
                      ? html`<sl-icon slot="prefix" name="stop-fill"></sl-icon>停止 · Stop`
                      : html`<sl-icon slot="prefix" name="volume-up"></sl-icon>试听 · Listen`
                  }
                </sl-button>
              </div>
            </div>`
          : nothing
      }
      ${this._plays(at)}
      ${d.warnings.map(
        (w) =>
          html`<sl-alert variant="warning" open>
            <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>${w}</sl-alert
          >`,
      )}
      <sl-divider></sl-divider>
      <div>
        <div class="label">手动输入（优先于天气服务）· Type one in (wins over the provider)</div>
        <dc-weather-form .api=${this.api} .day=${d} data-date=${d.date}></dc-weather-form>
      </div>
    </section>`;
  }

  private _forecast(f: StoredForecast) {
    const d = this.day;
    const overridden = f.source === 'manual' && d.provider;
    return html`<div>
      <div class="now">
        <span class="condition" data-testid="condition">${f.condition}</span>
        <span class="temps">${f.low} ~ ${f.high} °C</span>
        ${
          f.source === 'manual'
            ? html`<sl-tag size="small" variant="primary">手动输入 · Typed in</sl-tag>`
            : html`<sl-tag size="small" variant="success">天气服务 · From the provider</sl-tag>`
        }
      </div>
      <div class="source muted" data-testid="source">
        ${
          f.source === 'manual'
            ? html`${f.setBy} 于 ${whenSet(f.setAt, this.timezone)} 输入 · typed in by ${f.setBy}`
            : html`${whenSet(f.setAt, this.timezone)} 从${providerName(f.setBy)}获取 · fetched from
              the provider`
        }
      </div>
      ${
        overridden && d.provider
          ? html`<div class="source muted">
              天气服务的预报（未采用）· Provider's forecast, not used: ${d.provider.condition}
              ${d.provider.low} ~ ${d.provider.high} °C
            </div>`
          : nothing
      }
    </div>`;
  }

  private _none(at: string) {
    if (!this.day.window)
      return html`<sl-alert variant="neutral" open>
        <sl-icon slot="icon" name="info-circle"></sl-icon>
        这一天的节目没有天气时段（可能闭店）。· No weather slot in this day's program (closed?).
      </sl-alert>`;
    const reminders = this.day.plays.length > 0;
    return html`<sl-alert variant="warning" open data-testid="fallback">
      <sl-icon slot="icon" name="cloud-slash"></sl-icon>
      <strong>还没有天气预报 · No forecast yet.</strong><br />
      ${
        reminders
          ? html`${at} 的时段只播放友情提醒，不播天气。请在下面输入预报。· At ${at} only the
            friendly reminders play, without the weather. Type a forecast in below.`
          : html`${at} 的时段不会播报天气。请在下面输入预报。· Nothing about the weather is said at
            ${at}. Type a forecast in below.`
      }
    </sl-alert>`;
  }

  private _plays(at: string) {
    const plays = this.day.plays;
    if (!this.day.window) return nothing;
    return html`<div>
      <div class="label">${at} 时段播放 · What the ${at} slot plays</div>
      ${
        plays.length
          ? html`<ul class="plays">
              ${plays.map(
                (p) =>
                  html`<li>
                    <time>${p.start.slice(11, 19)}</time>
                    <span>${p.kind === 'weather' ? '天气预报 · Weather' : p.title}</span>
                  </li>`,
              )}
            </ul>`
          : html`<div class="muted">（无）· Nothing</div>`
      }
    </div>`;
  }

  private async _onListen(): Promise<void> {
    const text = this.day.spoken;
    if (this._listen === 'playing') {
      this._audio?.pause();
      this._listen = 'idle';
      return;
    }
    if (!text || this._listen === 'loading') return;
    this._listen = 'loading';
    try {
      // The same rendering the players fetch for this sentence.
      const r = await this.api.get<{ url: string }>(`/api/speech?text=${encodeURIComponent(text)}`);
      const audio = new Audio(r.url);
      this._audio = audio;
      audio.addEventListener('ended', () => (this._listen = 'idle'));
      await audio.play();
      this._listen = 'playing';
      toast('primary', '正在试听 · Playing on this computer', text);
    } catch (err) {
      this._listen = 'idle';
      toastError('无法试听 · Cannot play the sentence', err);
    }
  }

  private _dateName(): string {
    const [y, m, d] = this.day.date.split('-').map(Number) as [number, number, number];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
    return `${m}月${d}日 ${weekday}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-weather-day': DcWeatherDay;
  }
}
