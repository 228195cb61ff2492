import { structuredPatch, type StructuredPatchHunk } from 'diff';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * What an edit changes in a file, line by line: the running text against the edited one, with
 * three lines of context and each side's line numbers, removed lines red, added green.
 */
@customElement('dc-program-diff')
export class DcProgramDiff extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.8rem;
    }
    .file {
      font-weight: 600;
      margin: 0.25rem 0;
    }
    .count {
      font-weight: 400;
      color: var(--sl-color-neutral-600);
      margin-left: 0.5rem;
    }
    .wrap {
      overflow-x: auto;
      border: 1px solid var(--sl-color-neutral-200);
      border-radius: var(--sl-border-radius-medium);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-family: var(--sl-font-mono);
    }
    td {
      padding: 0 0.5rem;
      white-space: pre;
      vertical-align: top;
    }
    td.n {
      color: var(--sl-color-neutral-500);
      text-align: right;
      user-select: none;
      width: 1%;
    }
    tr.add {
      background: var(--sl-color-success-50);
    }
    tr.add td.t {
      color: var(--sl-color-success-800);
    }
    tr.del {
      background: var(--sl-color-danger-50);
    }
    tr.del td.t {
      color: var(--sl-color-danger-800);
    }
    tr.hunk td {
      background: var(--sl-color-neutral-100);
      color: var(--sl-color-neutral-600);
    }
    .none {
      color: var(--sl-color-neutral-500);
      padding: 0.25rem 0;
    }
  `;

  /** The file's name, shown above its changes. */
  @property() file = '';
  /** The running text. */
  @property({ attribute: false }) oldText = '';
  /** The edited text (or an old revision's). */
  @property({ attribute: false }) newText = '';

  private _hunks: StructuredPatchHunk[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('oldText') || changed.has('newText'))
      this._hunks =
        this.oldText === this.newText
          ? []
          : structuredPatch(this.file, this.file, this.oldText, this.newText, '', '', {
              context: 3,
            }).hunks;
  }

  override render() {
    const added = this._count('+');
    const removed = this._count('-');
    return html`<div class="file">
        ${this.file}
        <span class="count" data-testid="diff-count"
          >${this._hunks.length ? `+${added} −${removed}` : nothing}</span
        >
      </div>
      ${
        this._hunks.length === 0
          ? html`<div class="none" data-testid="no-diff">没有改动 · No changes</div>`
          : html`<div class="wrap">
              <table data-testid="diff">
                ${this._hunks.map((h) => this._hunk(h))}
              </table>
            </div>`
      }`;
  }

  private _hunk(h: StructuredPatchHunk) {
    let a = h.oldStart;
    let b = h.newStart;
    return html`<tr class="hunk">
        <td class="n"></td>
        <td class="n"></td>
        <td>第 ${h.oldStart} 行起 · from line ${h.oldStart}</td>
      </tr>
      ${h.lines.map((line) => {
        const mark = line[0];
        const text = line.slice(1);
        if (mark === '\\') return nothing;
        if (mark === '+')
          return html`<tr class="add">
            <td class="n"></td>
            <td class="n">${b++}</td>
            <td class="t">+ ${text}</td>
          </tr>`;
        if (mark === '-')
          return html`<tr class="del">
            <td class="n">${a++}</td>
            <td class="n"></td>
            <td class="t">− ${text}</td>
          </tr>`;
        return html`<tr>
          <td class="n">${a++}</td>
          <td class="n">${b++}</td>
          <td class="t">${text}</td>
        </tr>`;
      })}`;
  }

  private _count(mark: '+' | '-'): number {
    return this._hunks.reduce((n, h) => n + h.lines.filter((l) => l[0] === mark).length, 0);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-diff': DcProgramDiff;
  }
}
