import '../../lib/dc-enable-sound.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../../lib/dc-pairing.ts';
import { repeat } from 'lit/directives/repeat.js';
import { clockTime, dateText, shortName, waitText } from '../queue-format.ts';
import { baseStyles, buttonStyles, darkTheme } from '../queue-theme.ts';
import type { QueueState } from '../queue-types.ts';
import { BoardController } from './board-controller.ts';
import type { BoardRateEvent } from './dc-board-rating.ts';
import './dc-board-counters.ts';
import './dc-board-flash.ts';
import './dc-board-rating.ts';

/**
 * `/board`: the calling board on the guide screen. The current number at each counter, the
 * last five calls, how many wait per service; a new call large and blinking, and spoken.
 */
@customElement('dc-board-app')
export class DcBoardApp extends LitElement {
  static override styles = [
    darkTheme,
    baseStyles,
    buttonStyles,
    css`
      :host {
        min-height: 100vh;
        padding: 2.5vh 3vw;
        display: flex;
        flex-direction: column;
        gap: 2.5vh;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
      h1 {
        margin: 0;
        font-size: 4.5vh;
        font-weight: 600;
      }
      .clock {
        font-size: 5vh;
      }
      .date {
        font-size: 2.4vh;
        color: var(--dc-muted);
        text-align: right;
      }
      main {
        flex: 1;
        display: grid;
        grid-template-columns: 3fr 2fr;
        gap: 2.5vh 2.5vw;
      }
      .left {
        display: flex;
        flex-direction: column;
        gap: 2.5vh;
      }
      h2 {
        margin: 0 0 1vh;
        font-size: 2.8vh;
        font-weight: 500;
        color: var(--dc-muted);
        letter-spacing: 0.05em;
      }
      .panel {
        padding: 1.5vh 1.5vw;
        border-radius: 1.2vh;
        background: var(--dc-panel);
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      .right {
        display: flex;
        flex-direction: column;
        gap: 2vh;
      }
      td {
        padding: 0.6vh 0.5vw;
        border-bottom: 1px solid var(--dc-line);
        font-size: 3vh;
        line-height: 1.2;
      }
      td .en {
        display: block;
        font-size: 1.8vh;
      }
      tr:last-child td {
        border-bottom: 0;
      }
      td.num {
        text-align: right;
        white-space: nowrap;
      }
      .recent td.code-cell {
        font-size: 4.2vh;
      }
      .recent tr:first-child td {
        color: var(--dc-accent);
      }
      .muted {
        color: var(--dc-muted);
        font-size: 2.4vh;
      }
      .notice {
        position: fixed;
        left: 50%;
        bottom: 3vh;
        transform: translateX(-50%);
        padding: 1.2vh 2vw;
        border-radius: 1vh;
        background: var(--dc-bad);
        color: #fff;
        font-size: 2.8vh;
      }
      /* Under the call, over the counters: the calls and queues on the right stay in view. */
      .ratings {
        position: fixed;
        left: 3vw;
        bottom: 3vh;
        width: calc((100vw - 6vw - 2.5vw) * 0.6);
        display: flex;
        flex-direction: column;
        gap: 2vh;
      }
    `,
  ];

  private readonly _c = new BoardController(this);

  override render() {
    const c = this._c;
    // Not registered yet: the pairing code, until an admin enters it in the console.
    if (!c.token) return html`<dc-pairing kind="guide"></dc-pairing>`;
    const state = c.live.value;
    const latest = state?.recentCalls[0];
    const flash = c.flash;
    return html`
      <header>
        <h1>客户服务中心 · 叫号 <span class="en">Customer Service · Now Calling</span></h1>
        <div>
          <div class="clock">${clockTime(c.now, c.timezone)}</div>
          <div class="date">${dateText(c.now, c.timezone)}</div>
        </div>
      </header>
      <main>
        <div class="left">
          <dc-board-flash
            .code=${flash?.code ?? latest?.code ?? ''}
            .counterName=${flash?.counter.name ?? latest?.counter.name ?? ''}
            .callCount=${flash?.callCount ?? latest?.callCount ?? 1}
            ?blinking=${!!flash}
          ></dc-board-flash>
          <section>
            <h2>各窗口当前号码 <span class="en">Counters</span></h2>
            ${
              state
                ? html`<dc-board-counters .counters=${state.counters}></dc-board-counters>`
                : html`<p class="muted">正在载入… Loading…</p>`
            }
          </section>
        </div>
        <div class="right">
          <section class="panel recent">
            <h2>最近叫号 <span class="en">Recent calls</span></h2>
            <table data-testid="recent">
              ${repeat(
                state?.recentCalls ?? [],
                (r) => `${r.code}#${r.calledAt}`,
                (r) =>
                  html`<tr>
                    <td class="code code-cell">${r.code}</td>
                    <td>${r.counter.name}</td>
                    <td class="num muted">${clockTime(r.calledAt, c.timezone)}</td>
                  </tr>`,
              )}
            </table>
            ${state && state.recentCalls.length === 0 ? html`<p class="muted">暂无</p>` : nothing}
          </section>
          <section class="panel">
            <h2>等候人数 <span class="en">Waiting</span></h2>
            ${state ? this._waiting(state) : nothing}
          </section>
        </div>
      </main>
      ${
        c.ratings.length
          ? html`<div class="ratings" @dc-board-rate=${this._onRate}>
              ${c.ratings.map((p) => html`<dc-board-rating .prompt=${p}></dc-board-rating>`)}
            </div>`
          : nothing
      }
      ${
        c.live.stream !== 'open'
          ? html`<div class="notice" role="status" data-testid="reconnecting">
              正在重新连接服务器… Reconnecting…
            </div>`
          : nothing
      }
      ${c.error || c.live.error ? html`<div class="notice">${c.error || c.live.error}</div>` : nothing}
      ${
        c.audioBlocked
          ? html`<dc-enable-sound
              data-testid="enable-sound"
              @enable-sound=${() => c.enableSound()}
            ></dc-enable-sound>`
          : nothing
      }
    `;
  }

  private _waiting(state: QueueState) {
    const services = [...state.services].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    return html`<table data-testid="waiting">
      ${services.map((s) => {
        const n = state.waiting[s.id] ?? s.waiting;
        return html`<tr data-service=${s.id}>
          <td>${s.prefix} · ${shortName(s.name)}<span class="en">${s.nameEn}</span></td>
          <td class="num"><span class="code">${n}</span> 人</td>
          <td class="num muted">${s.open ? waitText(s.estimatedWaitMin, n).zh : '已停止取号'}</td>
        </tr>`;
      })}
    </table>`;
  }

  /** Lit calls template listeners with the element as `this`. */
  private _onRate(e: BoardRateEvent): void {
    void this._c.rate(e.detail.token, e.detail.rating);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-board-app': DcBoardApp;
  }
}
