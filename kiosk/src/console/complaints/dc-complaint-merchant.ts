import '@shoelace-style/shoelace/dist/components/popup/popup.js';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { placeOf, type Merchant } from '../merchants/merchant-types.ts';

/** What the desk chose: a merchant of the list (its id), or a name as typed. */
export interface MerchantChoice {
  merchantId?: number;
  merchantName: string;
  floor?: string;
}
export type MerchantPickEvent = CustomEvent<MerchantChoice>;

const SHOWN = 8;
const squash = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, '');

/** The merchants a typed text finds: by hanzi, brand, pinyin or initials, the closest first. Pure. */
export function findMerchants(all: readonly Merchant[], text: string): Merchant[] {
  const q = text.trim();
  if (!q) return [];
  const needle = squash(q);
  const score = (m: Merchant) =>
    m.name.startsWith(q)
      ? 0
      : m.name.includes(q)
        ? 1
        : squash(m.initials).startsWith(needle)
          ? 2
          : 3;
  return all
    .filter(
      (m) =>
        m.name.includes(q) ||
        [m.nameLatin, m.pinyin, m.initials].some((f) => squash(f).includes(needle)),
    )
    .sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name, 'zh'))
    .slice(0, SHOWN);
}

/**
 * The merchant of a complaint: typed, with the merchants' list offered beneath as it is typed
 * (a pick brings its id and floor); a name that is not on the list is kept as typed.
 */
@customElement('dc-complaint-merchant')
export class DcComplaintMerchant extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    sl-popup::part(popup) {
      z-index: 900;
    }
    .menu {
      background: var(--sl-color-neutral-0);
      border: 1px solid var(--sl-color-neutral-200);
      border-radius: var(--sl-border-radius-medium);
      box-shadow: var(--sl-shadow-large);
      padding: 0.25rem 0;
      max-height: 16rem;
      overflow-y: auto;
    }
    .item {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.4rem 0.8rem;
      cursor: pointer;
      font-size: 0.92rem;
    }
    .item[aria-selected='true'],
    .item:hover {
      background: var(--sl-color-primary-50);
    }
    .item .place {
      color: var(--sl-color-neutral-500);
      white-space: nowrap;
    }
    .note {
      font-size: 0.78rem;
      margin-top: 0.2rem;
      color: var(--sl-color-neutral-500);
    }
    .note.picked {
      color: var(--sl-color-success-700);
    }
    .error {
      color: var(--sl-color-danger-600);
      font-size: 0.8rem;
      margin-top: 0.2rem;
    }
  `;

  @property({ attribute: false }) merchants: Merchant[] = [];
  @property({ attribute: false }) value: MerchantChoice = { merchantName: '' };
  @property() label = '';
  @property() error = '';
  @state() private _open = false;
  @state() private _active = 0;

  override render() {
    const found = this._open ? findMerchants(this.merchants, this.value.merchantName) : [];
    const picked = this.merchants.find((m) => m.id === this.value.merchantId);
    return html`<sl-popup
        placement="bottom-start"
        sync="width"
        strategy="fixed"
        distance="2"
        ?active=${found.length > 0}
      >
        <sl-input
          slot="anchor"
          name="merchantName"
          label=${this.label}
          autocomplete="off"
          .value=${this.value.merchantName}
          @sl-input=${this._typed}
          @keydown=${(e: KeyboardEvent) => this._key(e, found)}
          @sl-blur=${() => setTimeout(() => (this._open = false), 150)}
        >
          <sl-icon slot="prefix" name="shop"></sl-icon>
        </sl-input>
        <div class="menu" role="listbox" data-testid="merchant-matches">
          ${found.map(
            (m, i) =>
              html`<div
                class="item"
                role="option"
                data-merchant=${m.id}
                aria-selected=${i === this._active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this._pick(m)}
              >
                <span>${m.name}</span><span class="place">${placeOf(m)}</span>
              </div>`,
          )}
        </div>
      </sl-popup>
      ${
        this.error
          ? html`<div class="error">${this.error}</div>`
          : picked
            ? html`<div class="note picked" data-testid="merchant-picked">
                <sl-icon name="check2"></sl-icon> 商户名单中的「${picked.name}」· ${placeOf(picked)}
              </div>`
            : this.value.merchantName.trim()
              ? html`<div class="note">
                  不在商户名单中，按填写的名称登记 · Not on the list: kept as typed
                </div>`
              : html`<div class="note">
                  输入名称、拼音或首字母查找 · Type a name, pinyin or initials
                </div>`
      }`;
  }

  private _typed = (e: Event) => {
    this._open = true;
    this._active = 0;
    // Typing makes it a name of the desk's own: the list's id only comes with a pick.
    this._send({ merchantName: (e.target as HTMLInputElement).value });
  };

  private _key(e: KeyboardEvent, found: Merchant[]): void {
    if (!found.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this._active = (this._active + step + found.length) % found.length;
    } else if (e.key === 'Enter') {
      const m = found[this._active];
      if (m) {
        e.preventDefault();
        this._pick(m);
      }
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      this._open = false;
    }
  }

  private _pick(m: Merchant): void {
    this._open = false;
    this._send({ merchantId: m.id, merchantName: m.name, floor: m.floor });
  }

  private _send(choice: MerchantChoice): void {
    this.dispatchEvent(
      new CustomEvent('merchant-pick', { detail: choice, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-complaint-merchant': DcComplaintMerchant;
  }
  interface HTMLElementEventMap {
    'merchant-pick': MerchantPickEvent;
  }
}
