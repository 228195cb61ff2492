import { css } from 'lit';

/** The people page's forms: fields in a column, errors under their field, the result panel. */
export const formStyles = css`
  form {
    display: grid;
    gap: 0.9rem;
  }
  .field-error {
    margin-top: 0.25rem;
    color: var(--sl-color-danger-700);
    font-size: 0.85rem;
  }
  .error {
    color: var(--sl-color-danger-700);
    font-size: 0.9rem;
  }
  .inline {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
  }
  .inline sl-input {
    flex: 1;
  }
  .result {
    display: grid;
    gap: 0.75rem;
  }
  .secret {
    font-family: var(--sl-font-mono);
    font-size: 1.5rem;
    letter-spacing: 0.08em;
    padding: 0.5rem 0.75rem;
    background: var(--sl-color-neutral-100);
    border-radius: var(--sl-border-radius-medium);
    user-select: all;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  p {
    margin: 0;
  }
  .en {
    color: var(--sl-color-neutral-500);
  }
`;
