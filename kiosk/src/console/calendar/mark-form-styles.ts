import { css } from 'lit';

/** The calendar's forms: a grid of labelled fields, each with its error beneath. */
export const markFormStyles = css`
  .form {
    display: grid;
    grid-template-columns: repeat(var(--form-columns, 2), minmax(0, 1fr));
    gap: 0.75rem 1rem;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .error {
    color: var(--sl-color-danger-600);
    font-size: 0.8rem;
    margin-top: 0.2rem;
    white-space: pre-line;
  }
  .hint {
    color: var(--sl-color-neutral-500);
    font-size: 0.78rem;
    margin-top: 0.2rem;
  }
  .label {
    display: block;
    font-size: var(--sl-input-label-font-size-medium);
    margin-bottom: 0.35rem;
  }
  .general {
    margin-bottom: 0.75rem;
  }
  sl-input[data-invalid]::part(base),
  sl-textarea[data-invalid]::part(base) {
    border-color: var(--sl-color-danger-500);
  }
`;
