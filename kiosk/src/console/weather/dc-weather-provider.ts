import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { providerName, whenSet, type ProviderStatus } from './weather-types.ts';

/** The weather provider: configured or not, its last fetch and error, and "fetch now". */
@customElement('dc-weather-provider')
export class DcWeatherProvider extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .card {
        display: flex;
        gap: 1rem 1.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .title {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 600;
      }
      .facts {
        display: flex;
        gap: 0.35rem 1.5rem;
        flex-wrap: wrap;
        flex: 1;
        min-width: 0;
        font-size: 0.88rem;
      }
      .facts span {
        white-space: nowrap;
      }
      .error {
        flex-basis: 100%;
        color: var(--sl-color-danger-700);
        font-size: 0.88rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) status!: ProviderStatus;
  @property() timezone = 'Asia/Shanghai';

  @state() private _busy = false;

  override render() {
    const s = this.status;
    const when = (iso?: string) => (iso ? whenSet(iso, this.timezone) : '—');
    if (!s.configured)
      return html`<section class="card" data-testid="provider">
        <div class="title">
          <sl-icon name="cloud-slash"></sl-icon>天气服务 · Weather provider
          <sl-badge variant="neutral">未配置 · Not configured</sl-badge>
        </div>
        <div class="facts muted">
          预报只能手动输入。管理员可设置 WEATHER_URL、WEATHER_KEY、WEATHER_LOCATION 自动获取。·
          Forecasts are typed in only; an administrator can set WEATHER_URL, WEATHER_KEY and
          WEATHER_LOCATION to fetch them.
        </div>
      </section>`;
    const failedLast = s.lastError && (!s.lastSuccessAt || (s.lastErrorAt ?? '') > s.lastSuccessAt);
    return html`<section class="card" data-testid="provider">
      <div class="title">
        <sl-icon name="cloud-sun"></sl-icon>天气服务 · Weather provider
        ${
          failedLast
            ? html`<sl-badge variant="danger">上次获取失败 · Last fetch failed</sl-badge>`
            : html`<sl-badge variant="success">已配置 · Configured</sl-badge>`
        }
      </div>
      <div class="facts">
        <span>${providerName(s.provider ?? '')}（${s.location}）</span>
        <span>自动获取 · Fetched at ${s.fetchTimes.join('、')}</span>
        <span>上次成功 · Last good: ${when(s.lastSuccessAt)}</span>
        <span>上次尝试 · Last try: ${when(s.lastAttemptAt)}</span>
      </div>
      <sl-button size="small" ?loading=${this._busy || s.fetching} @click=${this._refresh}>
        <sl-icon slot="prefix" name="arrow-repeat"></sl-icon>立即获取 · Fetch now
      </sl-button>
      ${
        failedLast
          ? html`<div class="error" data-testid="provider-error">
              ${when(s.lastErrorAt)}：${s.lastError}（仍播报上次成功获取的预报 · the last good
              forecast is still spoken）
            </div>`
          : nothing
      }
    </section>`;
  }

  private async _refresh(): Promise<void> {
    this._busy = true;
    try {
      const r = await this.api.post<{ dates: string[] }>('/api/weather/refresh');
      toast('success', '已获取天气预报 · Forecast fetched', r.dates.join('、'));
    } catch (err) {
      toastError('获取失败 · The fetch failed', err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-weather-provider': DcWeatherProvider;
  }
}
