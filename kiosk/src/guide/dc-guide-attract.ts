import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, dateText } from '../queue/queue-format.ts';
import { baseStyles } from '../queue/queue-theme.ts';
import './dc-guide-promos.ts';
import { T } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideData } from './guide-types.ts';

/**
 * What the screen shows while nobody touches it: the mall, the time, the day's offers and
 * events turning by themselves, and a call to touch. Both languages at once: nobody has
 * chosen one yet.
 */
@customElement('dc-guide-attract')
export class DcGuideAttract extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 5;
        display: flex;
        flex-direction: column;
        gap: 3vmin;
        padding: 4vmin 5vmin;
        background: radial-gradient(circle at 20% 0%, #23405c 0%, #14202c 60%);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 3vmin;
      }
      h1 {
        margin: 0;
        font-size: 6vmin;
        letter-spacing: 0.06em;
      }
      h1 .en {
        display: block;
        font-size: 2.4vmin;
        letter-spacing: 0.14em;
        text-transform: uppercase;
      }
      .time {
        font-size: 7vmin;
        font-weight: 600;
        text-align: right;
        line-height: 1;
      }
      .date {
        font-size: 2.2vmin;
        color: var(--dc-muted);
        text-align: right;
      }
      .body {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: 62fr 38fr;
        gap: 3vmin;
      }
      .floors {
        display: flex;
        flex-direction: column;
        gap: 1.4vmin;
        padding: 2.4vmin;
        border-radius: 2vmin;
        background: rgba(255, 255, 255, 0.06);
      }
      .floors h2 {
        margin: 0 0 0.6vmin;
        font-size: 3vmin;
      }
      .floors h2 .en {
        font-size: 2vmin;
      }
      .floor {
        flex: 1;
        display: grid;
        grid-template-columns: 11vmin 1fr;
        align-items: center;
        gap: 2vmin;
        padding: 1.2vmin 1.6vmin;
        border-radius: 1.4vmin;
        background: var(--g-panel);
      }
      .floor b {
        font-size: 5vmin;
        color: var(--dc-accent);
      }
      .floor .what {
        font-size: 2.5vmin;
        line-height: 1.35;
      }
      .floor .what .en {
        display: block;
        font-size: 1.8vmin;
      }
      @media (orientation: portrait) {
        .body {
          grid-template-columns: 1fr;
          grid-template-rows: 58fr 42fr;
        }
      }
      .touch {
        align-self: center;
        display: flex;
        align-items: center;
        gap: 2vmin;
        padding: 2vmin 5vmin;
        border-radius: 999px;
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-size: 3.6vmin;
        font-weight: 700;
        animation: breathe 2.4s ease-in-out infinite;
      }
      .touch .en {
        color: inherit;
        opacity: 0.75;
        font-size: 2.4vmin;
      }
      @keyframes breathe {
        50% {
          transform: scale(1.05);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .touch {
          animation: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: GuideData;
  @property({ type: Number }) now = Date.now();
  @property({ attribute: false }) logo: (url: string | null) => string | undefined = () =>
    undefined;

  override render() {
    const d = this.data;
    if (!d) return nothing;
    return html`
      <header>
        <h1>${d.site.name}<span class="en">${d.site.nameEn}</span></h1>
        <div>
          <div class="time">${clockTime(this.now, d.site.timezone)}</div>
          <div class="date">${dateText(this.now, d.site.timezone)}</div>
        </div>
      </header>
      <div class="body">
        <dc-guide-promos .data=${d} locale="zh" .logo=${this.logo}></dc-guide-promos>
        ${this._floors(d)}
      </div>
      <div class="touch" data-testid="touch-to-start">
        <svg viewBox="0 0 24 24" width="5vmin" height="5vmin" aria-hidden="true">
          <path
            fill="currentColor"
            d="M9 2a2 2 0 0 1 2 2v6.3l5.4 1.3a2 2 0 0 1 1.5 2.3l-1 6.4A2 2 0 0 1 15 22H9.6a2 2 0 0 1-1.6-.8l-4.3-5.7a1.5 1.5 0 0 1 2.2-2L7 14.5V4a2 2 0 0 1 2-2Z"
          />
        </svg>
        ${T.touch.zh} <span class="en">${T.touch.en}</span>
      </div>
    `;
  }

  /** 楼层导览: what each floor sells, top floor first, as on a mall's directory board. */
  private _floors(d: GuideData) {
    const rank = (f: string) => (f.startsWith('B') ? -Number(f.slice(1)) : Number.parseInt(f, 10));
    const ids = [...new Set(d.merchants.map((m) => m.floor))].sort((a, b) => rank(b) - rank(a));
    return html`<section class="floors" data-testid="floor-guide">
      <h2>楼层导览 <span class="en">Floor guide</span></h2>
      ${ids.map((id) => {
        const here = new Set(d.merchants.filter((m) => m.floor === id).map((m) => m.category));
        const cats = d.categories.filter((c) => here.has(c.code));
        return html`<div class="floor">
          <b>${id}</b>
          <div class="what">
            ${cats.map((c) => c.zh).join(' · ')}
            <span class="en">${cats.map((c) => c.en).join(' · ')}</span>
          </div>
        </div>`;
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-attract': DcGuideAttract;
  }
}
