import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../queue/queue-theme.ts';
import { both, floorName, say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideData, GuideMerchant, GuidePromo, Lang } from './guide-types.ts';

/** Each slide stays this long. */
export const SLIDE_MS = 7000;

export type GuideOpenEvent = CustomEvent<{ merchantId: number }>;

type Slide =
  | { kind: 'event'; name: string; to: string; hours?: string }
  | { kind: 'promo'; promo: GuidePromo; merchant: GuideMerchant };

/** The day's events, then every offer valid today with its shop. Pure. */
export function slidesOf(d: GuideData): Slide[] {
  const byId = new Map(d.merchants.map((m) => [m.id, m]));
  return [
    ...d.today.events.map((e): Slide => ({
      kind: 'event',
      name: e.name,
      to: e.to,
      ...(e.closes ? { hours: `${e.opens ?? d.today.hours?.opens ?? ''}–${e.closes}` } : {}),
    })),
    ...d.promos.flatMap((p): Slide[] => {
      const merchant = byId.get(p.merchantId);
      return merchant ? [{ kind: 'promo', promo: p, merchant }] : [];
    }),
  ];
}

/**
 * The offers and events as a carousel: one large slide at a time, turning by itself, the
 * dots to jump; a shop's slide opens its card in the directory (`dc-guide-open`). In the
 * attract loop it fills the screen and the dots are only a progress mark.
 */
@customElement('dc-guide-promos')
export class DcGuidePromos extends LitElement {
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
      .slide {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: auto 1fr;
        align-content: center;
        gap: 3vmin 4vmin;
        padding: 5vmin 6vmin;
        border-radius: 2vmin;
        background: linear-gradient(135deg, #8e0c22 0%, #c8102e 55%, #e0532d 100%);
        color: #fff;
        text-align: left;
        overflow-wrap: anywhere;
      }
      .slide.event {
        background: linear-gradient(135deg, #0f3b5f 0%, #17608f 60%, #2a8bb8 100%);
      }
      .logo {
        grid-row: span 3;
        align-self: center;
        width: 22vmin;
        height: 22vmin;
        border-radius: 2vmin;
        background: #fff;
        color: var(--g-brand);
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: 11vmin;
        font-weight: 800;
        object-fit: contain;
      }
      .kicker {
        font-size: 2.6vmin;
        letter-spacing: 0.1em;
        opacity: 0.85;
      }
      .title {
        font-size: 7vmin;
        font-weight: 800;
        line-height: 1.1;
      }
      .text {
        font-size: 2.8vmin;
        line-height: 1.45;
        opacity: 0.92;
      }
      .shop {
        grid-column: 2;
        font-size: 3vmin;
        font-weight: 600;
      }
      .shop b {
        display: inline-block;
        margin-left: 1.4vmin;
        padding: 0.4vmin 1.4vmin;
        border-radius: 1vmin;
        background: rgba(0, 0, 0, 0.25);
      }
      .dots {
        display: flex;
        justify-content: center;
        gap: 1.2vmin;
      }
      .dots button {
        width: 5vmin;
        height: 5vmin;
        border-radius: 50%;
        background: transparent;
        display: flex;
        align-items: center;
        justify-content: center;
      }
      .dots button::after {
        content: '';
        width: 1.8vmin;
        height: 1.8vmin;
        border-radius: 50%;
        background: var(--dc-muted);
      }
      .dots button[aria-current='true']::after {
        background: var(--dc-accent);
        width: 2.4vmin;
        height: 2.4vmin;
      }
      .empty {
        flex: 1;
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: 4vmin;
        color: var(--dc-muted);
      }
      @media (orientation: portrait) {
        .slide {
          grid-template-columns: 1fr;
          justify-items: center;
          text-align: center;
        }
        .logo {
          grid-row: auto;
        }
        .shop {
          grid-column: 1;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: GuideData;
  @property() locale: Lang = 'zh';
  @property({ attribute: false }) logo: (url: string | null) => string | undefined = () =>
    undefined;
  @state() private _at = 0;
  private _timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this._timer = setInterval(() => (this._at += 1), SLIDE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const slides = slidesOf(d);
    if (!slides.length) return html`<div class="empty">${say('noPromos', this.locale)}</div>`;
    const at = this._at % slides.length;
    const s = slides[at] as Slide;
    return html`
      ${this._slide(d, s)}
      <div class="dots" role="tablist">
        ${slides.map(
          (_, i) =>
            html`<button
              aria-label=${i + 1}
              aria-current=${i === at ? 'true' : 'false'}
              @click=${() => (this._at = i)}
            ></button>`,
        )}
      </div>
    `;
  }

  private _slide(d: GuideData, s: Slide) {
    if (s.kind === 'event') {
      const [k, kEn] = both('event', this.locale);
      return html`<div class="slide event" data-testid="slide">
        <div class="logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="12vmin" height="12vmin">
            <path
              fill="#17608f"
              d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9Z"
            />
          </svg>
        </div>
        <div class="kicker">${k} · ${kEn}</div>
        <div class="title">${s.name}</div>
        <div class="text">
          ${s.hours ? `${say('hours', this.locale)} ${s.hours} · ` : ''}${say('until', this.locale)}
          ${s.to}
        </div>
      </div>`;
    }
    const m = s.merchant;
    const src = this.logo(m.logoUrl);
    const [k, kEn] = both('promosOf', this.locale);
    return html`<button
      class="slide"
      data-testid="slide"
      data-merchant=${m.id}
      @click=${() => this._open(m.id)}
    >
      ${src ? html`<img class="logo" src=${src} alt="" />` : html`<span class="logo" aria-hidden="true">${[...m.name][0]}</span>`}
      <span class="kicker">${k} · ${kEn}</span>
      <span class="title">${s.promo.title}</span>
      ${s.promo.text ? html`<span class="text">${s.promo.text}</span>` : nothing}
      <span class="shop"
        >${m.name}${m.nameLatin ? ` · ${m.nameLatin}` : ''}<b
          >${m.floor} ${floorName(m.floor, this.locale, d.floors)}${m.unit ? ` · ${m.unit}` : ''}</b
        >${s.promo.validTo ? html` <span class="text">${say('until', this.locale)} ${s.promo.validTo}</span>` : nothing}</span
      >
    </button>`;
  }

  private _open(merchantId: number): void {
    this.dispatchEvent(
      new CustomEvent('dc-guide-open', {
        detail: { merchantId },
        bubbles: true,
        composed: true,
      }) satisfies GuideOpenEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-promos': DcGuidePromos;
  }
  interface HTMLElementEventMap {
    'dc-guide-open': GuideOpenEvent;
  }
}
