import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import type { DcMerchantDialog } from '../merchants/dc-merchant-dialog.ts';
import type { DcMerchantImport } from '../merchants/dc-merchant-import.ts';
import { LiveLoad } from '../merchants/live-load.ts';
import { shortTime, type Merchant, type MerchantList } from '../merchants/merchant-types.ts';
import '../merchants/dc-merchant-dialog.ts';
import '../merchants/dc-merchant-import.ts';

/** Lower-case without spaces: brand, pinyin and initials match however they are typed. */
const squash = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, '');

/**
 * Merchants (商户): every shop with its place, category, hours and contact, found by hanzi,
 * pinyin, initials or brand; new, edit (with the logo), retire and back, and import from a
 * spreadsheet. The promos page and the guide screen's directory read the same records.
 */
@customElement('dc-page-merchants')
export class DcPageMerchants extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .filters {
        margin-bottom: 0.75rem;
      }
      .filters sl-input {
        width: min(22rem, 100%);
      }
      .filters sl-select {
        width: 15rem;
      }
      .logo {
        width: 2.5rem;
        height: 2.5rem;
        object-fit: contain;
        border-radius: var(--sl-border-radius-small);
        background: var(--sl-color-neutral-50);
        display: block;
      }
      .nologo {
        width: 2.5rem;
        height: 2.5rem;
        display: grid;
        place-items: center;
        color: var(--sl-color-neutral-300);
        border: 1px dashed var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-small);
      }
      .name {
        font-weight: 600;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
      tr.retired td {
        color: var(--sl-color-neutral-400);
      }
      td.actions,
      .nowrap {
        white-space: nowrap;
      }
      td.actions {
        text-align: right;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _data = new LiveLoad<MerchantList>(
    this,
    () => this.session,
    '/api/merchants?retired=1',
    ['merchants-changed', 'promos-changed'],
  );
  @state() private _q = '';
  @state() private _category = '';
  @state() private _showRetired = false;

  override render() {
    return html`<div class="page-head">
        <h1>商户<span class="en">Merchants</span></h1>
        <div class="row">
          <sl-button @click=${() => this._import()?.show()}>
            <sl-icon slot="prefix" name="file-earmark-spreadsheet"></sl-icon>导入 · Import
          </sl-button>
          <sl-button variant="primary" data-testid="new-merchant" @click=${() => this._edit()}>
            <sl-icon slot="prefix" name="plus-lg"></sl-icon>新建商户 · New merchant
          </sl-button>
        </div>
      </div>
      ${this._filters()} ${this._body()}
      <dc-merchant-dialog
        .categories=${this._data.value?.categories ?? []}
        @merchant-saved=${() => void this._data.load()}
      ></dc-merchant-dialog>
      <dc-merchant-import
        @merchants-imported=${() => void this._data.load()}
      ></dc-merchant-import>`;
  }

  private _filters() {
    const categories = this._data.value?.categories ?? [];
    return html`<div class="row filters">
      <sl-input
        placeholder="名称、拼音、首字母或品牌 · Search"
        clearable
        size="small"
        name="search"
        .value=${this._q}
        @sl-input=${(e: Event) => (this._q = (e.target as HTMLInputElement).value)}
      >
        <sl-icon slot="prefix" name="search"></sl-icon>
      </sl-input>
      <sl-select
        size="small"
        placeholder="全部类别 · All categories"
        clearable
        .value=${this._category}
        @sl-change=${(e: Event) => (this._category = (e.target as HTMLSelectElement).value)}
      >
        ${categories.map((c) => html`<sl-option value=${c.code}>${c.zh} · ${c.en}</sl-option>`)}
      </sl-select>
      <sl-switch
        size="small"
        ?checked=${this._showRetired}
        @sl-change=${(e: Event) => (this._showRetired = (e.target as HTMLInputElement).checked)}
        >显示已停用 · Show retired</sl-switch
      >
    </div>`;
  }

  private _body() {
    const d = this._data;
    if (!d.value)
      return d.error
        ? html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            商户读取失败 · Could not load the merchants: ${d.error}
            <sl-button size="small" @click=${() => void d.load()}>重试 · Retry</sl-button>
          </sl-alert>`
        : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    const shown = this._shown(d.value.merchants);
    if (!d.value.merchants.length)
      return html`<div class="card empty" data-testid="no-merchants">
        还没有商户。新建一个，或从表格导入 · No merchants yet: add one, or import a spreadsheet.
      </div>`;
    if (!shown.length)
      return html`<div class="card empty" data-testid="no-match">
        没有符合条件的商户 · No merchant matches.
      </div>`;
    const names = new Map(d.value.categories.map((c) => [c.code, c]));
    return html`<div class="card table-wrap" style="padding:0">
      <table data-testid="merchants">
        <thead>
          <tr>
            <th>标志<span class="en">Logo</span></th>
            <th>商户<span class="en">Merchant</span></th>
            <th>类别<span class="en">Category</span></th>
            <th>位置<span class="en">Place</span></th>
            <th>营业时间<span class="en">Hours</span></th>
            <th>联系<span class="en">Contact</span></th>
            <th class="num">促销<span class="en">Promos on air</span></th>
            <th>最后修改<span class="en">Last change</span></th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((m) => {
            const c = names.get(m.category);
            return html`<tr class=${m.retired ? 'retired' : ''} data-merchant=${m.name}>
              <td>
                ${
                  m.logoUrl
                    ? html`<img class="logo" src=${m.logoUrl} alt="" />`
                    : html`<div class="nologo"><sl-icon name="shop"></sl-icon></div>`
                }
              </td>
              <td>
                <span class="name">${m.name}</span>
                ${
                  m.retired
                    ? html` <sl-tag size="small" variant="neutral">已停用 · Retired</sl-tag>`
                    : nothing
                }
                <span class="sub">${[m.nameLatin, m.pinyin].filter(Boolean).join(' · ')}</span>
              </td>
              <td>${c ? html`${c.zh}<span class="sub">${c.en}</span>` : m.category}</td>
              <td class="nowrap">${m.floor}<span class="sub">${m.unit ?? ''}</span></td>
              <td class="nowrap">
                ${m.opens ? `${m.opens}–${m.closes}` : html`商场时间<span class="sub">Mall hours</span>`}
              </td>
              <td class="nowrap">${m.phone ?? ''}<span class="sub">${m.contact ?? ''}</span></td>
              <td class="num nowrap">
                ${m.promos.active} / ${m.promos.total}<span class="sub">播放中 / 共</span>
              </td>
              <td class="nowrap">
                ${m.updatedBy}<span class="sub">${shortTime(m.updatedAt)}</span>
              </td>
              <td class="actions">
                <sl-button size="small" @click=${() => this._edit(m)}>
                  <sl-icon slot="prefix" name="pencil"></sl-icon>编辑 · Edit
                </sl-button>
                <sl-button size="small" @click=${() => void this._retire(m)}>
                  ${m.retired ? '恢复 · Unretire' : '停用 · Retire'}
                </sl-button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private _shown(all: readonly Merchant[]): Merchant[] {
    const q = this._q.trim();
    const needle = squash(q);
    return all
      .filter((m) => this._showRetired || !m.retired)
      .filter((m) => !this._category || m.category === this._category)
      .filter(
        (m) =>
          !q ||
          m.name.includes(q) ||
          [m.nameLatin, m.pinyin, m.initials].some((f) => squash(f).includes(needle)),
      )
      .sort((a, b) => Number(a.retired) - Number(b.retired) || a.name.localeCompare(b.name, 'zh'));
  }

  private _edit(m?: Merchant): void {
    this.renderRoot.querySelector<DcMerchantDialog>('dc-merchant-dialog')?.show(m);
  }

  private _import() {
    return this.renderRoot.querySelector<DcMerchantImport>('dc-merchant-import');
  }

  private async _retire(m: Merchant): Promise<void> {
    const action = m.retired ? 'unretire' : 'retire';
    try {
      const r = await this.session.api.post<Merchant & { retiredPromos?: string[] }>(
        `/api/merchants/${m.id}/${action}`,
      );
      const n = r.retiredPromos?.length ?? 0;
      toast(
        'success',
        m.retired ? `已恢复「${m.name}」· Unretired` : `已停用「${m.name}」· Retired`,
        n ? `其 ${n} 个促销一并停用 · ${n} promo(s) retired with it` : undefined,
      );
      await this._data.load();
    } catch (err) {
      toastError(m.retired ? '未能恢复 · Could not unretire' : '未能停用 · Could not retire', err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-merchants': DcPageMerchants;
  }
}
