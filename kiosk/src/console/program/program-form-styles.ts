import { css, html, nothing } from 'lit';
import type { Lines } from './program-model.ts';
import type { Levels, Problem } from './program-types.ts';

/** The program form's tables: compact rows of small controls, problems under their row. */
export const programFormStyles = css`
  table {
    font-size: 0.85rem;
  }
  td {
    vertical-align: top;
    padding: 0.35rem 0.45rem;
  }
  td.name {
    min-width: 8rem;
  }
  .code {
    font-family: var(--sl-font-mono);
    font-size: 0.72rem;
    color: var(--sl-color-neutral-500);
  }
  .times {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .times sl-input {
    width: 6.2rem;
  }
  sl-select {
    width: 10rem;
  }
  sl-select.narrow {
    width: 8.5rem;
  }
  sl-input.every {
    width: 5.5rem;
  }
  .note {
    font-size: 0.72rem;
    color: var(--sl-color-neutral-600);
    margin-top: 0.15rem;
  }
  tr.problems td {
    padding-top: 0;
    border-bottom: 1px solid var(--sl-color-neutral-100);
  }
  tr.has-problems td {
    border-bottom: none;
  }
  .problem {
    font-size: 0.78rem;
    color: var(--sl-color-danger-700);
  }
  .problem.warning {
    color: var(--sl-color-warning-700);
  }
  .problem sl-icon {
    vertical-align: -2px;
    margin-right: 0.25rem;
  }
`;

/** The server's problems that fall on a row's lines. */
export const problemsIn = (problems: readonly Problem[], lines: Lines) =>
  problems.filter((p) => p.line >= lines.first && p.line <= lines.last && lines.first > 0);

/** A row's problems as a table row under it (nothing when it has none). */
export function problemRow(found: readonly Problem[], columns: number) {
  if (found.length === 0) return nothing;
  return html`<tr class="problems">
    <td colspan=${columns} data-testid="row-problems">
      ${found.map(
        (p) =>
          html`<div class="problem ${p.severity}">
            <sl-icon
              name=${p.severity === 'error' ? 'exclamation-octagon' : 'exclamation-triangle'}
            ></sl-icon
            >第 ${p.line} 行 · line ${p.line}: ${p.message}
          </div>`,
      )}
    </td>
  </tr>`;
}

/** The level a slot plays at when none is set, for a field's placeholder. */
export function defaultLevelText(own: number | undefined, levels: Levels | undefined): string {
  if (own !== undefined) return `默认 ${own}`;
  if (!levels || levels.defaults.length === 0) return '默认';
  return `默认 ${levels.defaults.join('/')}`;
}
