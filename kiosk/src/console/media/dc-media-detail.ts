import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type SlDrawer from '@shoelace-style/shoelace/dist/components/drawer/drawer.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { mayUse, PAGES } from '../nav.ts';
import { toast, toastError } from '../toast.ts';
import { clock, formatOf, loudnessState, mediaPath, megabytes, useLabel } from './media-types.ts';
import type { LoudnessTarget, MediaItem, MediaUse } from './media-types.ts';
import './dc-media-waveform.ts';

/** The console page that shows a use, if this person may open it. */
function pageFor(u: MediaUse, role: ConsoleSession['me']['role']): string | undefined {
  const wanted =
    u.kind === 'promo' ? ['promos'] : u.kind === 'slot' ? ['program', 'today'] : ['calendar'];
  const page = wanted.map((p) => PAGES.find((x) => x.path === p)).find((p) => p && mayUse(role, p));
  return page ? `/console/${page.path}` : undefined;
}

/**
 * One item of the library in a side drawer: play it on its waveform, see its format and
 * loudness, bring it to the mall's loudness, edit its title and tags, see what plays it (with
 * links), and delete it — refused, with the reason, while something still plays it.
 */
@customElement('dc-media-detail')
export class DcMediaDetail extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-drawer {
        --size: min(40rem, 100vw);
      }
      section {
        margin-bottom: 1.25rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.3rem 1rem;
        margin: 0;
        font-size: 0.9rem;
      }
      dt {
        color: var(--sl-color-neutral-600);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .uses {
        margin: 0;
        padding-left: 1.1rem;
      }
      .uses li {
        margin-bottom: 0.25rem;
      }
      .edit {
        display: grid;
        gap: 0.75rem;
      }
      .refusal {
        margin-top: 0.75rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) item?: MediaItem;
  @property({ attribute: false }) target?: LoudnessTarget;
  @state() private _title = '';
  @state() private _tags = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = '';
  @state() private _refusal = '';
  @state() private _confirmDelete = false;
  @query('sl-drawer') private _drawer!: SlDrawer;

  /** Opens the drawer on an item. */
  show(item: MediaItem): void {
    this.item = item;
    this._title = item.title;
    this._tags = item.tags.join(', ');
    this._errors = {};
    this._refusal = '';
    this._confirmDelete = false;
    void this.updateComplete.then(() => this._drawer.show());
  }

  override render() {
    const m = this.item;
    return html`<sl-drawer label=${m ? m.title : '音频 · Media'} data-testid="media-detail">
      ${m ? this._body(m) : nothing}
    </sl-drawer>`;
  }

  private _body(m: MediaItem) {
    return html`<section>
        <dc-media-waveform .file=${m.file} .durationMs=${m.durationMs}></dc-media-waveform>
      </section>
      <section>
        <dl>
          <dt>编号 · Id</dt>
          <dd>${m.id}</dd>
          <dt>时长 · Length</dt>
          <dd data-testid="detail-duration">${clock(m.durationMs)}</dd>
          <dt>格式 · Format</dt>
          <dd>${formatOf(m)} · ${megabytes(m.size)}</dd>
          <dt>原文件名 · Uploaded as</dt>
          <dd>${m.originalName || '—'}</dd>
        </dl>
      </section>
      <section>${this._loudness(m)}</section>
      <section>
        <h2>使用于<span class="en">Used by</span></h2>
        ${this._uses(m)}
      </section>
      <section class="edit">
        <h2>名称与标签<span class="en">Title and tags</span></h2>
        <sl-input
          name="title"
          label="名称 · Title"
          .value=${this._title}
          help-text=${this._errors['title'] ?? ''}
          class=${this._errors['title'] ? 'invalid' : ''}
          @sl-input=${(e: Event) => (this._title = (e.target as HTMLInputElement).value)}
        ></sl-input>
        <sl-input
          name="tags"
          label="标签 · Tags"
          .value=${this._tags}
          help-text=${
            this._errors['tags'] ??
            '歌单按标签选曲，用逗号分开 · playlists pick media by tag; comma-separated'
          }
          @sl-input=${(e: Event) => (this._tags = (e.target as HTMLInputElement).value)}
        ></sl-input>
        <div class="row">
          <sl-button
            variant="primary"
            data-testid="save-media"
            ?loading=${this._busy === 'save'}
            @click=${() => void this._save(m)}
            >保存 · Save</sl-button
          >
        </div>
      </section>
      <section>${this._delete(m)}</section>`;
  }

  private _loudness(m: MediaItem) {
    const t = this.target;
    if (!t) return nothing;
    const state = loudnessState(m.loudnessLufs, t);
    const now =
      m.loudnessLufs === null ? '尚未测量 · not measured yet' : `${m.loudnessLufs.toFixed(1)} LUFS`;
    return html`<h2>响度<span class="en">Loudness</span></h2>
      <p>
        现在 · Now: <strong data-testid="detail-lufs">${now}</strong>；商场目标 · Mall target:
        ${t.lufs} LUFS (峰值 · peaks ≤ ${t.truePeakDbtp} dBTP)
      </p>
      <div class="row">
        ${
          state === 'ok'
            ? html`<sl-tag variant="success" size="small">已达标 · At target</sl-tag>`
            : html`<sl-button
                data-testid="normalise"
                ?loading=${this._busy === 'normalise'}
                ?disabled=${m.loudnessLufs === null}
                @click=${() => void this._normalise(m)}
              >
                <sl-icon slot="prefix" name="sliders"></sl-icon>标准化到 ${t.lufs} LUFS · Normalise
              </sl-button>`
        }
        ${
          m.original
            ? html`<sl-button
                size="small"
                data-testid="restore-original"
                ?loading=${this._busy === 'restore'}
                @click=${() => void this._restore(m)}
                >还原原始文件 · Restore original (${m.original.loudnessLufs?.toFixed(1) ?? '?'}
                LUFS)</sl-button
              >`
            : nothing
        }
      </div>`;
  }

  private _uses(m: MediaItem) {
    if (!m.usedBy.length)
      return html`<p class="muted" data-testid="used-by">
        节目中没有使用 · Nothing in the program plays it.
      </p>`;
    return html`<ul class="uses" data-testid="used-by">
      ${m.usedBy.map((u) => {
        const label = useLabel(u);
        const href = pageFor(u, this.session.me.role);
        const text = html`${label.zh} <span class="en">${label.en}</span>`;
        return html`<li>${href ? html`<a href=${href}>${text}</a>` : text}</li>`;
      })}
    </ul>`;
  }

  private _delete(m: MediaItem) {
    return html`<sl-button
        variant="danger"
        outline
        data-testid="delete-media"
        ?loading=${this._busy === 'delete'}
        @click=${() => void this._remove(m)}
      >
        <sl-icon slot="prefix" name="trash"></sl-icon>
        ${this._confirmDelete ? '确定删除？再点一次 · Click again to delete' : '删除 · Delete'}
      </sl-button>
      ${
        this._refusal
          ? html`<sl-alert variant="danger" open class="refusal" data-testid="delete-refusal">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              <strong>不能删除 · Cannot delete</strong><br />${this._refusal}
            </sl-alert>`
          : nothing
      }`;
  }

  private _changed(item: MediaItem) {
    this.item = item;
    this.dispatchEvent(
      new CustomEvent('media-edited', { detail: item, bubbles: true, composed: true }),
    );
  }

  private async _run(what: string, fn: () => Promise<void>) {
    this._busy = what;
    try {
      await fn();
    } finally {
      this._busy = '';
    }
  }

  private _save(m: MediaItem) {
    const tags = this._tags
      .split(/[,，、\s]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    return this._run('save', async () => {
      this._errors = {};
      try {
        const item = await this.session.api.patch<MediaItem>(mediaPath(m.id), {
          title: this._title,
          tags,
        });
        this._changed(item);
        toast(
          'success',
          `已保存「${item.title}」· Saved`,
          `标签 · Tags: ${item.tags.join(', ') || '—'}`,
        );
      } catch (err) {
        if (err instanceof ApiError && err.field)
          this._errors = { [err.field.split('.')[0] ?? err.field]: err.message };
        toastError('未能保存 · Could not save', err);
      }
    });
  }

  private _normalise(m: MediaItem) {
    return this._run('normalise', async () => {
      try {
        const item = await this.session.api.post<MediaItem>(`${mediaPath(m.id)}/normalise`);
        this._changed(item);
        toast(
          'success',
          `已标准化「${item.title}」· Normalised`,
          `${m.loudnessLufs?.toFixed(1)} → ${item.loudnessLufs?.toFixed(1)} LUFS；原始文件已保留 · the original is kept`,
        );
      } catch (err) {
        toastError('未能标准化 · Could not normalise', err);
      }
    });
  }

  private _restore(m: MediaItem) {
    return this._run('restore', async () => {
      try {
        const item = await this.session.api.post<MediaItem>(`${mediaPath(m.id)}/restore-original`);
        this._changed(item);
        toast('success', `已还原「${item.title}」· Original restored`);
      } catch (err) {
        toastError('未能还原 · Could not restore', err);
      }
    });
  }

  private _remove(m: MediaItem) {
    if (!this._confirmDelete) {
      this._confirmDelete = true;
      return;
    }
    return this._run('delete', async () => {
      this._confirmDelete = false;
      try {
        await this.session.api.delete(mediaPath(m.id));
        toast('success', `已删除「${m.title}」· Deleted`);
        this.dispatchEvent(
          new CustomEvent('media-deleted', { detail: m.id, bubbles: true, composed: true }),
        );
        void this._drawer.hide();
      } catch (err) {
        this._refusal = err instanceof Error ? err.message : String(err);
        toastError(`不能删除「${m.title}」· Cannot delete`, err);
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-media-detail': DcMediaDetail;
  }
}
