import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { formStyles } from './merchant-form-styles.ts';
import {
  fieldErrors,
  MERCHANT_FORM_FIELDS,
  type Category,
  type Merchant,
  type MerchantFormField,
} from './merchant-types.ts';

type Draft = Record<MerchantFormField, string>;

const LABELS: Record<MerchantFormField, string> = {
  name: '名称（汉字）· Name',
  nameLatin: '品牌（拉丁字母）· Brand',
  pinyin: '拼音 · Pinyin',
  floor: '楼层 · Floor',
  unit: '铺位号 · Unit',
  category: '类别 · Category',
  opens: '开门 · Opens',
  closes: '关门 · Closes',
  phone: '电话 · Phone',
  contact: '联系人 · Contact',
  description: '简介 · Description',
};
const HINTS: Partial<Record<MerchantFormField, string>> = {
  pinyin: '音节间用空格，不标声调：lan ting sha fa · syllables apart, no tones',
  floor: '1F、2F… 或 B1',
  opens: '不填则按商场营业时间 · empty: the mall’s hours',
};

const empty = (): Draft =>
  Object.fromEntries(
    MERCHANT_FORM_FIELDS.map((f) => [f, f === 'category' ? 'other' : '']),
  ) as Draft;

/** Fired when a merchant was saved; `detail` is the merchant as stored. */
export type MerchantSaved = CustomEvent<Merchant>;

/**
 * The form for one merchant, new or existing: every field of the directory, and the logo
 * (PNG, JPEG or WebP, at most 2 MB). The server's refusal shows at each field it names.
 */
@customElement('dc-merchant-dialog')
export class DcMerchantDialog extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(64rem, 96vw);
      }
      .form {
        --form-columns: 3;
      }
      .two {
        grid-column: span 2;
      }
      .logo {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .logo img {
        width: 4.5rem;
        height: 4.5rem;
        object-fit: contain;
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
        background: var(--sl-color-neutral-50);
      }
      .nologo {
        width: 4.5rem;
        height: 4.5rem;
        display: grid;
        place-items: center;
        border: 1px dashed var(--sl-color-neutral-300);
        border-radius: var(--sl-border-radius-medium);
        color: var(--sl-color-neutral-400);
        font-size: 1.6rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) categories: Category[] = [];
  @state() private _merchant?: Merchant;
  @state() private _draft: Draft = empty();
  @state() private _errors: Record<string, string> = {};
  @state() private _logo?: { file: File; preview: string };
  @state() private _removeLogo = false;
  @state() private _busy = false;

  /** Opens the form on a merchant, or empty for a new one. */
  show(merchant?: Merchant): void {
    this._merchant = merchant;
    this._draft = merchant
      ? (Object.fromEntries(MERCHANT_FORM_FIELDS.map((f) => [f, merchant[f] ?? ''])) as Draft)
      : empty();
    this._errors = {};
    this._logo = undefined;
    this._removeLogo = false;
    void this.updateComplete.then(() => void this._dialog()?.show());
  }

  override render() {
    const m = this._merchant;
    return html`<sl-dialog
      label=${m ? `编辑商户 · Edit merchant：${m.name}` : '新建商户 · New merchant'}
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>${this._errors['']}
            </sl-alert>`
          : nothing
      }
      <form class="form" @submit=${(e: Event) => (e.preventDefault(), void this._save())}>
        ${this._input('name', { required: true })} ${this._input('nameLatin')}
        ${this._input('pinyin')} ${this._category()} ${this._input('floor', { required: true })}
        ${this._input('unit')} ${this._input('opens', { type: 'time' })}
        ${this._input('closes', { type: 'time' })} ${this._input('phone', { type: 'tel' })}
        ${this._input('contact')} ${this._logoField()} ${this._description()}
      </form>
      <sl-button slot="footer" @click=${() => void this._dialog()?.hide()} ?disabled=${this._busy}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-merchant"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>保存 · Save
      </sl-button>
    </sl-dialog>`;
  }

  private _input(f: MerchantFormField, o: { required?: boolean; type?: string } = {}) {
    return html`<div>
      <sl-input
        name=${f}
        label=${LABELS[f]}
        type=${o.type ?? 'text'}
        ?required=${o.required}
        .value=${this._draft[f]}
        @sl-input=${(e: Event) => this._set(f, (e.target as HTMLInputElement).value)}
      ></sl-input>
      ${
        this._errors[f]
          ? html`<div class="error" data-field=${f}>${this._errors[f]}</div>`
          : HINTS[f]
            ? html`<div class="hint">${HINTS[f]}</div>`
            : nothing
      }
    </div>`;
  }

  private _category() {
    return html`<div>
      <sl-select
        name="category"
        label=${LABELS.category}
        .value=${this._draft.category}
        @sl-change=${(e: Event) => this._set('category', (e.target as HTMLSelectElement).value)}
      >
        ${this.categories.map(
          (c) => html`<sl-option value=${c.code}>${c.zh} · ${c.en}</sl-option>`,
        )}
      </sl-select>
      ${
        this._errors['category']
          ? html`<div class="error">${this._errors['category']}</div>`
          : nothing
      }
    </div>`;
  }

  private _description() {
    return html`<div class="wide">
      <sl-textarea
        name="description"
        label=${LABELS.description}
        rows="2"
        resize="auto"
        maxlength="200"
        .value=${this._draft.description}
        @sl-input=${(e: Event) => this._set('description', (e.target as HTMLTextAreaElement).value)}
      ></sl-textarea>
      ${
        this._errors['description']
          ? html`<div class="error">${this._errors['description']}</div>`
          : nothing
      }
    </div>`;
  }

  private _logoField() {
    const current = this._removeLogo ? null : this._merchant?.logoUrl;
    const src = this._logo?.preview ?? current;
    return html`<div class="two">
      <span class="label">标志 · Logo</span>
      <div class="logo">
        ${
          src
            ? html`<img src=${src} alt="标志 · Logo" />`
            : html`<div class="nologo"><sl-icon name="image"></sl-icon></div>`
        }
        <input
          type="file"
          name="logo"
          hidden
          accept="image/png,image/jpeg,image/webp"
          @change=${this._pick}
        />
        <sl-button size="small" @click=${() => this._fileInput()?.click()}>
          <sl-icon slot="prefix" name="upload"></sl-icon>选择图片 · Choose image
        </sl-button>
        ${this._logo ? html`<span class="muted">${this._logo.file.name}</span>` : nothing}
        ${
          src
            ? html`<sl-button size="small" @click=${this._dropLogo}>
                <sl-icon slot="prefix" name="trash"></sl-icon>移除 · Remove
              </sl-button>`
            : nothing
        }
      </div>
      ${
        this._errors['file']
          ? html`<div class="error">${this._errors['file']}</div>`
          : html`<div class="hint">PNG、JPEG 或 WebP，不超过 2 MB · at most 2 MB</div>`
      }
    </div>`;
  }

  private _set(f: MerchantFormField, value: string): void {
    this._draft = { ...this._draft, [f]: value };
    if (this._errors[f]) this._errors = { ...this._errors, [f]: '' };
  }

  private _pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    // A data: URL, since the page's CSP allows no blob: images.
    reader.onload = () => (this._logo = { file, preview: String(reader.result) });
    reader.readAsDataURL(file);
    this._errors = { ...this._errors, file: '' };
  };

  private _dropLogo = () => {
    this._logo = undefined;
    this._removeLogo = true;
    const input = this._fileInput();
    if (input) input.value = '';
  };

  private async _save(): Promise<void> {
    if (this._busy) return;
    const { api } = this.session;
    const body = Object.fromEntries(
      MERCHANT_FORM_FIELDS.map((f) => [f, this._draft[f].trim() === '' ? null : this._draft[f]]),
    );
    this._busy = true;
    this._errors = {};
    let saved: Merchant | undefined;
    try {
      saved = this._merchant
        ? await api.patch<Merchant>(`/api/merchants/${this._merchant.id}`, body)
        : await api.post<Merchant>(
            '/api/merchants',
            Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)),
          );
      this._merchant = saved;
      if (this._logo) {
        const form = new FormData();
        form.append('file', this._logo.file, this._logo.file.name);
        saved = await api.upload<Merchant>(`/api/merchants/${saved.id}/logo`, form);
      } else if (this._removeLogo && saved.logo) {
        saved = await api.delete<Merchant>(`/api/merchants/${saved.id}/logo`);
      }
      toast('success', `已保存商户「${saved.name}」· Merchant saved`);
      this.dispatchEvent(
        new CustomEvent('merchant-saved', { detail: saved, bubbles: true, composed: true }),
      );
      this._busy = false;
      await this._dialog()?.hide();
    } catch (err) {
      this._errors = fieldErrors(err);
      const what = saved ? '商户已保存，但标志未能上传' : '商户未保存';
      toast(
        'danger',
        `${what} · ${saved ? 'The logo was not uploaded' : 'Not saved'}`,
        (err as Error).message,
      );
      if (saved)
        this.dispatchEvent(
          new CustomEvent('merchant-saved', { detail: saved, bubbles: true, composed: true }),
        );
    } finally {
      this._busy = false;
    }
  }

  private _fileInput() {
    return this.renderRoot.querySelector<HTMLInputElement>('input[name=logo]');
  }

  private _dialog() {
    return this.renderRoot.querySelector<SlDialog>('sl-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-merchant-dialog': DcMerchantDialog;
  }
}
