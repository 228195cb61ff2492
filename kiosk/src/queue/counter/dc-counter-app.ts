import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles, buttonStyles, lightTheme } from '../queue-theme.ts';
import type { CounterActEvent } from './counter-events.ts';
import { CounterController } from './counter-controller.ts';
import type { CounterLoginEvent } from './dc-counter-login.ts';
import './dc-counter-desk.ts';
import './dc-counter-login.ts';
import './dc-counter-open.ts';
import './dc-counter-take.ts';
import './dc-counter-waiting.ts';

/**
 * `/counter`: the page on a desk PC. A desk user signs in, opens this PC's counter with its
 * services, and calls, serves and finishes customers; the waiting counts stay live.
 */
@customElement('dc-counter-app')
export class DcCounterApp extends LitElement {
  static override styles = [
    lightTheme,
    baseStyles,
    buttonStyles,
    css`
      :host {
        min-height: 100vh;
        padding: 12px;
        font-size: 16px;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 12px;
      }
      h1 {
        margin: 0;
        font-size: 20px;
      }
      .who {
        display: flex;
        gap: 8px;
        align-items: center;
        color: var(--dc-muted);
      }
      .who button {
        padding: 6px 10px;
        min-height: 36px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 12px;
        align-items: start;
      }
      .side {
        display: grid;
        gap: 12px;
      }
      @media (max-width: 720px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .flash {
        margin-bottom: 12px;
        padding: 10px 14px;
        border-radius: 8px;
        font-size: 16px;
      }
      .flash.ok {
        background: #e3f4e8;
        color: var(--dc-ok);
      }
      .flash.error {
        background: #fde8e6;
        color: var(--dc-bad);
      }
      .conn {
        font-size: 14px;
      }
      .conn.down {
        color: var(--dc-bad);
      }
    `,
  ];

  private readonly _c = new CounterController(this);

  override render() {
    const c = this._c;
    if (!c.checked) return html`<p>正在载入… Loading…</p>`;
    if (!c.user)
      return html`<dc-counter-login
        ?busy=${c.busy === 'login'}
        .error=${c.flash?.kind === 'error' ? c.flash.text : ''}
        @dc-counter-login=${this._onLogin}
      ></dc-counter-login>`;
    const data = c.live.value;
    const counter = c.counter;
    // Open by another desk PC: this one asks before taking it over (dc-counter-open).
    const working = counter && counter.status !== 'closed' && counter.yours;
    return html`
      <header>
        <h1>${counter ? counter.name : '窗口'} <span class="en">Counter</span></h1>
        <div class="who">
          <span class="conn ${c.live.stream === 'open' ? '' : 'down'}" role="status">
            ${c.live.stream === 'open' ? '● 实时' : '○ 正在重新连接…'}
          </span>
          <span>${c.user.displayName || c.user.username}</span>
          ${
            working
              ? html`<button @click=${() => c.choose(undefined)} title="换到其他窗口">
                  换窗口
                </button>`
              : nothing
          }
          <button @click=${() => void c.logout()}>退出 <span class="en">Sign out</span></button>
        </div>
      </header>
      ${c.flash && c.user ? html`<div class="flash ${c.flash.kind}" role="status" data-testid="flash">${c.flash.text}</div>` : nothing}
      ${
        !data
          ? html`<p>${c.live.error ? `无法载入：${c.live.error}` : '正在载入… Loading…'}</p>`
          : html`<div class="layout" @dc-counter-act=${this._onAct}>
              <div class="side">
                ${
                  working
                    ? html`<dc-counter-desk
                        .counter=${counter}
                        .services=${data.state.services}
                        .categories=${data.list.categories}
                        .noShows=${data.list.noShows}
                        .maxRecalls=${data.list.settings.maxRecalls}
                        .busy=${c.busy}
                        .timezone=${c.timezone}
                      ></dc-counter-desk>`
                    : html`<dc-counter-open
                        .counters=${data.list.counters}
                        .services=${data.state.services}
                        .chosen=${c.counterNumber}
                        ?busy=${!!c.busy}
                      ></dc-counter-open>`
                }
              </div>
              <div class="side">
                <dc-counter-waiting
                  .state=${data.state}
                  .mine=${counter?.services ?? []}
                ></dc-counter-waiting>
                <dc-counter-take
                  .services=${data.state.services}
                  .taken=${c.takenFor}
                  ?busy=${!!c.busy}
                ></dc-counter-take>
              </div>
            </div>`
      }
    `;
  }

  private _onLogin(e: CounterLoginEvent): void {
    void this._c.login(e.detail.username, e.detail.password);
  }

  private _onAct(e: CounterActEvent): void {
    const c = this._c;
    const d = e.detail;
    switch (d.action) {
      case 'choose':
        c.choose(d.counter);
        break;
      case 'open':
        void c.open(d.counter, d.services, d.takeover);
        break;
      case 'take':
        void c.takeFor(d.service, d.priority);
        break;
      case 'call':
        void c.call(d.code);
        break;
      case 'finish':
        void c.finish(d);
        break;
      case 'transfer':
        void c.transfer(d.service);
        break;
      case 'call-next':
      case 'recall':
      case 'no-show':
      case 'start':
      case 'pause':
      case 'resume':
      case 'close':
        void c.act(d.action);
        break;
      default: {
        const never: never = d;
        throw new Error(`unknown counter action ${JSON.stringify(never)}`);
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-app': DcCounterApp;
  }
}
