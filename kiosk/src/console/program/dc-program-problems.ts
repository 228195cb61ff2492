import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { whereOf, type Problem } from './program-types.ts';

/** Detail of `problem-select`: the problem clicked, to be shown at its place in the file. */
export type ProblemSelect = Problem;

/**
 * Every problem the server found in the edited files, errors first, each with its file, line
 * and column and the server's own words; clicking one shows it in the code editor.
 */
@customElement('dc-program-problems')
export class DcProgramProblems extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.85rem;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.25rem;
    }
    button {
      all: unset;
      cursor: pointer;
      display: flex;
      gap: 0.4rem;
      align-items: flex-start;
    }
    button sl-icon {
      flex: none;
      margin-top: 0.15rem;
    }
    button:hover .msg,
    button:focus-visible .msg {
      text-decoration: underline;
    }
    .where {
      font-family: var(--sl-font-mono);
      font-size: 0.78rem;
      color: var(--sl-color-neutral-600);
      white-space: nowrap;
    }
    .error sl-icon {
      color: var(--sl-color-danger-600);
    }
    .warning sl-icon {
      color: var(--sl-color-warning-600);
    }
    .none {
      color: var(--sl-color-success-700);
    }
  `;

  @property({ attribute: false }) problems: readonly Problem[] = [];

  override render() {
    if (this.problems.length === 0)
      return html`<div class="none" data-testid="no-problems">
        <sl-icon name="check2-circle"></sl-icon> 没有问题 · No problems
      </div>`;
    return html`<ul data-testid="problems">
      ${this.problems.map(
        (p) =>
          html`<li class=${p.severity}>
            <button
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent<ProblemSelect>('problem-select', {
                    detail: p,
                    bubbles: true,
                    composed: true,
                  }),
                )}
            >
              <sl-icon
                name=${p.severity === 'error' ? 'exclamation-octagon' : 'exclamation-triangle'}
                label=${p.severity === 'error' ? '错误 · Error' : '提醒 · Warning'}
              ></sl-icon>
              <span class="where">${whereOf(p)}</span>
              <span class="msg">${p.message}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-problems': DcProgramProblems;
  }
}
