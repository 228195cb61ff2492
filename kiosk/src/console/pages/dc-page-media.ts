import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LiveLoad } from '../merchants/live-load.ts';
import type { DcMediaDetail } from '../media/dc-media-detail.ts';
import type { DcMediaUploads } from '../media/dc-media-uploads.ts';
import {
  clock,
  KINDS,
  kindsOf,
  loudnessState,
  useLabel,
  type Kind,
  type MediaItem,
  type MediaList,
} from '../media/media-types.ts';
import '../media/dc-media-detail.ts';
import '../media/dc-media-uploads.ts';

const LOUDNESS = {
  ok: { variant: 'success', zh: '达标', en: 'at target' },
  quiet: { variant: 'warning', zh: '偏轻', en: 'quiet' },
  loud: { variant: 'warning', zh: '偏响', en: 'loud' },
  unknown: { variant: 'neutral', zh: '测量中', en: 'measuring' },
} as const;

/**
 * The media library (音频库): every recording the program, promos and announcements can play,
 * with its measured length and loudness and what plays it; files dropped on the page are
 * uploaded (a progress bar each) and checked, and each item opens to play, normalise, retag
 * or delete.
 */
@customElement('dc-page-media')
export class DcPageMedia extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dc-media-uploads {
        margin-bottom: 1rem;
      }
      .filters {
        margin-bottom: 0.75rem;
      }
      .filters sl-input {
        width: min(18rem, 100%);
      }
      .filters sl-select {
        width: 13rem;
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
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover td {
        background: var(--sl-color-primary-50);
      }
      td.what {
        max-width: 20rem;
      }
      td.tags sl-tag {
        margin: 0 0.2rem 0.2rem 0;
      }
      td.uses {
        max-width: 18rem;
        font-size: 0.85rem;
      }
      .nowrap {
        white-space: nowrap;
      }
      .target {
        font-size: 0.85rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _list = new LiveLoad<MediaList>(this, () => this.session, '/api/media', [
    'media-changed',
    'promos-changed',
    'plan-changed',
  ]);
  @state() private _q = '';
  @state() private _tag = '';
  @state() private _slot = '';
  @state() private _kind = '';

  override render() {
    const target = this._list.value?.loudnessTarget;
    return html`<div class="page-head">
        <h1>音频库<span class="en">Media</span></h1>
        <div class="row">
          ${
            target
              ? html`<span class="target muted" data-testid="loudness-target"
                  >商场目标响度 · Mall loudness target: <strong>${target.lufs} LUFS</strong></span
                >`
              : nothing
          }
          <sl-button variant="primary" data-testid="upload" @click=${this._pick}>
            <sl-icon slot="prefix" name="upload"></sl-icon>上传音频 · Upload
          </sl-button>
        </div>
      </div>
      <dc-media-uploads @media-uploaded=${() => void this._list.load()}></dc-media-uploads>
      ${this._filters()} ${this._body()}
      <dc-media-detail
        .target=${target}
        @media-edited=${() => void this._list.load()}
        @media-deleted=${() => void this._list.load()}
      ></dc-media-detail>`;
  }

  private _filters() {
    const items = this._list.value?.items ?? [];
    const tags = [...new Set(items.flatMap((m) => m.tags))].sort();
    const slots = new Map<string, string>();
    for (const m of items)
      for (const u of m.usedBy) if (u.kind === 'slot') slots.set(u.slot, u.title);
    const select = (
      name: string,
      placeholder: string,
      value: string,
      set: (v: string) => void,
      options: [string, string][],
    ) =>
      html`<sl-select
        size="small"
        clearable
        name=${name}
        placeholder=${placeholder}
        .value=${value}
        @sl-change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
      >
        ${options.map(([v, label]) => html`<sl-option value=${v}>${label}</sl-option>`)}
      </sl-select>`;
    return html`<div class="row filters">
      <sl-input
        size="small"
        clearable
        name="search"
        placeholder="名称或编号 · Title or id"
        .value=${this._q}
        @sl-input=${(e: Event) => (this._q = (e.target as HTMLInputElement).value)}
      >
        <sl-icon slot="prefix" name="search"></sl-icon>
      </sl-input>
      ${select(
        'tag',
        '全部标签 · All tags',
        this._tag,
        (v) => (this._tag = v),
        tags.map((t) => [t, t]),
      )}
      ${select(
        'slot',
        '全部时段 · Any slot',
        this._slot,
        (v) => (this._slot = v),
        [...slots].map(([s, title]) => [s, `${title} · ${s}`]),
      )}
      ${select(
        'kind',
        '全部类型 · Any kind',
        this._kind,
        (v) => (this._kind = v),
        Object.entries(KINDS).map(([k, n]) => [k, `${n.zh} · ${n.en}`]),
      )}
    </div>`;
  }

  private _body() {
    const r = this._list;
    if (!r.value)
      return r.error
        ? html`<sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            音频库读取失败 · Could not load the media: ${r.error}
            <sl-button size="small" @click=${() => void r.load()}>重试 · Retry</sl-button>
          </sl-alert>`
        : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`;
    if (!r.value.items.length)
      return html`<div class="card empty" data-testid="no-media">
        音频库是空的：把音频文件拖到上面的框里 · The library is empty: drop audio files in the box
        above.
      </div>`;
    const shown = this._shown(r.value.items);
    if (!shown.length)
      return html`<div class="card empty" data-testid="no-match">
        没有符合条件的音频 · No media matches.
      </div>`;
    return html`<div class="card table-wrap" style="padding:0">
      <table data-testid="media">
        <thead>
          <tr>
            <th>名称<span class="en">Title</span></th>
            <th>标签<span class="en">Tags</span></th>
            <th class="num">时长<span class="en">Length</span></th>
            <th>响度<span class="en">Loudness</span></th>
            <th>使用于<span class="en">Used by</span></th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((m) => this._row(m))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(m: MediaItem) {
    const target = this._list.value?.loudnessTarget;
    const l = LOUDNESS[target ? loudnessState(m.loudnessLufs, target) : 'unknown'];
    // The row says where it plays; the drawer says through which playlist.
    const names = [...new Set(m.usedBy.map((u) => (u.kind === 'slot' ? u.title : useLabel(u).zh)))];
    const first = names.slice(0, 2);
    return html`<tr data-media=${m.id} @click=${() => this._open(m)}>
      <td class="what"><span class="title">${m.title}</span><span class="sub">${m.id}</span></td>
      <td class="tags">${m.tags.map((t) => html`<sl-tag size="small">${t}</sl-tag>`)}</td>
      <td class="num nowrap" data-testid="duration">${clock(m.durationMs)}</td>
      <td class="nowrap">
        ${m.loudnessLufs === null ? '—' : `${m.loudnessLufs.toFixed(1)} LUFS`}
        <span class="sub"><sl-badge variant=${l.variant} pill>${l.zh} · ${l.en}</sl-badge></span>
      </td>
      <td class="uses">
        ${
          m.usedBy.length
            ? html`${first.join('、')}${
                m.usedBy.length > 2
                  ? html` <span class="muted">+${m.usedBy.length - 2}</span>`
                  : nothing
              }`
            : html`<span class="muted">未使用 · Not used</span>`
        }
      </td>
    </tr>`;
  }

  private _shown(items: readonly MediaItem[]): MediaItem[] {
    const q = this._q.trim().toLowerCase();
    return items
      .filter((m) => !q || m.title.toLowerCase().includes(q) || m.id.toLowerCase().includes(q))
      .filter((m) => !this._tag || m.tags.includes(this._tag))
      .filter(
        (m) => !this._slot || m.usedBy.some((u) => u.kind === 'slot' && u.slot === this._slot),
      )
      .filter((m) => !this._kind || kindsOf(m).includes(this._kind as Kind));
  }

  private _open(m: MediaItem) {
    this.renderRoot.querySelector<DcMediaDetail>('dc-media-detail')?.show(m);
  }

  private _pick() {
    this.renderRoot.querySelector<DcMediaUploads>('dc-media-uploads')?.pick();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-media': DcPageMedia;
  }
}
