import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { EDITED_FILES, problemsOf, type EditedFile, type ProgramPreview } from './program-types.ts';
import './dc-program-days.ts';
import './dc-program-diff.ts';
import './dc-program-problems.ts';

/** Detail of `review-save`: the note for the new revision. */
export interface ReviewSave {
  note: string;
}

/**
 * Before a save: what it changes in each file (against the running revision), the seven days
 * it compiles with their warnings, every problem it would be refused for, and the note for the
 * revision. Saving is `review-save`; the page does it and closes the dialog when it passed.
 */
@customElement('dc-program-review')
export class DcProgramReview extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-dialog {
        --width: min(64rem, 94vw);
      }
      section + section {
        margin-top: 1rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 0.4rem;
      }
      dc-program-diff + dc-program-diff {
        margin-top: 0.75rem;
      }
      .warnings {
        margin: 0.4rem 0 0;
        padding-left: 1.2rem;
        font-size: 0.8rem;
        color: var(--sl-color-warning-800);
      }
      sl-alert {
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) running?: Record<EditedFile, string>;
  @property({ attribute: false }) drafts?: Record<EditedFile, string>;
  @property({ attribute: false }) preview?: ProgramPreview;
  @property({ type: Boolean }) pending = false;
  @property({ type: Boolean }) saving = false;

  @state() private _note = '';

  override render() {
    const changed = EDITED_FILES.filter(
      (f) => this.running && this.drafts && this.running[f] !== this.drafts[f],
    );
    const p = this.preview;
    const problems = problemsOf(p);
    const errors = p?.errors.length ?? 0;
    return html`<sl-dialog
      label="保存前检查 · Check before saving"
      ?open=${this.open}
      @sl-after-hide=${(e: Event) => {
        if (e.target === e.currentTarget) this._close();
      }}
      @sl-request-close=${(e: Event) => {
        if (this.saving) e.preventDefault();
      }}
    >
      <section>
        <h3>改动 · What changes</h3>
        ${
          changed.length === 0
            ? html`<div class="muted">没有未保存的改动 · Nothing unsaved</div>`
            : changed.map(
                (f) =>
                  html`<dc-program-diff
                    file=${`${f}.yaml`}
                    .oldText=${this.running?.[f] ?? ''}
                    .newText=${this.drafts?.[f] ?? ''}
                  ></dc-program-diff>`,
              )
        }
      </section>
      <section>
        <h3>检查 · Checks</h3>
        ${
          this.pending || !p
            ? html`<div class="muted"><sl-spinner></sl-spinner> 正在检查 · Checking…</div>`
            : html`${
                  errors
                    ? html`<sl-alert variant="danger" open data-testid="review-refusal">
                        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
                        <strong
                          >${errors} 个问题：保存会被拒绝 · ${errors} problem(s): a save would be
                          refused</strong
                        ><br />正在播出的节目不受影响 · The running program keeps playing.
                      </sl-alert>`
                    : nothing
                } <dc-program-problems .problems=${problems}></dc-program-problems>`
        }
      </section>
      ${
        p && p.days.length
          ? html`<section>
              <h3>编排结果 · The plans it makes</h3>
              <dc-program-days .days=${p.days}></dc-program-days>
              ${this._dayWarnings(p)}
            </section>`
          : nothing
      }
      <section>
        <sl-input
          name="note"
          label="修订说明 · Note for this revision"
          placeholder="例如：迎宾曲音量调低 · e.g. welcome music a little quieter"
          maxlength="500"
          .value=${this._note}
          @sl-input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)}
        ></sl-input>
      </section>
      <sl-button slot="footer" ?disabled=${this.saving} @click=${() => this._close()}
        >取消 · Cancel</sl-button
      >
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="confirm-save"
        ?loading=${this.saving}
        ?disabled=${changed.length === 0 || this.pending}
        @click=${() =>
          this.dispatchEvent(
            new CustomEvent<ReviewSave>('review-save', {
              detail: { note: this._note.trim() },
              bubbles: true,
              composed: true,
            }),
          )}
      >
        <sl-icon slot="prefix" name="cloud-check"></sl-icon>保存修订 · Save revision
      </sl-button>
    </sl-dialog>`;
  }

  /** Clears the note for the next save. */
  reset(): void {
    this._note = '';
  }

  private _dayWarnings(p: ProgramPreview) {
    const lines = p.days.flatMap((d) => d.warnings.map((w) => `${d.date}: ${w}`));
    if (lines.length === 0) return nothing;
    return html`<ul class="warnings" data-testid="day-warnings">
      ${lines.map((l) => html`<li>${l}</li>`)}
    </ul>`;
  }

  private _close(): void {
    this.dispatchEvent(new CustomEvent('review-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-review': DcProgramReview;
  }
}
