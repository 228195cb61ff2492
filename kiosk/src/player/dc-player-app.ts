import '../lib/dc-enable-sound.ts';
import '../lib/dc-pairing.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { TimedItem } from '../../../core/timeline.ts';
import { icon } from '../lib/icons.ts';
import { PlayerController } from './player-controller.ts';

const SLOT_NAMES: Record<string, string> = {
  'staff-song': '员工歌曲',
  'welcome-music': '迎宾曲',
  'welcome-speech': '欢迎语',
  background: '背景音乐',
  weather: '天气预报',
  promos: '厂商促销',
  'event-announcement': '活动信息',
  'holiday-greeting': '节日祝福',
  'farewell-music': '送宾曲',
};

/**
 * `/player`: the kiosk wired to the PA amplifier. Plays the day by itself; what it shows is
 * for staff walking past: the time, what is playing, what comes next, and anything wrong.
 */
@customElement('dc-player-app')
export class DcPlayerApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      box-sizing: border-box;
      padding: 3vh 4vw;
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', system-ui, sans-serif;
      color: #e8eef5;
      background: #14202c;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
    }
    .clock {
      font-size: 12vh;
      font-variant-numeric: tabular-nums;
      font-weight: 300;
    }
    .date {
      font-size: 3vh;
      opacity: 0.7;
    }
    .conn {
      font-size: 2.4vh;
      text-align: right;
    }
    .ok {
      color: #7bd88f;
    }
    .bad {
      color: #ff8a7a;
    }
    section {
      margin-top: 4vh;
    }
    .label {
      font-size: 2.2vh;
      opacity: 0.6;
      letter-spacing: 0.1em;
    }
    .now {
      font-size: 5vh;
      margin: 0.5vh 0;
    }
    .now .icon {
      vertical-align: -0.12em;
    }
    .slot {
      font-size: 2.6vh;
      opacity: 0.8;
    }
    progress {
      width: 100%;
      height: 1.2vh;
      accent-color: #7bb7ff;
    }
    .next {
      font-size: 3.2vh;
    }
    .meter {
      height: 1vh;
      background: #7bd88f;
      transition: width 0.1s linear;
    }
    .banner {
      margin-top: 3vh;
      padding: 1.5vh 2vw;
      border-radius: 1vh;
      background: #5b2320;
      font-size: 2.8vh;
    }
  `;

  private readonly _c = new PlayerController(this);

  override render() {
    const c = this._c;
    // Not registered yet: the pairing code, until an admin enters it in the console.
    if (!c.token) return html`<dc-pairing kind="player"></dc-pairing>`;
    const tz = c.plans?.timezone ?? 'Asia/Shanghai';
    const now = c.clock ? c.clock.now() : Date.now();
    const s = c.status;
    const playing = s.announcement ? undefined : (s.voice ?? s.bed);
    return html`
      <header>
        <div>
          <div class="clock">
            ${fmt(now, tz, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })}
          </div>
          <div class="date">
            ${fmt(now, tz, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
          </div>
        </div>
        <div class="conn">
          <div class=${c.stream === 'open' ? 'ok' : 'bad'} data-testid="connection">
            ${c.stream === 'open' ? '已连接服务器' : c.stream === 'connecting' ? '正在连接…' : '服务器无法连接，按已保存的节目单播放'}
          </div>
          <div>时钟偏差 ${c.clock ? `${Math.round(c.clock.offsetMs)} ms` : '—'}</div>
        </div>
      </header>
      <section>
        <div class="label">正在播放 NOW PLAYING</div>
        ${
          s.announcement
            ? html`<div class="now" data-testid="now-playing">
                  ${icon('announce')} ${s.announcement.title ?? s.announcement.text ?? '广播通知'}
                </div>
                <div class="slot">
                  ${s.announcement.priority === 'emergency' ? '紧急广播' : '临时广播'}
                </div>`
            : playing
              ? html`<div class="now" data-testid="now-playing">${playing.item.title}</div>
                  <div class="slot">
                    ${SLOT_NAMES[playing.item.slot] ?? playing.item.slot} · 音量
                    ${playing.item.volume}
                  </div>
                  <progress max="1" .value=${playing.progress}></progress>`
              : html`<div class="now" data-testid="now-playing">— 静音 —</div>`
        }
        <div class="meter" style="width:${Math.round((c.engine?.level() ?? 0) * 100)}%"></div>
      </section>
      <section>
        <div class="label">下一项 NEXT</div>
        ${s.next ? this._next(s.next, tz) : html`<div class="next">今天没有更多节目</div>`}
      </section>
      ${c.error ? html`<div class="banner">${c.error}</div>` : nothing}
      ${!c.serverReachable ? html`<div class="banner">服务器暂时无法连接：继续按已保存的节目单播放。</div>` : nothing}
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

  private _next(item: TimedItem, tz: string) {
    return html`<div class="next">
      ${fmt(item.startMs, tz, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })}
      · ${SLOT_NAMES[item.slot] ?? item.slot} · ${item.title}
    </div>`;
  }
}

function fmt(ms: number, timeZone: string, o: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, ...o }).format(ms);
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-player-app': DcPlayerApp;
  }
}
