import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { LiveLoad } from '../merchants/live-load.ts';
import { placeOf, shortTime, type MerchantList } from '../merchants/merchant-types.ts';
import type { DcPromoDialog } from '../promos/dc-promo-dialog.ts';
import {
  partName,
  STATUS,
  statusOf,
  type PromoList,
  type StoredPromo,
} from '../promos/promo-types.ts';
import '../promos/dc-promo-dialog.ts';

/**
 * Promotions (促销): every merchant's promos with what they say, when they may play and how
 * often, and whether they are on air; new, edit (with the day's loop previewed before saving),
 * retire and back.
 */
@customElement('dc-page-promos')
export class DcPagePromos extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .filters {
        margin-bottom: 0.75rem;
      }
      .filters sl-input {
        width: min(20rem, 100%);
      }
      .filters sl-select {
        width: 16rem;
      }
      .title {
        font-weight: 600;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
        overflow-wrap: anywhere;
      }
      tr.retired td,
      tr.expired td {
        color: var(--sl-color-neutral-400);
      }
      td.actions,
      .nowrap {
        white-space: nowrap;
      }
      td.actions {
        text-align: right;
      }
      td.what {
        max-width: 16rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _promos = new LiveLoad<PromoList>(this, () => this.session, '/api/promos', [
    'promos-changed',
    'merchants-changed',
  ]);
  private readonly _merchants = new LiveLoad<MerchantList>(
    this,
    () => this.session,
    '/api/merchants?retired=1',
    ['merchants-changed'],
  );
  @state() private _q = '';
  @state() private _merchant = '';
  @state() private _showRetired = false;

  override render() {
    return html`<div class="page-head">
        <h1>促销<span class="en">Promotions</span></h1>
        <sl-button variant="primary" data-testid="new-promo" @click=${() => this._edit()}>
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>新建促销 · New promo
        </sl-button>
      </div>
      ${this._filters()} ${this._body()}
      <dc-promo-dialog
        .merchants=${this._merchants.value?.merchants ?? []}
        .dayParts=${this._promos.value?.dayParts ?? []}
        @promo-saved=${() => void this._promos.load()}
      ></dc-promo-dialog>`;
  }

  private _filters() {
    const merchants = (this._merchants.value?.merchants ?? []).filter((m) => !m.retired);
    return html`<div class="row filters">
      <sl-input
        size="small"
        clearable
        name="search"
        placeholder="商户或促销内容 · Merchant or title"
        .value=${this._q}
        @sl-input=${(e: Event) => (this._q = (e.target as HTMLInputElement).value)}
      >
        <sl-icon slot="prefix" name="search"></sl-icon>
      </sl-input>
      <sl-select
        size="small"
        clearable
        placeholder="全部商户 · All merchants"
        .value=${this._merchant}
        @sl-change=${(e: Event) => (this._merchant = (e.target as HTMLSelectElement).value)}
      >
        ${merchants.map((m) => html`<sl-option value=${String(m.id)}>${m.name}</sl-option>`)}
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
    const r = this._promos;
    if (!r.value)
      return r.error
        ? html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            促销读取失败 · Could not load the promos: ${r.error}
            <sl-button size="small" @click=${() => void r.load()}>重试 · Retry</sl-button>
          </sl-alert>`
        : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!r.value.promos.length)
      return html`<div class="card empty" data-testid="no-promos">
        还没有促销。点「新建促销」为商户添加一条 · No promos yet: add one with "New promo".
      </div>`;
    const today = this.session.site.today;
    const shown = this._shown(r.value.promos, today);
    if (!shown.length)
      return html`<div class="card empty" data-testid="no-match">
        没有符合条件的促销 · No promo matches.
      </div>`;
    return html`<div class="card table-wrap" style="padding:0">
      <table data-testid="promos">
        <thead>
          <tr>
            <th>商户<span class="en">Merchant</span></th>
            <th>促销<span class="en">Promo</span></th>
            <th>内容<span class="en">Plays</span></th>
            <th>有效期<span class="en">Valid</span></th>
            <th>时段<span class="en">Day parts</span></th>
            <th>频次<span class="en">How often</span></th>
            <th>状态<span class="en">Status</span></th>
            <th>最后修改<span class="en">Last change</span></th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((p) => this._row(p, today))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(p: StoredPromo, today: string) {
    const status = statusOf(p, today);
    const s = STATUS[status];
    return html`<tr class=${status} data-promo=${p.id}>
      <td>
        ${p.merchant.name}<span class="sub"
          >${placeOf({ floor: p.merchant.floor, unit: p.merchant.unit ?? null })}</span
        >
      </td>
      <td class="what"><span class="title">${p.title}</span><span class="sub">${p.id}</span></td>
      <td class="nowrap">
        ${
          p.media
            ? html`<sl-icon name="music-note-beamed"></sl-icon> 录音<span class="sub"
                  >Recording</span
                >`
            : html`<sl-icon name="chat-text"></sl-icon> 文字<span class="sub">Text to speech</span>`
        }
      </td>
      <td class="nowrap">
        ${
          p.validFrom || p.validTo
            ? html`${p.validFrom ?? '不限'}<span class="sub"
                  >至 ${p.validTo ?? '不限 · open'}</span
                >`
            : html`不限<span class="sub">Always</span>`
        }
      </td>
      <td class="nowrap">
        ${
          p.dayParts?.length
            ? html`${p.dayParts.map((d) => partName(d).zh).join('、')}<span class="sub"
                  >${p.dayParts.map((d) => partName(d).en).join(', ')}</span
                >`
            : html`全天<span class="sub">All day</span>`
        }
      </td>
      <td class="nowrap">
        ${
          p.playsPerHour
            ? html`每小时 ${p.playsPerHour} 次<span class="sub">${p.playsPerHour} an hour</span>`
            : html`权重 ${p.weight}<span class="sub">weight</span>`
        }
      </td>
      <td><sl-tag size="small" variant=${s.variant}>${s.zh} · ${s.en}</sl-tag></td>
      <td class="nowrap">${p.updatedBy}<span class="sub">${shortTime(p.updatedAt)}</span></td>
      <td class="actions">
        <sl-button size="small" @click=${() => this._edit(p)}>
          <sl-icon slot="prefix" name="pencil"></sl-icon>编辑 · Edit
        </sl-button>
        <sl-button size="small" @click=${() => void this._retire(p)}>
          ${p.retired ? '恢复 · Unretire' : '停用 · Retire'}
        </sl-button>
      </td>
    </tr>`;
  }

  private _shown(all: readonly StoredPromo[], today: string): StoredPromo[] {
    const q = this._q.trim().toLowerCase();
    const order = { playing: 0, upcoming: 1, expired: 2, retired: 3 };
    return all
      .filter((p) => this._showRetired || !p.retired)
      .filter((p) => !this._merchant || String(p.merchantId) === this._merchant)
      .filter(
        (p) =>
          !q ||
          p.merchant.name.toLowerCase().includes(q) ||
          p.title.toLowerCase().includes(q) ||
          p.id.includes(q),
      )
      .sort(
        (a, b) =>
          order[statusOf(a, today)] - order[statusOf(b, today)] ||
          a.merchant.name.localeCompare(b.merchant.name, 'zh') ||
          a.title.localeCompare(b.title, 'zh'),
      );
  }

  private _edit(p?: StoredPromo): void {
    const merchant = this._merchant ? Number(this._merchant) : undefined;
    this.renderRoot.querySelector<DcPromoDialog>('dc-promo-dialog')?.show(p, merchant);
  }

  private async _retire(p: StoredPromo): Promise<void> {
    try {
      await this.session.api.post(
        `/api/promos/${encodeURIComponent(p.id)}/${p.retired ? 'unretire' : 'retire'}`,
      );
      toast(
        'success',
        p.retired ? `已恢复「${p.title}」· Unretired` : `已停用「${p.title}」· Retired`,
      );
      await this._promos.load();
    } catch (err) {
      toastError(p.retired ? '未能恢复 · Could not unretire' : '未能停用 · Could not retire', err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-promos': DcPagePromos;
  }
}
