import '../../lib/dc-enable-sound.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../../lib/dc-pairing.ts';
import { repeat } from 'lit/directives/repeat.js';
import { clockTime, dateText } from '../queue-format.ts';
import { baseStyles, buttonStyles, darkTheme } from '../queue-theme.ts';
import type { QueueState } from '../queue-types.ts';
import { BoardController } from './board-controller.ts';
import type { BoardRateEvent } from './dc-board-rating.ts';
import './dc-board-counters.ts';
import './dc-board-flash.ts';
import './dc-board-rating.ts';
import './dc-board-waiting.ts';

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
      /* Exactly the window (a kiosk has no scroll bar): a grid whose places share its height.
         Landscape: the call and the counters on the left, the recent calls (or a rating
         prompt, in their place) and the queues on the right. Portrait and phones: the call,
         the counters, then the recent calls and the queues. */
      :host {
        height: 100vh;
        height: 100dvh;
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        padding: 2.2vmin 2.6vmin;
        --dc-flash-pad: 1.6vmin 2vmin;
        --dc-flash-label: max(2.6vmin, 12px);
        --dc-flash-en: max(2.6vmin, 12px);
        --dc-flash-gap: 1.6cqw;
        --dc-flash-word: min(5.5vh, 4.4cqw);
        --dc-flash-code: min(14vh, 12cqw);
        --dc-flash-counter: min(9vh, 7.6cqw);
      }
      header {
        flex: none;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 2vmin;
      }
      h1 {
        margin: 0;
        font-size: max(4vmin, 18px);
        font-weight: 600;
        line-height: 1.2;
      }
      .mall {
        font-size: max(2.2vmin, 12px);
        font-weight: 600;
        opacity: 0.85;
      }
      .mall .en {
        margin-left: 0.6em;
        font-weight: 400;
      }
      h1 .en {
        display: block;
        font-size: max(0.55em, 11px);
      }
      .clock {
        font-size: max(4.6vmin, 22px);
        line-height: 1.1;
        text-align: right;
        white-space: nowrap;
      }
      .date {
        font-size: max(2vmin, 11px);
        color: var(--dc-muted);
        text-align: right;
        white-space: nowrap;
      }
      main {
        flex: 1;
        min-height: 0;
        display: grid;
        gap: 2vmin 2.4vmin;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        grid-template-rows: auto minmax(0, 1fr);
        grid-template-areas:
          'call recent'
          'counters waiting';
      }
      @media (orientation: portrait) {
        main {
          grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
          grid-template-rows: auto minmax(0, 1fr) minmax(0, 1.3fr);
          grid-template-areas:
            'call call'
            'counters counters'
            'recent waiting';
        }
      }
      @media (orientation: portrait) and (max-width: 600px) {
        main {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto minmax(0, 0.8fr) minmax(0, 1fr) minmax(0, 1.3fr);
          grid-template-areas: 'call' 'counters' 'recent' 'waiting';
        }
      }
      .call {
        grid-area: call;
        display: flex;
        flex-direction: column;
        gap: 1vmin;
      }
      dc-board-flash {
        container-type: inline-size;
      }
      .next {
        margin: 0;
        font-size: max(2.4vmin, 12px);
        color: var(--dc-muted);
        text-align: center;
      }
      .next b {
        color: var(--dc-text);
      }
      section {
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      section > :last-child {
        flex: 1;
        min-height: 0;
      }
      .counters {
        grid-area: counters;
      }
      .recent,
      .ratings {
        grid-area: recent;
      }
      .waiting {
        grid-area: waiting;
      }
      h2 {
        flex: none;
        margin: 0 0 0.8vmin;
        font-size: max(2.4vmin, 12px);
        font-weight: 500;
        line-height: 1.2;
        color: var(--dc-muted);
        letter-spacing: 0.05em;
      }
      .panel {
        padding: 1.2vmin 1.6vmin;
        border-radius: 1.2vmin;
        background: var(--dc-panel);
      }
      .list {
        container-type: size;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      .recent table {
        /* Five calls share the height; the screen's limit for a list like this. */
        font-size: min(calc(100cqh / 5 * 0.5), 3.6vmin, 6.5cqw);
        line-height: 1.2;
      }
      td {
        padding: 0.15em 0.4em;
        border-bottom: 1px solid var(--dc-line);
      }
      tr:last-child td {
        border-bottom: 0;
      }
      td.num {
        text-align: right;
        white-space: nowrap;
      }
      .recent td.code-cell {
        font-size: 1.25em;
      }
      .recent tr:first-child td {
        color: var(--dc-accent);
      }
      .recent td.muted {
        font-size: 0.8em;
      }
      .muted {
        color: var(--dc-muted);
        font-size: max(2.2vmin, 12px);
      }
      .ratings {
        display: flex;
        flex-direction: column;
        gap: 1.2vmin;
        min-height: 0;
      }
      dc-board-rating {
        flex: 1;
        min-height: 0;
      }
      .notice {
        position: fixed;
        left: 50%;
        bottom: 3vmin;
        transform: translateX(-50%);
        padding: 1.2vmin 2vmin;
        border-radius: 1vmin;
        background: var(--dc-bad);
        color: #fff;
        font-size: max(2.6vmin, 13px);
      }
    `,
  ];

  private readonly _c = new BoardController(this);

  override render() {
    const c = this._c;
    // Not registered yet: the pairing code, until an admin enters it in the console.
    if (!c.token) return html`<dc-pairing kind="guide"></dc-pairing>`;
    const state = c.live.value;
    const shown = c.shown;
    const next = c.next;
    // Two prompts at most: a third waits for one of them to be answered or to go away.
    const ratings = c.ratings.slice(0, 2);
    return html`
      <header>
        <div>
          <div class="mall" data-testid="mall-name">
            ${c.site.name}<span class="en">${c.site.nameEn}</span>
          </div>
          <h1>客户服务中心 · 叫号 <span class="en">Customer Service · Now Calling</span></h1>
        </div>
        <div>
          <div class="clock">${clockTime(c.now, c.timezone)}</div>
          <div class="date">${dateText(c.now, c.timezone)}</div>
        </div>
      </header>
      <main>
        <div class="call">
          <dc-board-flash
            .code=${shown?.call.code ?? ''}
            .counterName=${shown?.call.counter.name ?? ''}
            .callCount=${shown?.call.callCount ?? 1}
            ?blinking=${!!shown?.blinking}
          ></dc-board-flash>
          ${
            next.length
              ? html`<p class="next" data-testid="next">
                  下一位 <span class="en">Next</span>
                  ${next
                    .slice(0, 3)
                    .map((n) => html` · <b class="code">${n.code}</b> → ${n.counter.name}`)}
                </p>`
              : nothing
          }
        </div>
        <section class="counters">
          <h2>各窗口当前号码 <span class="en">Counters</span></h2>
          ${
            state
              ? html`<dc-board-counters .counters=${state.counters}></dc-board-counters>`
              : html`<p class="muted">正在载入… Loading…</p>`
          }
        </section>
        ${
          ratings.length
            ? html`<div class="ratings" data-testid="ratings" @dc-board-rate=${this._onRate}>
                ${ratings.map((p) => html`<dc-board-rating .prompt=${p}></dc-board-rating>`)}
              </div>`
            : html`<section class="panel recent">
                <h2>最近叫号 <span class="en">Recent calls</span></h2>
                <div class="list">${this._recent(state)}</div>
              </section>`
        }
        <section class="panel waiting">
          <h2>等候人数 <span class="en">Waiting</span></h2>
          <dc-board-waiting .state=${state}></dc-board-waiting>
        </section>
      </main>
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

  private _recent(state: QueueState | undefined) {
    const c = this._c;
    if (state && state.recentCalls.length === 0) return html`<p class="muted">暂无</p>`;
    return html`<table data-testid="recent">
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
