import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import '../weather/dc-weather-day.ts';
import type { WeatherSavedEvent } from '../weather/dc-weather-form.ts';
import '../weather/dc-weather-provider.ts';
import { WeatherController } from '../weather/weather-controller.ts';

/**
 * Weather (天气预报): today's and tomorrow's forecast, where each came from, the sentence the
 * 10:00 slot will say, a form to type one in, and the weather provider's state.
 */
@customElement('dc-page-weather')
export class DcPageWeather extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .days {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        align-items: stretch;
        margin-top: 1rem;
      }
      .lead {
        margin: 0.25rem 0 0;
        font-size: 0.9rem;
      }
    `,
  ];

  private readonly _weather = new WeatherController(this);

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  protected override willUpdate(): void {
    // The context sets `session` without naming it as a changed property: hand it on each time
    // (the controller ignores the same session).
    this._weather.session = this.session;
  }

  override render() {
    return html`<div class="page-head">
        <div>
          <h1>天气预报<span class="en">Weather</span></h1>
          <p class="lead muted">
            每天 10:00 播报天气，随后是友情提醒。手动输入的预报优先于天气服务。· The forecast is
            spoken at 10:00, then the reminders; a typed-in forecast wins over the provider's.
          </p>
        </div>
      </div>
      ${this._body()}`;
  }

  private _body() {
    const s = this._weather.state;
    const tz = this.session.site.timezone;
    switch (s.kind) {
      case 'loading':
        return html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取 · Loading…</div>`;
      case 'failed':
        return html`<sl-alert variant="danger" open>
          <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
          <strong>读不到天气预报 · The forecast could not be read.</strong><br />${s.message}
          <sl-button size="small" @click=${() => void this._weather.reload()}
            >重试 · Retry</sl-button
          >
        </sl-alert>`;
      case 'ready':
        return html`<dc-weather-provider
            .api=${this.session.api}
            .status=${s.today.providerStatus}
            timezone=${tz}
          ></dc-weather-provider>
          <div class="grid days" @weather-saved=${this._onSaved}>
            <dc-weather-day
              .api=${this.session.api}
              .day=${s.today}
              heading="今天 · Today"
              timezone=${tz}
            ></dc-weather-day>
            <dc-weather-day
              .api=${this.session.api}
              .day=${s.tomorrow}
              heading="明天 · Tomorrow"
              timezone=${tz}
            ></dc-weather-day>
          </div>`;
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  private _onSaved(e: WeatherSavedEvent): void {
    this._weather.show(e.detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-weather': DcPageWeather;
  }
}
