import { css } from 'lit';

/** What the announcement page's parts share: form rows, field errors, small print. */
export const announceStyles = css`
  .field + .field {
    margin-top: 0.9rem;
  }
  .label {
    display: block;
    font-size: var(--sl-input-label-font-size-medium);
    margin-bottom: 0.35rem;
  }
  .label .en,
  .hint .en {
    margin-left: 0.35rem;
  }
  .hint {
    font-size: 0.8rem;
    color: var(--sl-color-neutral-500);
    margin-top: 0.3rem;
  }
  .error,
  .invalid::part(form-control-help-text) {
    color: var(--sl-color-danger-600);
  }
  .error {
    font-size: 0.8rem;
    margin-top: 0.3rem;
  }
  .inline {
    display: flex;
    gap: 0.6rem;
    flex-wrap: wrap;
    align-items: flex-start;
  }
  .inline > * {
    flex: 1 1 9rem;
    min-width: 0;
  }
  sl-radio-group::part(button-group),
  sl-radio-group::part(button-group__base) {
    flex-wrap: wrap;
  }
`;
