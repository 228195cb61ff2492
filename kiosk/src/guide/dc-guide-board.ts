import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import '../queue/board/dc-board-flash.ts';
import { LiveQuery } from '../queue/live-query.ts';
import { QueueClient } from '../queue/queue-client.ts';
import { clockTime } from '../queue/queue-format.ts';
import { baseStyles } from '../queue/queue-theme.ts';
import type { CounterRef, CounterState, QueueState } from '../queue/queue-types.ts';
import { both } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { Lang } from './guide-types.ts';

/** A new call stays large and blinking this long, as on /board. */
const FLASH_MS = 8000;

/**
 * The calling board's state for the guide screen: the queue (live), and the call just made.
 * Silent: the hall's /board speaks the calls; two screens speaking would talk over each other.
 */
class GuideBoardController implements ReactiveController {
  readonly live: LiveQuery<QueueState>;
  flash?: { code: string; counter: CounterRef; callCount: number; until: number };
  private _tick?: ReturnType<typeof setInterval>;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _token: () => string,
  ) {
    _host.addController(this);
    this.live = new LiveQuery(() => _host.requestUpdate());
  }

  hostConnected(): void {
    const token = this._token();
    if (!token) return;
    const client = new QueueClient({ kind: 'device', token });
    this.live.start({
      load: () => client.get<QueueState>('/api/queue/state'),
      streamToken: token,
      refreshMs: 60_000,
      refetchOn: ['queue-changed', 'queue-called'],
      onEvent: (type, data) => {
        const c = data as { code?: unknown; counter?: CounterRef; callCount?: unknown };
        if (type !== 'queue-called' || typeof c.code !== 'string' || !c.counter) return;
        this.flash = {
          code: c.code,
          counter: c.counter,
          callCount: typeof c.callCount === 'number' ? c.callCount : 1,
          until: Date.now() + FLASH_MS,
        };
        this._host.requestUpdate();
      },
    });
    this._tick = setInterval(() => {
      if (this.flash && this.flash.until <= Date.now()) {
        this.flash = undefined;
        this._host.requestUpdate();
      }
    }, 500);
  }

  hostDisconnected(): void {
    this.live.stop();
    clearInterval(this._tick);
  }
}

/**
 * The calling board inside the guide screen's service desk: the call just made (the board's
 * own element, large), each counter's number, the last calls. The counters are drawn here:
 * the board's cards are sized for a whole screen (vw columns, vh numbers), which a portrait
 * panel cannot hold.
 */
@customElement('dc-guide-board')
export class DcGuideBoard extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--g-gap);
        min-height: 0;
        background: transparent;
      }
      .split {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: 58fr 42fr;
        gap: calc(var(--g-gap) * 1.5);
      }
      h2 {
        margin: 0 0 1vmin;
        font-size: 2.6vmin;
        font-weight: 600;
      }
      h2 .en {
        font-size: 1.8vmin;
      }
      /* The board's elements are sized for a whole screen: here they get part of one. */
      dc-board-flash {
        zoom: var(--g-board-zoom, 0.62);
      }
      .counters {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 1vmin;
      }
      .counter {
        padding: 0.8vmin;
        border-radius: 1vmin;
        background: var(--g-raised);
        text-align: center;
      }
      .counter .name {
        font-size: 1.8vmin;
        color: var(--dc-muted);
      }
      .counter .current {
        font-size: 3.8vmin;
        line-height: 1.15;
      }
      .counter.paused .current {
        opacity: 0.4;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 2.4vmin;
      }
      td {
        padding: 0.6vmin 1vmin;
        border-bottom: 1px solid var(--dc-line);
      }
      td.code {
        font-size: 3vmin;
      }
      td.time {
        text-align: right;
        color: var(--dc-muted);
      }
      tr:first-child td.code {
        color: var(--dc-accent);
      }
      .muted {
        color: var(--dc-muted);
        font-size: var(--g-small);
      }
      @media (orientation: portrait) {
        :host {
          --g-board-zoom: 0.42;
        }
      }
    `,
  ];

  @property() locale: Lang = 'zh';
  @property() token = '';
  @property() timezone = 'Asia/Shanghai';
  private readonly _c = new GuideBoardController(this, () => this.token);

  override render() {
    const state = this._c.live.value;
    const latest = state?.recentCalls[0];
    const flash = this._c.flash;
    const [calling, callingEn] = both('nowCalling', this.locale);
    const [counters, countersEn] = both('counters', this.locale);
    const [recent, recentEn] = both('recent', this.locale);
    return html`
      <div>
        <h2>${calling} <span class="en">${callingEn}</span></h2>
        <dc-board-flash
          data-testid="guide-flash"
          .code=${flash?.code ?? latest?.code ?? ''}
          .counterName=${flash?.counter.name ?? latest?.counter.name ?? ''}
          .callCount=${flash?.callCount ?? latest?.callCount ?? 1}
          ?blinking=${!!flash}
        ></dc-board-flash>
      </div>
      <div class="split">
        <div>
          <h2>${counters} <span class="en">${countersEn}</span></h2>
          ${state ? this._counters(state.counters) : html`<p class="muted">…</p>`}
        </div>
        <div>
          <h2>${recent} <span class="en">${recentEn}</span></h2>
          <table data-testid="guide-recent">
            ${repeat(
              (state?.recentCalls ?? []).slice(0, 5),
              (r) => `${r.code}#${r.calledAt}`,
              (r) =>
                html`<tr>
                  <td class="code">${r.code}</td>
                  <td>${r.counter.name}</td>
                  <td class="time">${clockTime(r.calledAt, this.timezone)}</td>
                </tr>`,
            )}
          </table>
          ${state && !state.recentCalls.length ? html`<p class="muted">—</p>` : nothing}
        </div>
      </div>
    `;
  }

  /** Each open counter's number now (the board's cards, at the size of this panel). */
  private _counters(counters: readonly CounterState[]) {
    const shown = counters.filter((k) => k.status !== 'closed');
    if (!shown.length) return html`<p class="muted">暂无开放窗口 · No counter open</p>`;
    return html`<div class="counters" data-testid="guide-counters">
      ${shown.map((k) => {
        const active = k.current?.status === 'called' || k.current?.status === 'serving';
        return html`<div class="counter ${k.status}" data-counter=${k.number}>
          <div class="name">${k.name}</div>
          <div class="current code">${active ? k.current?.code : '—'}</div>
        </div>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-board': DcGuideBoard;
  }
}
