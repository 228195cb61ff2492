import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatInstant, offsetMinutesAt } from '../../../../core/zoned-time.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toastError } from '../toast.ts';
import type { PreviewDate } from './dc-program-preview.ts';
import {
  EDITED_FILES,
  type EditedFile,
  type ProgramPreview,
  type RevisionInfo,
  type ScheduleFile,
} from './program-types.ts';
import './dc-program-diff.ts';
import './dc-program-preview.ts';

/** Detail of `revision-restore`: the revision to make the running one. */
export interface RevisionRestore {
  file: EditedFile;
  id: number;
}

const FILE_NAMES: Record<EditedFile, string> = {
  program: '播音程序 · program.yaml',
  volume: '音量 · volume.yaml',
};

/**
 * Every saved revision of program.yaml and volume.yaml, with who saved it, when and why; any
 * one previewed (its diff against the running revision, and the plan it makes) and restored.
 */
@customElement('dc-program-revisions')
export class DcProgramRevisions extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .bar {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }
      td.note {
        max-width: 24rem;
        overflow-wrap: anywhere;
      }
      tr.chosen td {
        background: var(--sl-color-primary-50);
      }
      .actions {
        display: flex;
        gap: 0.35rem;
        flex-wrap: wrap;
      }
      .detail {
        margin-top: 1rem;
        display: grid;
        gap: 1rem;
      }
      .list {
        max-height: 22rem;
        overflow-y: auto;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  /** The running revisions: a new one reloads the list. */
  @property({ attribute: false }) running?: Record<EditedFile, ScheduleFile>;
  @property({ type: Boolean }) busy = false;

  @state() private _file: EditedFile = 'program';
  @state() private _list?: RevisionInfo[];
  @state() private _error?: string;
  @state() private _chosen?: { id: number; text: string };
  @state() private _preview?: ProgramPreview;
  @state() private _previewError?: string;
  @state() private _confirm?: RevisionInfo;
  private _seq = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('running') as Record<EditedFile, ScheduleFile> | undefined;
    if (
      changed.has('running') &&
      this.running?.[this._file].revision !== before?.[this._file].revision
    )
      void this._load();
  }

  override render() {
    return html`<div class="bar">
        <sl-radio-group
          size="small"
          name="revisions-file"
          .value=${this._file}
          @sl-change=${(e: Event) => this._choose((e.target as HTMLInputElement).value as EditedFile)}
        >
          ${EDITED_FILES.map(
            (f) => html`<sl-radio-button value=${f}>${FILE_NAMES[f]}</sl-radio-button>`,
          )}
        </sl-radio-group>
        <span class="muted"
          >点“预览”查看改动和节目，点“恢复”让它重新播出 · Preview shows its changes and plan;
          Restore makes it the running one</span
        >
      </div>
      ${this._table()} ${this._detail()} ${this._confirmDialog()}`;
  }

  private _table() {
    if (this._error && !this._list)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        <strong>修订记录读取失败 · The revisions could not be loaded</strong><br />${this._error}
        <br /><sl-button size="small" @click=${() => void this._load()}>重试 · Retry</sl-button>
      </sl-alert>`;
    if (!this._list)
      return html`<div class="empty"><sl-spinner style="font-size:1.5rem"></sl-spinner></div>`;
    if (this._list.length === 0)
      return html`<div class="empty">还没有修订 · No revisions yet</div>`;
    const current = this.running?.[this._file].revision;
    return html`<div class="table-wrap list">
      <table data-testid="revisions">
        <thead>
          <tr>
            <th>修订<span class="en">Revision</span></th>
            <th>时间<span class="en">When</span></th>
            <th>作者<span class="en">Who</span></th>
            <th>说明<span class="en">Note</span></th>
            <th><span class="en">&nbsp;</span></th>
          </tr>
        </thead>
        <tbody>
          ${this._list.map(
            (r) =>
              html`<tr class=${this._chosen?.id === r.id ? 'chosen' : ''} data-revision=${r.id}>
                <td>
                  #${r.id}
                  ${r.id === current ? html`<sl-badge variant="success" pill>播出中 · running</sl-badge>` : nothing}
                </td>
                <td>${this._when(r.createdAt)}</td>
                <td>${r.author}</td>
                <td class="note">${r.note || html`<span class="muted">—</span>`}</td>
                <td>
                  <div class="actions">
                    <sl-button size="small" @click=${() => void this._show(r.id)}>
                      <sl-icon slot="prefix" name="eye"></sl-icon>预览 · Preview
                    </sl-button>
                    <sl-button
                      size="small"
                      ?disabled=${r.id === current || this.busy}
                      @click=${() => (this._confirm = r)}
                    >
                      <sl-icon slot="prefix" name="arrow-counterclockwise"></sl-icon>恢复 · Restore
                    </sl-button>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _detail() {
    const c = this._chosen;
    if (!c || !this.running) return nothing;
    const running = this.running[this._file];
    return html`<div class="detail" data-testid="revision-detail">
      <div class="card">
        <h2>
          修订 #${c.id} 与播出中的 #${running.revision} 比较<span class="en"
            >Revision ${c.id} against the running ${running.revision}</span
          >
        </h2>
        <dc-program-diff
          file=${`${this._file}.yaml`}
          .oldText=${running.yaml}
          .newText=${c.text}
        ></dc-program-diff>
      </div>
      <div class="card">
        ${
          this._previewError
            ? html`<sl-alert variant="danger" open>${this._previewError}</sl-alert>`
            : html`<dc-program-preview
                .preview=${this._preview}
                ?pending=${!this._preview}
                today=${this.session.site.today}
                timezone=${this.session.site.timezone}
                @preview-date=${(e: CustomEvent<PreviewDate>) => {
                  e.stopPropagation();
                  void this._previewRevision(e.detail);
                }}
              ></dc-program-preview>`
        }
      </div>
    </div>`;
  }

  private _confirmDialog() {
    const r = this._confirm;
    return html`<sl-dialog
      label="恢复修订 · Restore a revision"
      ?open=${!!r}
      @sl-after-hide=${(e: Event) => {
        if (e.target === e.currentTarget) this._confirm = undefined;
      }}
    >
      ${
        r
          ? html`<p>
                让 ${this._file}.yaml 的修订
                #${r.id}（${r.author}，${this._when(r.createdAt)}）重新播出？
                它会作为一个新修订保存，并重新检查。页面上未保存的修改会被丢弃。
              </p>
              <p class="muted">
                Make revision ${r.id} of ${this._file}.yaml the running one? It is saved as a new
                revision and checked again. Unsaved edits on this page are discarded.
              </p>`
          : nothing
      }
      <sl-button slot="footer" @click=${() => (this._confirm = undefined)}>取消 · Cancel</sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="confirm-restore"
        ?loading=${this.busy}
        @click=${() => {
          if (!r) return;
          this._confirm = undefined;
          this.dispatchEvent(
            new CustomEvent<RevisionRestore>('revision-restore', {
              detail: { file: this._file, id: r.id },
              bubbles: true,
              composed: true,
            }),
          );
        }}
        >恢复 · Restore</sl-button
      >
    </sl-dialog>`;
  }

  private _when(iso: string): string {
    const t = Date.parse(iso);
    return formatInstant(t, offsetMinutesAt(this.session.site.timezone, t))
      .slice(0, 16)
      .replace('T', ' ');
  }

  private _choose(file: EditedFile): void {
    this._file = file;
    this._chosen = undefined;
    this._preview = undefined;
    this._list = undefined;
    void this._load();
  }

  private async _load(): Promise<void> {
    const file = this._file;
    try {
      const r = await this.session.api.get<{ revisions: RevisionInfo[] }>(`/api/${file}/revisions`);
      if (file !== this._file) return;
      this._list = r.revisions;
      this._error = undefined;
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    }
  }

  private async _show(id: number): Promise<void> {
    try {
      const r = await this.session.api.get<{ text: string }>(`/api/${this._file}/revisions/${id}`);
      this._chosen = { id, text: r.text };
      await this._previewRevision(undefined);
    } catch (err) {
      toastError('修订读取失败 · The revision could not be loaded', err);
    }
  }

  private async _previewRevision(date: string | undefined): Promise<void> {
    const c = this._chosen;
    if (!c) return;
    const seq = ++this._seq;
    this._preview = undefined;
    this._previewError = undefined;
    try {
      const p = await this.session.api.post<ProgramPreview>('/api/program/preview', {
        [this._file]: c.text,
        ...(date ? { date } : {}),
      });
      if (seq === this._seq) this._preview = p;
    } catch (err) {
      if (seq === this._seq) this._previewError = err instanceof Error ? err.message : String(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-revisions': DcProgramRevisions;
  }
}
