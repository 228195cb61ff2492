import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import type { ProgramEdit } from '../program/dc-program-form.ts';
import type { PreviewDate } from '../program/dc-program-preview.ts';
import type { ProblemSelect } from '../program/dc-program-problems.ts';
import type { DcProgramReview, ReviewSave } from '../program/dc-program-review.ts';
import type { RevisionRestore } from '../program/dc-program-revisions.ts';
import type { DcYamlEditor, YamlInput } from '../program/dc-yaml-editor.ts';
import { ProgramDraft } from '../program/program-draft.ts';
import { EDITED_FILES, problemsOf, type EditedFile } from '../program/program-types.ts';
import '../program/dc-program-changes.ts';
import '../program/dc-program-form.ts';
import '../program/dc-program-preview.ts';
import '../program/dc-program-problems.ts';
import '../program/dc-program-review.ts';
import '../program/dc-program-revisions.ts';
import '../program/dc-yaml-editor.ts';

type Tab = 'form' | EditedFile | 'revisions';

/**
 * The broadcast program (播音程序) editor: the day types and their rows as a form, the files
 * themselves in a code editor, the plan the edit would make previewed as it is typed, and a
 * save that shows the diff and the coming week first. A refused save changes nothing; every
 * revision can be previewed and restored.
 */
@customElement('dc-page-program')
export class DcPageProgram extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .bar {
        position: sticky;
        bottom: 0;
        z-index: 4;
        display: flex;
        gap: 0.5rem 0.75rem;
        align-items: center;
        flex-wrap: wrap;
        margin-top: 1rem;
        padding: 0.5rem 1rem;
        background: var(--sl-color-neutral-0);
        border: 1px solid var(--sl-color-neutral-300);
        border-radius: var(--sl-border-radius-large);
        box-shadow: var(--sl-shadow-large);
        font-size: 0.85rem;
      }
      .bar .spacer {
        flex: 1;
      }
      .bar dc-program-changes {
        font-size: 0.8rem;
        min-width: 0;
      }
      .state {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        white-space: nowrap;
      }
      .state.bad {
        color: var(--sl-color-danger-700);
        font-weight: 600;
      }
      .running {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
        text-align: right;
      }
      .stack {
        display: grid;
        gap: 1rem;
      }
      .problems-head {
        font-size: 0.85rem;
        font-weight: 600;
        margin: 0.75rem 0 0.35rem;
      }
      sl-tab sl-badge {
        margin-left: 0.35rem;
      }
      sl-tab-group::part(body) {
        padding-top: 0.75rem;
      }
      .editor-note {
        font-size: 0.8rem;
        margin-bottom: 0.5rem;
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 12rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  private readonly _draft = new ProgramDraft(this, () => this.session);
  @state() private _tab: Tab = 'form';
  @state() private _reviewing = false;
  @state() private _discarding = false;
  @query('dc-program-review') private _review?: DcProgramReview;

  private readonly _beforeUnload = (e: BeforeUnloadEvent) => {
    if (this._draft.anyDirty) e.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._beforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._beforeUnload);
  }

  override render() {
    return html`<div class="page-head">
        <h1>播音程序<span class="en">Program</span></h1>
        ${this._running()}
      </div>
      ${this._body()}`;
  }

  private _running() {
    const r = this._draft.running;
    if (!r) return nothing;
    return html`<div class="running" data-testid="running">
      播出中 · Running: program.yaml #${r.program.revision}（${r.program.author}）· volume.yaml
      #${r.volume.revision}（${r.volume.author}）
    </div>`;
  }

  /** Always in view at the bottom: what the preview says now, and the save. */
  private _bar() {
    const d = this._draft;
    const p = d.preview;
    const errors = p?.errors.length ?? 0;
    const state = d.pending
      ? html`<span class="state"><sl-spinner></sl-spinner>正在预览 · Previewing…</span>`
      : errors
        ? html`<span class="state bad" data-testid="bar-problems"
            ><sl-icon name="exclamation-octagon"></sl-icon>${errors} 个问题 · problem(s)</span
          >`
        : html`<span class="state"
            ><sl-icon name="check2-circle"></sl-icon>没有问题 · No problems</span
          >`;
    return html`<div class="bar" data-testid="status-bar">
      ${state}
      ${
        d.anyDirty
          ? html`<sl-badge variant="warning" pill data-testid="unsaved">未保存 · Unsaved</sl-badge>
              ${p && !errors ? html`<dc-program-changes .changes=${p.changes}></dc-program-changes>` : nothing}`
          : html`<span class="muted">没有未保存的修改 · Nothing unsaved</span>`
      }
      <span class="spacer"></span>
      <sl-button
        size="small"
        ?disabled=${!d.anyDirty || d.saving}
        @click=${() => (this._discarding = true)}
      >
        <sl-icon slot="prefix" name="x-circle"></sl-icon>放弃修改 · Discard
      </sl-button>
      <sl-button
        size="small"
        variant="primary"
        data-testid="save"
        ?disabled=${!d.anyDirty || d.saving}
        @click=${() => (this._reviewing = true)}
      >
        <sl-icon slot="prefix" name="cloud-arrow-up"></sl-icon>保存… · Save…
      </sl-button>
    </div>`;
  }

  private _body() {
    const d = this._draft;
    if (d.loadError && !d.running)
      return html`<sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        <strong>程序读取失败 · The program could not be loaded</strong><br />${d.loadError}
        <br /><sl-button size="small" @click=${() => void d.load()}>重试 · Retry</sl-button>
      </sl-alert>`;
    if (!d.running)
      return html`<div class="card loading"><sl-spinner style="font-size:2rem"></sl-spinner></div>`;
    const problems = problemsOf(d.preview);
    const of = (f: EditedFile) => problems.filter((p) => p.file === `${f}.yaml`);
    const errorsIn = (f: EditedFile) => of(f).filter((p) => p.severity === 'error').length;
    return html`<div class="stack">
        ${this._newer()}
        <div class="card">
          <dc-program-preview
            .preview=${d.preview}
            ?pending=${d.pending}
            error=${d.previewError ?? nothing}
            today=${this.session.site.today}
            timezone=${this.session.site.timezone}
            @preview-date=${(e: CustomEvent<PreviewDate>) => d.chooseDate(e.detail)}
          ></dc-program-preview>
          <div class="problems-head">问题 · Problems</div>
          <dc-program-problems
            .problems=${problems}
            @problem-select=${(e: CustomEvent<ProblemSelect>) => this._reveal(e.detail)}
          ></dc-program-problems>
        </div>
        <sl-tab-group
          @sl-tab-show=${(e: CustomEvent<{ name: string }>) => {
            // The form's own day-type tabs announce themselves through here too.
            if (e.target === e.currentTarget) this._tab = e.detail.name as Tab;
          }}
        >
          ${this._tabHead('form', '表单 · Form', errorsIn('program'))}
          ${this._tabHead('program', '程序文件 · program.yaml', errorsIn('program'), d.dirty('program'))}
          ${this._tabHead('volume', '音量文件 · volume.yaml', errorsIn('volume'), d.dirty('volume'))}
          ${this._tabHead('revisions', '修订记录 · Revisions', 0)}
          <sl-tab-panel name="form" ?active=${this._tab === 'form'}>
            <dc-program-form
              .text=${d.drafts.program}
              .levels=${d.preview?.levels ?? {}}
              .problems=${of('program')}
              @program-edit=${(e: CustomEvent<ProgramEdit>) => d.edit('program', e.detail)}
            ></dc-program-form>
          </sl-tab-panel>
          ${EDITED_FILES.map(
            (f) =>
              html`<sl-tab-panel name=${f} ?active=${this._tab === f}>
                <div class="card">
                  <div class="editor-note muted">
                    ${
                      f === 'program'
                        ? '时段、播放列表和每种日子的节目 · Slots, playlists and each day type’s program'
                        : '音量刻度和种子文件的音量范围 · The PA scale and the seed’s volume ranges'
                    }；问题在所在行标出
                    · problems are marked at their line.
                  </div>
                  <dc-yaml-editor
                    data-file=${f}
                    label=${`${f}.yaml`}
                    .value=${d.drafts[f]}
                    .problems=${of(f)}
                    @yaml-input=${(e: CustomEvent<YamlInput>) => d.edit(f, e.detail)}
                  ></dc-yaml-editor>
                </div>
              </sl-tab-panel>`,
          )}
          <sl-tab-panel name="revisions" ?active=${this._tab === 'revisions'}>
            <div class="card">
              <dc-program-revisions
                .running=${d.running}
                ?busy=${d.saving}
                @revision-restore=${(e: CustomEvent<RevisionRestore>) => void this._restore(e.detail)}
              ></dc-program-revisions>
            </div>
          </sl-tab-panel>
        </sl-tab-group>
        <dc-program-review
          ?open=${this._reviewing}
          .running=${{ program: d.running.program.yaml, volume: d.running.volume.yaml }}
          .drafts=${d.drafts}
          .preview=${d.preview}
          ?pending=${d.pending}
          ?saving=${d.saving}
          @review-close=${() => (this._reviewing = false)}
          @review-save=${(e: CustomEvent<ReviewSave>) => void this._save(e.detail.note)}
        ></dc-program-review>
        ${this._discardDialog()}
      </div>
      ${this._bar()}`;
  }

  private _tabHead(name: Tab, label: string, problems: number, dirty = false) {
    return html`<sl-tab slot="nav" panel=${name} ?active=${this._tab === name}
      >${label}${dirty ? html`<sl-badge variant="warning" pill>改</sl-badge>` : nothing}${
        problems ? html`<sl-badge variant="danger" pill>${problems}</sl-badge>` : nothing
      }</sl-tab
    >`;
  }

  private _newer() {
    const n = this._draft.newer;
    if (!n) return nothing;
    return html`<sl-alert variant="warning" open data-testid="newer">
      <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
      <strong
        >${n.author} 保存了 ${n.file}.yaml 的新修订 #${n.revision} · ${n.author} saved revision
        ${n.revision} of ${n.file}.yaml</strong
      ><br />你的修改基于旧修订，保存会被拒绝 · Your edit starts from an older one and would be
      refused.
      <sl-button size="small" @click=${() => void this._draft.load()}
        >载入新修订，放弃我的修改 · Load it, dropping my edit</sl-button
      >
    </sl-alert>`;
  }

  private _discardDialog() {
    return html`<sl-dialog
      label="放弃修改 · Discard the edits"
      ?open=${this._discarding}
      @sl-after-hide=${(e: Event) => {
        if (e.target === e.currentTarget) this._discarding = false;
      }}
    >
      未保存的修改会丢失，播出中的节目不变。· The unsaved edits are lost; the running program stays.
      <sl-button slot="footer" @click=${() => (this._discarding = false)}>取消 · Cancel</sl-button>
      <sl-button
        slot="footer"
        variant="danger"
        @click=${() => {
          this._discarding = false;
          this._draft.discard();
          toast(
            'primary',
            '已放弃修改 · Edits discarded',
            '播出中的节目没有变化 · The running program is unchanged',
          );
        }}
        >放弃 · Discard</sl-button
      >
    </sl-dialog>`;
  }

  private async _save(note: string): Promise<void> {
    const r = await this._draft.save(note);
    const saved = r.saved.map((s) => `${s.file}.yaml #${s.revision}`).join(', ');
    if (r.ok) {
      this._reviewing = false;
      this._review?.reset();
      toast(
        'success',
        `已保存 · Saved ${saved}`,
        '播放器正在更新节目 · The players are taking the new plan',
      );
      return;
    }
    const partly = saved ? `已保存 · Saved ${saved}; ` : '';
    toast(
      'danger',
      r.refused
        ? '保存被拒绝，没有任何改变 · Save refused: nothing changed'
        : '保存失败 · Save failed',
      `${partly}${r.message}`,
    );
  }

  private async _restore(r: RevisionRestore): Promise<void> {
    try {
      const revision = await this._draft.restore(r.file, r.id);
      toast(
        'success',
        `已恢复修订 #${r.id} · Revision ${r.id} restored`,
        `${r.file}.yaml 播出中的是新修订 #${revision} · now running as revision ${revision}`,
      );
    } catch (err) {
      toastError(`修订 #${r.id} 无法恢复 · Revision ${r.id} could not be restored`, err);
    }
  }

  /** A problem clicked: its file's editor, the cursor at it. */
  private async _reveal(p: ProblemSelect): Promise<void> {
    const file = EDITED_FILES.find((f) => `${f}.yaml` === p.file);
    if (!file) return;
    this._tab = file;
    await this.updateComplete;
    const group = this.renderRoot.querySelector('sl-tab-group') as
      (HTMLElement & { show(n: string): void }) | null;
    group?.show(file);
    const editor = this.renderRoot.querySelector(
      `dc-yaml-editor[data-file=${file}]`,
    ) as DcYamlEditor | null;
    await editor?.updateComplete;
    editor?.reveal(p.line, p.col);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-program': DcPageProgram;
  }
}
