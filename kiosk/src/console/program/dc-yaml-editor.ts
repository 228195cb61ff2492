import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Problem } from './program-types.ts';

/** Detail of `yaml-input`: the whole text after a change typed in the editor. */
export type YamlInput = string;

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '0.85rem', backgroundColor: 'var(--sl-color-neutral-0)' },
  '.cm-scroller': { fontFamily: 'var(--sl-font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--sl-color-neutral-50)' },
});

/**
 * A YAML file in CodeMirror 6, with the server's problems as lint diagnostics at their line
 * and column (a marker in the gutter, the text underlined, the message on hover). The editor
 * lives in this element's shadow root, so it is given that root for its styles and selection.
 */
@customElement('dc-yaml-editor')
export class DcYamlEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid var(--sl-color-neutral-300);
      border-radius: var(--sl-border-radius-medium);
      overflow: hidden;
      height: 32rem;
      max-height: 70vh;
    }
    .cm {
      height: 100%;
    }
  `;

  /** The file's text; set from outside (the form, a reload), it replaces the editor's. */
  @property({ attribute: false }) value = '';
  /** The server's problems with this file. */
  @property({ attribute: false }) problems: readonly Problem[] = [];
  @property() label = '';

  private _view?: EditorView;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._view?.destroy();
    this._view = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (a tab shown again): the editor is made anew from the value.
    if (this.hasUpdated) this.requestUpdate();
  }

  override render() {
    return html`<div class="cm" aria-label=${this.label}></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this._view ?? this._create();
    let replaced = false;
    if (changed.has('value') && view.state.doc.toString() !== this.value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.value } });
      replaced = true;
    }
    // While typing, the diagnostics already shown move with the text until the next preview.
    if (changed.has('problems') || replaced)
      view.dispatch(setDiagnostics(view.state, this._diagnostics(view)));
  }

  /** Puts the cursor at a line and column and scrolls it into view. */
  reveal(line: number, col: number): void {
    const view = this._view;
    if (!view) return;
    const doc = view.state.doc;
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const pos = Math.min(l.from + Math.max(col - 1, 0), l.to);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }

  private _create(): EditorView {
    const root = this.shadowRoot as ShadowRoot;
    this._view = new EditorView({
      doc: this.value,
      root,
      parent: root.querySelector('.cm') as HTMLElement,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        theme,
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const text = u.state.doc.toString();
          if (text === this.value) return;
          this.value = text;
          this.dispatchEvent(
            new CustomEvent<YamlInput>('yaml-input', {
              detail: text,
              bubbles: true,
              composed: true,
            }),
          );
        }),
      ],
    });
    return this._view;
  }

  /** Each problem from its line and column to the end of the word there. */
  private _diagnostics(view: EditorView): Diagnostic[] {
    const doc = view.state.doc;
    return this.problems.map((p) => {
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
      const from = p.line > 0 ? Math.min(line.from + Math.max(p.col - 1, 0), line.to) : 0;
      const rest = doc.sliceString(from, line.to);
      const word = /^[^\s,{}[\]]+/.exec(rest)?.[0].length ?? 0;
      const to = p.line > 0 ? from + (word || rest.length) : line.to;
      return { from, to, severity: p.severity, message: p.message, source: p.file };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-yaml-editor': DcYamlEditor;
  }
}
