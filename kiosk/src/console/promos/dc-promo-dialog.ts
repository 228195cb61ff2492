import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import { fieldErrors, placeOf, type Merchant } from '../merchants/merchant-types.ts';
import type { DcPromoPreview } from './dc-promo-preview.ts';
import {
  bodyOf,
  createBodyOf,
  draftOf,
  type DayPart,
  type MediaItem,
  type PromoDraft,
  type StoredPromo,
} from './promo-types.ts';
import './dc-promo-preview.ts';
import './dc-promo-content.ts';
import './dc-promo-when.ts';

/**
 * The form for one promo, new or existing: its merchant, what it says (a recording from the
 * library, or text spoken by TTS, to listen to first), when it may play, and how often (by
 * weight, or a number of plays an hour); beside it the day's loop as it would play, before
 * anything is saved.
 */
@customElement('dc-promo-dialog')
export class DcPromoDialog extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(74rem, 96vw);
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
        gap: 1.25rem;
      }
      .side {
        border-left: 1px solid var(--sl-color-neutral-200);
        padding-left: 1.25rem;
        min-width: 0;
      }
      @media (max-width: 1000px) {
        .cols {
          grid-template-columns: minmax(0, 1fr);
        }
        .side {
          border-left: none;
          padding-left: 0;
        }
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) merchants: Merchant[] = [];
  @property({ attribute: false }) dayParts: DayPart[] = [];
  @state() private _promo?: StoredPromo;
  @state() private _draft: PromoDraft = draftOf();
  @state() private _errors: Record<string, string> = {};
  @state() private _media: MediaItem[] = [];
  @state() private _busy = false;

  /** Opens the form on a promo, or empty for a new one (of a merchant, if given). */
  show(promo?: StoredPromo, merchantId?: number): void {
    this._promo = promo;
    this._draft = { ...draftOf(promo), ...(merchantId ? { merchantId: String(merchantId) } : {}) };
    this._errors = {};
    if (!this._media.length) void this._loadMedia();
    void this.updateComplete.then(() => {
      const today = this.session.site.today;
      const from = promo?.validFrom;
      this._preview()?.reset(from && from > today ? from : today);
      void this._dialog()?.show();
    });
  }

  override render() {
    const p = this._promo;
    const d = this._draft;
    const body = createBodyOf(d);
    return html`<sl-dialog
      label=${p ? `编辑促销 · Edit promo：${p.title}` : '新建促销 · New promo'}
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
      @preview-refused=${(e: CustomEvent) => (this._errors = this._errorsOf(e.detail))}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <div class="cols">
        <div class="form">
          ${this._merchantField()}
          <div class="wide">
            <sl-input
              name="title"
              label="促销内容 · Title"
              required
              maxlength="200"
              .value=${d.title}
              @sl-input=${(e: Event) => this._set({ title: (e.target as HTMLInputElement).value })}
            ></sl-input>
            ${this._error('title')}
          </div>
          <dc-promo-content
            class="wide"
            .draft=${d}
            .media=${this._media}
            .errors=${this._errors}
            @draft-change=${(e: CustomEvent<Partial<PromoDraft>>) => this._set(e.detail)}
          ></dc-promo-content>
          <dc-promo-when
            class="wide"
            .draft=${d}
            .dayParts=${this.dayParts}
            .errors=${this._errors}
            @draft-change=${(e: CustomEvent<Partial<PromoDraft>>) => this._set(e.detail)}
          ></dc-promo-when>
        </div>
        <div class="side">
          <h2>当天轮播预览<span class="en">The day's promo loop</span></h2>
          <dc-promo-preview .promo=${body} key=${JSON.stringify(body)}></dc-promo-preview>
        </div>
      </div>
      <sl-button slot="footer" ?disabled=${this._busy} @click=${() => void this._dialog()?.hide()}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-promo"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>保存 · Save
      </sl-button>
    </sl-dialog>`;
  }

  private _merchantField() {
    const current = Number(this._draft.merchantId);
    const options = this.merchants.filter((m) => !m.retired || m.id === current);
    return html`<div class="wide">
      <sl-select
        name="merchantId"
        label="商户 · Merchant"
        required
        placeholder="选择商户 · Choose the merchant"
        .value=${this._draft.merchantId}
        @sl-change=${(e: Event) => this._set({ merchantId: (e.target as HTMLSelectElement).value })}
      >
        ${options.map(
          (m) => html`<sl-option value=${String(m.id)}>${m.name} · ${placeOf(m)}</sl-option>`,
        )}
      </sl-select>
      ${this._error('merchantId')}
    </div>`;
  }

  private _error(f: string) {
    return this._errors[f]
      ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
      : undefined;
  }

  private _set(change: Partial<PromoDraft>): void {
    this._draft = { ...this._draft, ...change };
    const cleared = Object.keys(change);
    if (cleared.some((k) => this._errors[k]))
      this._errors = Object.fromEntries(
        Object.entries(this._errors).filter(([k]) => !cleared.includes(k)),
      );
  }

  /** The server's field errors, without the `promos.0.` a preview puts before them. */
  private _errorsOf(err: unknown): Record<string, string> {
    const all = fieldErrors(err);
    return Object.fromEntries(
      Object.entries(all).map(([k, v]) => [k.replace(/^promos\.\d+\./, ''), v]),
    );
  }

  private async _loadMedia(): Promise<void> {
    try {
      const r = await this.session.api.get<{ items: MediaItem[] }>('/api/media');
      // Promo recordings first: they are what this list is for.
      this._media = [...r.items].sort(
        (a, b) =>
          Number(b.tags.includes('promos')) - Number(a.tags.includes('promos')) ||
          a.id.localeCompare(b.id),
      );
    } catch (err) {
      toast('warning', '媒体库读取失败 · Could not load the media library', (err as Error).message);
    }
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const { api } = this.session;
    this._busy = true;
    this._errors = {};
    try {
      const saved = this._promo
        ? await api.patch<StoredPromo>(
            `/api/promos/${encodeURIComponent(this._promo.id)}`,
            bodyOf(this._draft),
          )
        : await api.post<StoredPromo>('/api/promos', createBodyOf(this._draft));
      toast(
        'success',
        `已保存促销「${saved.title}」· Promo saved`,
        `${saved.merchant.name} · ${saved.id}`,
      );
      this.dispatchEvent(
        new CustomEvent('promo-saved', { detail: saved, bubbles: true, composed: true }),
      );
      this._busy = false;
      await this._dialog()?.hide();
    } catch (err) {
      this._errors = this._errorsOf(err);
      toast('danger', '促销未保存 · The promo was not saved', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }

  private _preview() {
    return this.renderRoot.querySelector<DcPromoPreview>('dc-promo-preview');
  }

  private _dialog() {
    return this.renderRoot.querySelector<SlDialog>('sl-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-promo-dialog': DcPromoDialog;
  }
}
