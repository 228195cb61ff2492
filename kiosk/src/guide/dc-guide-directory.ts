import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../queue/queue-theme.ts';
import type { GuideKeyEvent } from './dc-guide-keyboard.ts';
import './dc-guide-keyboard.ts';
import './dc-guide-map.ts';
import { both, floorName, say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideData, GuideMerchant, Lang } from './guide-types.ts';
import { buildIndex, search, type SearchIndex } from './merchant-search.ts';

type Mode = 'floor' | 'category';

/** Cards per page: a kiosk pages, it never scrolls. [columns, rows] by orientation and view. */
const GRID = {
  landscape: { browse: [3, 2], list: [3, 5], category: [3, 4] },
  portrait: { browse: [3, 3], list: [3, 5], category: [3, 5] },
} as const;

const portrait = () => matchMedia('(orientation: portrait)').matches;

/**
 * The directory (导购): search with the on-screen keyboard, or browse by floor (with the
 * floor's map) or by category; a shop opens its card: where it is, its hours and phone, its
 * offers, and its unit lit up on its floor's map beside "you are here".
 */
@customElement('dc-guide-directory')
export class DcGuideDirectory extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 38fr 62fr;
        grid-template-areas: 'input view';
        gap: var(--g-gap);
        min-height: 0;
        background: transparent;
      }
      .input {
        grid-area: input;
        display: flex;
        flex-direction: column;
        gap: var(--g-gap);
        min-height: 0;
      }
      .view {
        grid-area: view;
        display: flex;
        flex-direction: column;
        gap: var(--g-gap);
        min-height: 0;
        min-width: 0;
      }
      .panel {
        background: var(--g-panel);
        border-radius: var(--g-radius);
        padding: var(--g-gap);
      }
      .query {
        display: flex;
        align-items: center;
        gap: 1.4vmin;
        min-height: 9vmin;
        padding: 0 2vmin;
        border-radius: var(--g-radius);
        background: #fff;
        color: #17212b;
        border: 0.4vmin solid var(--dc-accent);
      }
      .query svg {
        flex: none;
        color: #5b6b7b;
      }
      .query input {
        flex: 1;
        min-width: 0;
        border: 0;
        outline: 0;
        font: inherit;
        font-size: 3.6vmin;
        background: transparent;
        color: inherit;
        text-transform: lowercase;
      }
      .query input::placeholder {
        color: #7a8896;
        font-size: 2.2vmin;
        text-transform: none;
      }
      .modes,
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 1vmin;
      }
      .chips .chip {
        min-height: 6vmin;
        padding: 0 1.6vmin;
        font-size: 2vmin;
      }
      .modes .chip {
        flex: 1;
      }
      dc-guide-keyboard {
        flex: 1;
        min-height: 0;
      }
      .hint {
        margin: 0;
        font-size: var(--g-small);
        line-height: 1.5;
        color: var(--dc-text);
      }
      .hint .en {
        font-size: 1.5vmin;
      }
      h2 {
        margin: 0;
        font-size: var(--g-title);
        font-weight: 600;
        display: flex;
        align-items: baseline;
        gap: 1.5vmin;
      }
      h2 .en {
        font-size: 2vmin;
      }
      h2 .count {
        margin-left: auto;
        font-size: 2vmin;
        color: var(--dc-muted);
        font-weight: 400;
      }
      .grid {
        flex: 1;
        min-height: 0;
        display: grid;
        gap: 1.2vmin;
      }
      .card {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        gap: 1.4vmin;
        min-height: 0;
        padding: 1vmin 1.4vmin;
        border-radius: var(--g-radius);
        background: var(--g-raised);
        text-align: left;
      }
      .card:active {
        outline: 0.4vmin solid var(--dc-accent);
      }
      .logo {
        width: 7vmin;
        height: 7vmin;
        border-radius: 1vmin;
        display: flex;
        align-items: center;
        justify-content: center;
        background: #fff;
        color: var(--g-brand);
        font-size: 3.4vmin;
        font-weight: 700;
        object-fit: contain;
      }
      .text {
        min-width: 0;
      }
      .name,
      .meta {
        display: block;
      }
      .name {
        font-size: 2.3vmin;
        font-weight: 600;
        line-height: 1.2;
        overflow-wrap: anywhere;
      }
      .name.long {
        font-size: 1.9vmin;
      }
      .meta {
        font-size: 1.7vmin;
        color: var(--dc-muted);
        line-height: 1.3;
      }
      .meta b {
        color: var(--dc-accent);
        font-weight: 600;
      }
      .pager {
        display: flex;
        align-items: center;
        justify-content: flex-end;
        gap: 1.4vmin;
        font-size: var(--g-small);
        color: var(--dc-muted);
      }
      .pager .chip {
        min-height: 6vmin;
      }
      .pager .chip:disabled {
        opacity: 0.35;
      }
      .floor-map {
        flex: 2;
        min-height: 0;
        border-radius: var(--g-radius);
        background: #f6f3ee;
      }
      .empty {
        font-size: var(--g-text);
        color: var(--dc-muted);
        padding: 3vmin;
      }
      /* A shop's card */
      .detail {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 1.2vmin 2.4vmin;
        align-items: start;
      }
      .detail .logo {
        width: 9vmin;
        height: 9vmin;
        font-size: 4.6vmin;
        grid-row: span 2;
      }
      .detail h3 {
        margin: 0;
        font-size: 3.6vmin;
        line-height: 1.15;
        overflow-wrap: anywhere;
      }
      .detail h3 .en {
        display: block;
        font-size: 2.2vmin;
        margin-top: 0.4vmin;
      }
      .facts {
        grid-column: 2 / 4;
        display: flex;
        flex-wrap: wrap;
        gap: 0.8vmin 3vmin;
        font-size: var(--g-text);
      }
      .facts .where {
        color: var(--dc-accent);
        font-weight: 700;
      }
      .desc {
        grid-column: 2 / 4;
        margin: 0;
        font-size: var(--g-small);
        color: var(--dc-muted);
      }
      .offers {
        grid-column: 1 / 4;
        display: flex;
        flex-wrap: wrap;
        gap: 1vmin;
      }
      .offer {
        padding: 0.8vmin 1.6vmin;
        border-radius: 1vmin;
        background: var(--g-brand);
        color: #fff;
        font-size: var(--g-small);
        font-weight: 600;
      }
      .back {
        min-height: var(--g-touch);
        padding: 0 2.4vmin;
        border-radius: var(--g-radius);
        background: var(--g-raised);
        font-size: var(--g-text);
        display: flex;
        align-items: center;
        gap: 1vmin;
      }
      .route {
        font-size: var(--g-text);
        padding: 1vmin 1.6vmin;
        border-radius: 1vmin;
        background: rgba(224, 58, 58, 0.18);
        border-left: 0.6vmin solid #e03a3a;
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: 1fr;
          grid-template-rows: 1fr auto;
          grid-template-areas: 'view' 'input';
        }
        .floor-map {
          flex: 1;
        }
        .hint {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: GuideData;
  @property() locale: Lang = 'zh';
  /** A logo's data URL, or undefined while it loads. */
  @property({ attribute: false }) logo: (url: string | null) => string | undefined = () =>
    undefined;
  @state() private _query = '';
  @state() private _mode: Mode = 'floor';
  @state() private _floor = '';
  @state() private _category = '';
  @state() private _page = 0;
  @state() private _selected?: number;
  @state() private _portrait = portrait();
  private _index?: SearchIndex;
  private _indexed?: readonly GuideMerchant[];
  private readonly _media = matchMedia('(orientation: portrait)');
  private readonly _onOrientation = () => (this._portrait = this._media.matches);

  override connectedCallback(): void {
    super.connectedCallback();
    this._media.addEventListener('change', this._onOrientation);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._media.removeEventListener('change', this._onOrientation);
  }

  /** Back to the start: no query, the screen's own floor, no shop open. */
  reset(): void {
    this._query = '';
    this._mode = 'floor';
    this._floor = '';
    this._category = '';
    this._page = 0;
    this._selected = undefined;
  }

  /** Opens a shop's card (from an offer). */
  show(merchantId: number): void {
    this._query = '';
    this._selected = merchantId;
  }

  override willUpdate(changed: PropertyValues): void {
    const merchants = this.data?.merchants;
    if (changed.has('data') && merchants && merchants !== this._indexed) {
      this._indexed = merchants;
      const index = (this._index = buildIndex(merchants));
      // While nobody is typing: run the search's code once, so the first shopper's first
      // keys do not wait for the browser to compile it.
      const warm = () => {
        for (const q of ['l', 'lan', 'ltsf', 'lantingsf', 'xqzwk', 'a201']) search(index, q);
      };
      if ('requestIdleCallback' in globalThis) requestIdleCallback(warm);
      else setTimeout(warm, 500);
    }
  }

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const selected = d.merchants.find((m) => m.id === this._selected);
    return html`
      <div class="input">${this._input(d)}</div>
      <div class="view">${selected ? this._detail(d, selected) : this._list(d)}</div>
    `;
  }

  private _input(d: GuideData) {
    const [zh, en] = both('search', this.locale);
    return html`
      <label class="query">
        <svg viewBox="0 0 24 24" width="4.4vmin" height="4.4vmin" aria-hidden="true">
          <path
            fill="currentColor"
            d="M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2Zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12Z"
          />
        </svg>
        <input
          data-testid="search"
          inputmode="none"
          autocomplete="off"
          spellcheck="false"
          placeholder="${zh} · ${en}"
          .value=${this._query}
          @input=${(e: InputEvent) => this._setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="modes" role="group">
        ${(['floor', 'category'] as const).map((m) => {
          const [a, b] = both(m === 'floor' ? 'byFloor' : 'byCategory', this.locale);
          return html`<button
            class="chip"
            aria-pressed=${this._mode === m && !this._query ? 'true' : 'false'}
            data-mode=${m}
            @click=${() => this._setMode(m)}
          >
            ${a} <span class="en">${b}</span>
          </button>`;
        })}
      </div>
      ${this._mode === 'floor' ? html`<div class="chips" role="group">${this._floorChips(d)}</div>` : nothing}
      <p class="hint">
        ${both('hint', this.locale)[0]}<br /><span class="en">${both('hint', this.locale)[1]}</span>
      </p>
      <dc-guide-keyboard .locale=${this.locale} @dc-guide-key=${this._onKey}></dc-guide-keyboard>
    `;
  }

  private _floorChips(d: GuideData) {
    const floor = this._currentFloor(d);
    return this._floorIds(d).map(
      (id) =>
        html`<button
          class="chip"
          data-floor=${id}
          aria-pressed=${!this._query && floor === id ? 'true' : 'false'}
          @click=${() => {
            this._query = '';
            this._floor = id;
            this._page = 0;
            this._selected = undefined;
          }}
        >
          <b>${id}</b>
          ${floorName(id, this.locale, d.floors) === id ? '' : floorName(id, this.locale, d.floors)}
        </button>`,
    );
  }

  private _categoryChips(d: GuideData) {
    const used = new Set(d.merchants.map((m) => m.category));
    const cats = [
      { code: '', zh: '全部', en: 'All' },
      ...d.categories.filter((c) => used.has(c.code)),
    ];
    return cats.map(
      (c) =>
        html`<button
          class="chip"
          data-category=${c.code || 'all'}
          aria-pressed=${!this._query && this._category === c.code ? 'true' : 'false'}
          @click=${() => {
            this._query = '';
            this._category = c.code;
            this._page = 0;
            this._selected = undefined;
          }}
        >
          ${c[this.locale]}
        </button>`,
    );
  }

  /** The floors with a map or a shop, bottom up. */
  private _floorIds(d: GuideData): string[] {
    const rank = (f: string) => (f.startsWith('B') ? -Number(f.slice(1)) : Number.parseInt(f, 10));
    const ids = new Set([...d.floors.map((f) => f.id), ...d.merchants.map((m) => m.floor)]);
    return [...ids].sort((a, b) => rank(a) - rank(b));
  }

  /** The floor chosen, or the one this screen stands on, or the lowest. */
  private _currentFloor(d: GuideData): string {
    return this._floor || d.here?.floor || this._floorIds(d)[0] || '';
  }

  private _list(d: GuideData) {
    let title: [string, string];
    let shops: GuideMerchant[];
    let map: string | undefined;
    if (this._query) {
      const byId = new Map(d.merchants.map((m) => [m.id, m]));
      shops = search(this._index ?? buildIndex([]), this._query).flatMap(
        (h) => byId.get(h.id) ?? [],
      );
      title = both('results', this.locale);
    } else if (this._mode === 'floor') {
      const floor = this._currentFloor(d);
      shops = d.merchants.filter((m) => m.floor === floor);
      title = [`${floor} ${floorName(floor, this.locale, d.floors)}`, ''];
      map = floor;
    } else {
      shops = d.merchants.filter((m) => !this._category || m.category === this._category);
      const c = d.categories.find((x) => x.code === this._category);
      title = c ? (this.locale === 'zh' ? [c.zh, c.en] : [c.en, c.zh]) : both('all', this.locale);
    }
    const orientation = this._portrait ? 'portrait' : 'landscape';
    const view =
      map && d.floors.some((f) => f.id === map)
        ? 'browse'
        : this._mode === 'category' && !this._query
          ? 'category'
          : 'list';
    const [cols, rows] = GRID[orientation][view];
    const size = cols * rows;
    const pages = Math.max(1, Math.ceil(shops.length / size));
    const page = Math.min(this._page, pages - 1);
    const shown = shops.slice(page * size, page * size + size);
    const floor = map ? d.floors.find((f) => f.id === map) : undefined;
    return html`
      ${
        this._mode === 'category' && !this._query
          ? html`<div class="chips" role="group">${this._categoryChips(d)}</div>`
          : nothing
      }
      ${
        floor
          ? html`<dc-guide-map
              class="floor-map"
              .floor=${floor}
              .merchants=${shops}
              .here=${d.here}
              .locale=${this.locale}
            ></dc-guide-map>`
          : nothing
      }
      <h2>
        ${title[0]} <span class="en">${title[1]}</span>
        <span class="count" data-testid="count">${shops.length} ${say('shops', this.locale)}</span>
      </h2>
      ${
        shops.length === 0
          ? html`<p class="empty" data-testid="no-result">
              ${say(this._query ? 'noResult' : 'noPromos', this.locale)}
            </p>`
          : html`<div
              class="grid"
              data-testid="results"
              style="grid-template-columns: repeat(${cols}, minmax(0, 1fr)); grid-template-rows: repeat(${rows}, minmax(0, 1fr))"
            >
              ${shown.map((m) => this._card(d, m))}
            </div>`
      }
      ${
        pages > 1
          ? html`<div class="pager">
              <span>${page + 1} / ${pages}</span>
              <button
                class="chip"
                data-testid="prev"
                ?disabled=${page === 0}
                @click=${() => (this._page = page - 1)}
              >
                ${say('prev', this.locale)}
              </button>
              <button
                class="chip"
                data-testid="next"
                ?disabled=${page >= pages - 1}
                @click=${() => (this._page = page + 1)}
              >
                ${say('next', this.locale)}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  private _logo(m: GuideMerchant) {
    const src = this.logo(m.logoUrl);
    return src
      ? html`<img class="logo" src=${src} alt="" />`
      : html`<span class="logo" aria-hidden="true">${[...m.name][0]}</span>`;
  }

  private _card(d: GuideData, m: GuideMerchant) {
    const cat = d.categories.find((c) => c.code === m.category);
    // A long name takes two lines: the brand waits for the shop's card.
    const long = m.name.length > 10;
    return html`<button class="card" data-merchant=${m.id} @click=${() => (this._selected = m.id)}>
      ${this._logo(m)}
      <span class="text">
        <span class="name ${long ? 'long' : ''}">${m.name}</span>
        <span class="meta"
          ><b>${m.floor}${m.unit ? ` · ${m.unit}` : ''}</b> ${cat ? cat[this.locale] : ''}${
            m.nameLatin && !long ? ` · ${m.nameLatin}` : ''
          }</span
        >
      </span>
    </button>`;
  }

  private _detail(d: GuideData, m: GuideMerchant) {
    const cat = d.categories.find((c) => c.code === m.category);
    const floor = d.floors.find((f) => f.id === m.floor);
    const hours =
      m.opens && m.closes
        ? `${m.opens}–${m.closes}`
        : d.today.hours
          ? `${d.today.hours.opens}–${d.today.hours.closes}`
          : '';
    const offers = d.promos.filter((p) => p.merchantId === m.id);
    const here = d.here;
    const [hoursZh] = both('hours', this.locale);
    return html`
      <div class="panel detail" data-testid="detail">
        ${this._logo(m)}
        <h3>${m.name}${m.nameLatin ? html`<span class="en">${m.nameLatin}</span>` : nothing}</h3>
        <button class="back" data-testid="back" @click=${() => (this._selected = undefined)}>
          <svg viewBox="0 0 24 24" width="3vmin" height="3vmin" aria-hidden="true">
            <path fill="currentColor" d="M15.4 4.6 14 3.2 5.2 12l8.8 8.8 1.4-1.4L8 12z" />
          </svg>
          ${say('back', this.locale)}
        </button>
        <div class="facts">
          <span class="where" data-testid="where"
            >${m.floor}
            ${floorName(m.floor, this.locale, d.floors)}${m.unit ? ` · ${m.unit}` : ''}</span
          >
          ${cat ? html`<span>${cat[this.locale]}</span>` : nothing}
          ${hours ? html`<span>${hoursZh} ${hours}</span>` : nothing}
          ${m.phone ? html`<span>${say('phone', this.locale)} ${m.phone}</span>` : nothing}
        </div>
        ${m.description ? html`<p class="desc">${m.description}</p>` : nothing}
        ${
          offers.length
            ? html`<div class="offers">
                ${offers.map((p) => html`<span class="offer">${p.title}</span>`)}
              </div>`
            : nothing
        }
      </div>
      ${
        here && here.floor !== m.floor
          ? html`<div class="route" data-testid="route">
              ${say('youAreHere', this.locale)}: ${here.floor}
              ${this.locale === 'zh' ? here.name : here.nameEn} → ${say('otherFloor', this.locale)}
              <b>${m.floor} ${floorName(m.floor, this.locale, d.floors)}</b>
            </div>`
          : nothing
      }
      ${
        floor
          ? html`<dc-guide-map
              class="floor-map"
              data-testid="detail-map"
              .floor=${floor}
              .merchants=${d.merchants.filter((x) => x.floor === m.floor)}
              .unit=${m.unit ?? ''}
              .here=${here}
              .locale=${this.locale}
            ></dc-guide-map>`
          : nothing
      }
    `;
  }

  private _setQuery(q: string): void {
    this._query = q;
    this._page = 0;
    this._selected = undefined;
  }

  private _setMode(m: Mode): void {
    this._mode = m;
    this._query = '';
    this._page = 0;
    this._selected = undefined;
  }

  private _onKey(e: GuideKeyEvent): void {
    const k = e.detail.key;
    if (k === 'Backspace') this._setQuery(this._query.slice(0, -1));
    else if (k === 'Clear') this._setQuery('');
    else if (this._query.length < 30) this._setQuery(this._query + k);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-directory': DcGuideDirectory;
  }
}
