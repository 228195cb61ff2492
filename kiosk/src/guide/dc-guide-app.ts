import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../lib/dc-pairing.ts';
import { baseStyles, darkTheme } from '../queue/queue-theme.ts';
import './dc-guide-attract.ts';
import type { DcGuideDirectory } from './dc-guide-directory.ts';
import './dc-guide-directory.ts';
import './dc-guide-desk.ts';
import './dc-guide-header.ts';
import type { GuideOpenEvent } from './dc-guide-promos.ts';
import './dc-guide-promos.ts';
import { GuideController } from './guide-controller.ts';
import { both, T } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideTab, Lang } from './guide-types.ts';

const TABS: { id: GuideTab; icon: string }[] = [
  { id: 'directory', icon: 'M3 4h18v2H3V4Zm0 7h18v2H3v-2Zm0 7h12v2H3v-2Z' },
  {
    id: 'promos',
    icon: 'M21 11 13 3H4a1 1 0 0 0-1 1v9l8 8a1.4 1.4 0 0 0 2 0l8-8a1.4 1.4 0 0 0 0-2ZM7.5 9A1.5 1.5 0 1 1 9 7.5 1.5 1.5 0 0 1 7.5 9Z',
  },
  {
    id: 'desk',
    icon: 'M12 2a7 7 0 0 1 7 7v3.6l1.7 2.9A1 1 0 0 1 19.8 17H4.2a1 1 0 0 1-.9-1.5L5 12.6V9a7 7 0 0 1 7-7Zm-2 17h4a2 2 0 0 1-4 0Z',
  },
];

/**
 * `/guide`: the guide screen (导视屏) by the entrance or the service desk, a `guide` device
 * touched by shoppers: the directory with search and floor maps, offers and events, and the
 * service desk with its ticket machine and calling board. After a minute without a touch it
 * goes back to the attract loop; Chinese and English at a tap.
 */
@customElement('dc-guide-app')
export class DcGuideApp extends LitElement {
  static override styles = [
    darkTheme,
    baseStyles,
    guideStyles,
    css`
      :host {
        height: 100vh;
        display: flex;
        flex-direction: column;
        gap: var(--g-gap);
        padding: 2vmin 2.4vmin 1.6vmin;
        overflow: hidden;
        user-select: none;
      }
      main {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      main > * {
        flex: 1;
        min-height: 0;
      }
      nav {
        display: flex;
        gap: var(--g-gap);
      }
      nav button {
        flex: 1;
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 1.4vmin;
        min-height: 8.5vmin;
        border-radius: var(--g-radius);
        background: var(--g-panel);
        font-size: 2.8vmin;
        font-weight: 600;
      }
      nav button .en {
        font-size: 1.9vmin;
      }
      nav button[aria-current='page'] {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
      }
      nav button[aria-current='page'] .en {
        color: inherit;
        opacity: 0.75;
      }
      @media (orientation: portrait) {
        nav button:not(.lang) {
          flex-direction: column;
          gap: 0.2vmin;
          line-height: 1.15;
        }
        nav button:not(.lang) svg {
          display: none;
        }
      }
      nav .lang {
        flex: 0 0 auto;
        padding: 0 3vmin;
        background: var(--g-raised);
      }
      .offline {
        position: fixed;
        right: 2.4vmin;
        bottom: 11.5vmin;
        z-index: 4;
        padding: 0.6vmin 1.6vmin;
        border-radius: 999px;
        background: rgba(0, 0, 0, 0.55);
        color: var(--dc-muted);
        font-size: 1.6vmin;
      }
      .loading {
        margin: auto;
        font-size: 3vmin;
        color: var(--dc-muted);
      }
      @media print {
        :host {
          height: auto;
          padding: 0;
          background: #fff;
        }
        dc-guide-header,
        nav,
        dc-guide-directory,
        dc-guide-promos,
        dc-guide-attract,
        .offline {
          display: none !important;
        }
      }
    `,
  ];

  private readonly _c = new GuideController(this);
  @state() private _tab: GuideTab = 'directory';
  @state() private _lang: Lang = 'zh';
  private _logoFn?: { version: number; fn: (url: string | null) => string | undefined };

  constructor() {
    super();
    this._c.onIdle = () => {
      this._tab = 'directory';
      this._lang = 'zh';
      this.renderRoot.querySelector<DcGuideDirectory>('dc-guide-directory')?.reset();
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture: the touch that ends the attract loop must not also press what lies under it.
    this.addEventListener('pointerdown', this._onTouch, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this._onTouch, { capture: true });
  }

  override render() {
    const c = this._c;
    if (!c.token) return html`<dc-pairing kind="guide"></dc-pairing>`;
    const d = c.data;
    // A new function once a logo has loaded, so the elements that show logos draw again.
    const v = c.logos.version;
    if (this._logoFn?.version !== v) this._logoFn = { version: v, fn: (url) => c.logos.get(url) };
    const logo = this._logoFn.fn;
    if (!d)
      return html`<p class="loading">
        ${c.live.error ? `无法载入 · Could not load: ${c.live.error}` : '正在载入… Loading…'}
      </p>`;
    return html`
      <dc-guide-header .data=${d} .now=${c.now} .locale=${this._lang}></dc-guide-header>
      <main>
        <dc-guide-directory
          data-view="directory"
          ?hidden=${this._tab !== 'directory'}
          .data=${d}
          .locale=${this._lang}
          .logo=${logo}
        ></dc-guide-directory>
        <dc-guide-promos
          data-view="promos"
          ?hidden=${this._tab !== 'promos'}
          .data=${d}
          .locale=${this._lang}
          .logo=${logo}
          @dc-guide-open=${this._onOpen}
        ></dc-guide-promos>
        <dc-guide-desk
          data-view="desk"
          ?hidden=${this._tab !== 'desk'}
          .data=${d}
          .locale=${this._lang}
        ></dc-guide-desk>
      </main>
      <nav>
        ${TABS.map(({ id, icon }) => {
          const [a, b] = both(id, this._lang);
          return html`<button
            data-tab=${id}
            aria-current=${this._tab === id ? 'page' : 'false'}
            @click=${() => (this._tab = id)}
          >
            <svg viewBox="0 0 24 24" width="4vmin" height="4vmin" aria-hidden="true">
              <path fill="currentColor" d=${icon} />
            </svg>
            ${a} <span class="en">${b}</span>
          </button>`;
        })}
        <button
          class="lang"
          data-testid="lang"
          @click=${() => (this._lang = this._lang === 'zh' ? 'en' : 'zh')}
        >
          ${T.language[this._lang]}
        </button>
      </nav>
      ${c.offline ? html`<div class="offline" data-testid="offline" role="status">${T.offline[this._lang]}</div>` : nothing}
      ${c.attract ? html`<dc-guide-attract data-testid="attract" .data=${d} .now=${c.now} .logo=${logo}></dc-guide-attract>` : nothing}
    `;
  }

  private readonly _onTouch = (e: Event) => {
    if (this._c.attract) {
      e.preventDefault();
      e.stopPropagation();
    }
    this._c.touch();
  };

  private _onOpen(e: GuideOpenEvent): void {
    this._tab = 'directory';
    this.renderRoot
      .querySelector<DcGuideDirectory>('dc-guide-directory')
      ?.show(e.detail.merchantId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-app': DcGuideApp;
  }
}
