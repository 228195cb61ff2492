import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { clock, megabytes, type MediaItem } from './media-types.ts';

interface Upload {
  key: number;
  name: string;
  size: number;
  /** 0–1 of the bytes sent. */
  sent: number;
  state: 'waiting' | 'sending' | 'checking' | 'done' | 'refused';
  message?: string;
  item?: MediaItem;
}

/** Files sent at once; the rest wait their turn. */
const PARALLEL = 2;

const STATE = {
  waiting: { zh: '等待中', en: 'Waiting' },
  sending: { zh: '上传中', en: 'Uploading' },
  checking: { zh: '正在检查音频', en: 'Checking the audio' },
  done: { zh: '已加入音频库', en: 'Added' },
  refused: { zh: '未接受', en: 'Refused' },
} as const;

/**
 * Where staff drop audio files (or pick them): each is uploaded with its own progress bar, then
 * checked by the server, and its row says what came of it: the length it was measured at, or
 * exactly why it was refused. Fires `media-uploaded` for each file added.
 */
@customElement('dc-media-uploads')
export class DcMediaUploads extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .drop {
        border: 2px dashed var(--sl-color-neutral-300);
        border-radius: var(--sl-border-radius-large);
        padding: 1rem 1.25rem;
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
        background: var(--sl-color-neutral-0);
        transition:
          background 0.15s,
          border-color 0.15s;
      }
      .drop.over {
        border-color: var(--sl-color-primary-500);
        background: var(--sl-color-primary-50);
      }
      .drop .hint {
        flex: 1;
        min-width: 14rem;
      }
      .drop sl-icon {
        font-size: 2rem;
        color: var(--sl-color-primary-600);
      }
      .drop sl-input {
        width: 16rem;
      }
      input[type='file'] {
        display: none;
      }
      ul {
        list-style: none;
        margin: 0.75rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 16rem) minmax(6rem, 1fr) auto;
        gap: 0.25rem 1rem;
        align-items: center;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
        background: var(--sl-color-neutral-0);
      }
      li.refused {
        border-color: var(--sl-color-danger-300);
        background: var(--sl-color-danger-50);
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .why {
        grid-column: 1 / -1;
        color: var(--sl-color-danger-700);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .got {
        font-size: 0.85rem;
        white-space: nowrap;
      }
      li.refused sl-progress-bar {
        --indicator-color: var(--sl-color-danger-600);
      }
      li.done sl-progress-bar {
        --indicator-color: var(--sl-color-success-600);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _uploads: Upload[] = [];
  @state() private _over = false;
  @state() private _tags = '';
  @query('input[type=file]') private _input!: HTMLInputElement;
  private _next = 0;
  private _running = 0;
  private _queue: { upload: Upload; file: File; tags: string }[] = [];

  /** Opens the file picker (the page's upload button). */
  pick(): void {
    this._input.click();
  }

  override render() {
    return html`<div
        class="drop ${this._over ? 'over' : ''}"
        data-testid="drop-zone"
        @dragover=${this._dragOver}
        @dragleave=${() => (this._over = false)}
        @drop=${this._drop}
      >
        <sl-icon name="cloud-arrow-up"></sl-icon>
        <div class="hint">
          <strong>把音频文件拖到这里，或</strong>
          <sl-button size="small" @click=${() => this.pick()}>选择文件 · Choose files</sl-button>
          <div class="muted">
            Drop audio files here (MP3, WAV, M4A, OGG, FLAC; several at once). Each is checked: its
            real length is measured.
          </div>
        </div>
        <sl-input
          size="small"
          name="upload-tags"
          label="新文件的标签 · Tags for new files"
          placeholder="例如 · e.g. background"
          help-text="用逗号分开 · comma-separated"
          .value=${this._tags}
          @sl-input=${(e: Event) => (this._tags = (e.target as HTMLInputElement).value)}
        ></sl-input>
        <input
          type="file"
          multiple
          accept="audio/*,.mp3,.wav,.m4a,.aac,.ogg,.opus,.flac,.webm,.weba"
          data-testid="file-input"
          @change=${this._picked}
        />
      </div>
      ${
        this._uploads.length
          ? html`<ul data-testid="uploads">
              ${repeat(
                this._uploads,
                (u) => u.key,
                (u) => this._row(u),
              )}
            </ul>`
          : nothing
      }`;
  }

  private _row(u: Upload) {
    const s = STATE[u.state];
    const indeterminate = u.state === 'checking';
    const value = u.state === 'done' || u.state === 'refused' ? 100 : Math.round(u.sent * 100);
    return html`<li class=${u.state} data-upload=${u.name}>
      <span class="name">${u.name}<span class="muted"> · ${megabytes(u.size)}</span></span>
      <sl-progress-bar
        value=${value}
        ?indeterminate=${indeterminate}
        label=${`${u.name} ${s.en}`}
        data-testid="upload-progress"
      ></sl-progress-bar>
      <span class="got" data-testid="upload-state">
        ${s.zh} · ${s.en}${u.state === 'sending' ? ` ${value}%` : ''}
        ${u.item ? html` · <strong>${clock(u.item.durationMs)}</strong>` : nothing}
      </span>
      ${u.message ? html`<div class="why" data-testid="upload-why">${u.message}</div>` : nothing}
    </li>`;
  }

  private _dragOver(e: DragEvent) {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this._over = true;
  }

  private _drop(e: DragEvent) {
    e.preventDefault();
    this._over = false;
    this._add([...(e.dataTransfer?.files ?? [])]);
  }

  private _picked() {
    this._add([...(this._input.files ?? [])]);
    this._input.value = '';
  }

  private _add(files: File[]) {
    if (!files.length) return;
    for (const file of files) {
      const upload: Upload = {
        key: this._next++,
        name: file.name,
        size: file.size,
        sent: 0,
        state: 'waiting',
      };
      this._uploads = [upload, ...this._uploads];
      this._queue.push({ upload, file, tags: this._tags });
    }
    this._pump();
  }

  private _pump() {
    for (let job = this._queue.shift(); job; job = this._queue.shift()) {
      if (this._running >= PARALLEL) {
        this._queue.unshift(job);
        return;
      }
      this._running++;
      void this._send(job.upload, job.file, job.tags).finally(() => {
        this._running--;
        this._pump();
      });
    }
  }

  private _set(u: Upload, change: Partial<Upload>) {
    Object.assign(u, change);
    this._uploads = [...this._uploads];
  }

  private async _send(u: Upload, file: File, tags: string) {
    const form = new FormData();
    if (tags.trim()) form.append('tags', tags);
    form.append('file', file, file.name);
    this._set(u, { state: 'sending' });
    try {
      const item = await this.session.api.upload<MediaItem>('/api/media', form, (f) =>
        this._set(u, f >= 1 ? { sent: 1, state: 'checking' } : { sent: f }),
      );
      this._set(u, { state: 'done', item, sent: 1 });
      toast('success', `已加入「${item.title}」· Added`, `${item.id} · ${clock(item.durationMs)}`);
      this.dispatchEvent(
        new CustomEvent('media-uploaded', { detail: item, bubbles: true, composed: true }),
      );
    } catch (err) {
      const message = err instanceof ApiError || err instanceof Error ? err.message : String(err);
      this._set(u, { state: 'refused', message });
      toast('danger', `未接受「${file.name}」· Refused`, message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-media-uploads': DcMediaUploads;
  }
}
