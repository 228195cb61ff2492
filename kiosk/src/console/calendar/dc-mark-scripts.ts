import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { markFormStyles } from './mark-form-styles.ts';
import type { MediaItem, Script } from './calendar-types.ts';

/** A script of the form: every field a string, empty when not given. */
export interface ScriptDraft {
  title: string;
  text: string;
  media: string;
}

export const emptyScript = (): ScriptDraft => ({ title: '', text: '', media: '' });
export const draftOfScript = (s: Script): ScriptDraft => ({
  title: s.title ?? '',
  text: s.text ?? '',
  media: s.media ?? '',
});

/**
 * An event's scripts: each words to speak, a recording from the media library, or both (the
 * recording plays, the words are kept as its transcript). Emits `scripts-change`.
 */
@customElement('dc-mark-scripts')
export class DcMarkScripts extends LitElement {
  static override styles = [
    markFormStyles,
    css`
      :host {
        display: grid;
        gap: 0.6rem;
      }
      .script {
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
        padding: 0.6rem 0.75rem;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: 0.5rem 0.75rem;
        align-items: start;
      }
      .script .text {
        grid-column: 1 / 3;
      }
      .n {
        font-weight: 600;
        font-size: 0.85rem;
        grid-column: 1 / -1;
      }
    `,
  ];

  @property({ attribute: false }) scripts: ScriptDraft[] = [emptyScript()];
  @property({ attribute: false }) media: MediaItem[] = [];
  @property({ attribute: false }) errors: Record<string, string> = {};

  override render() {
    return html`${this.scripts.map((s, i) => this._script(s, i))}
      <div>
        <sl-button
          size="small"
          data-testid="add-script"
          @click=${() => this._change([...this.scripts, emptyScript()])}
        >
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>再加一条稿件 · Add a script
        </sl-button>
      </div>`;
  }

  private _script(s: ScriptDraft, i: number) {
    const set = (patch: Partial<ScriptDraft>) =>
      this._change(this.scripts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    // Speech recordings first: they are what a script is.
    const media = [...this.media].sort(
      (a, b) =>
        Number(b.tags.includes('speech')) - Number(a.tags.includes('speech')) ||
        a.id.localeCompare(b.id),
    );
    return html`<div class="script" data-script=${i}>
      <div class="n">稿件 ${i + 1} · Script ${i + 1}</div>
      <div>
        <sl-input
          size="small"
          name="scripts.${i}.title"
          label="标题（可不填）· Title (optional)"
          maxlength="100"
          .value=${s.title}
          @sl-input=${(e: Event) => set({ title: value(e) })}
        ></sl-input>
        ${this._error(`scripts.${i}.title`)}
      </div>
      <div>
        <sl-select
          size="small"
          name="scripts.${i}.media"
          label="录音 · Recording"
          placeholder="不用录音 · No recording"
          clearable
          hoist
          .value=${s.media}
          @sl-change=${(e: Event) => set({ media: value(e) })}
        >
          ${media.map((m) => html`<sl-option value=${m.id}>${m.title} · ${m.id}</sl-option>`)}
        </sl-select>
        ${this._error(`scripts.${i}.media`)}
      </div>
      <sl-icon-button
        name="trash"
        label="删除稿件 · Remove script"
        ?disabled=${this.scripts.length === 1}
        @click=${() => this._change(this.scripts.filter((_, j) => j !== i))}
      ></sl-icon-button>
      <div class="text">
        <sl-textarea
          size="small"
          rows="2"
          resize="auto"
          name="scripts.${i}.text"
          label="播报文字 · Words to speak"
          placeholder="没有录音时由语音合成播报 · Spoken by text-to-speech when there is no recording"
          maxlength="2000"
          .value=${s.text}
          @sl-input=${(e: Event) => set({ text: value(e) })}
        ></sl-textarea>
        ${this._error(`scripts.${i}.text`)} ${this._error(`scripts.${i}`)}
      </div>
    </div>`;
  }

  private _error(f: string) {
    const e = this.errors[f];
    return e ? html`<div class="error" data-field=${f}>${e}</div>` : nothing;
  }

  private _change(scripts: ScriptDraft[]): void {
    this.dispatchEvent(
      new CustomEvent<ScriptDraft[]>('scripts-change', {
        detail: scripts,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-mark-scripts': DcMarkScripts;
  }
}
