import { css } from 'lit';

/** What the counter page's parts share: panels, form fields, a small screen first. */
export const counterStyles = css`
  :host {
    font-size: 16px;
    background: transparent;
  }
  .panel {
    padding: 14px 16px;
    border-radius: 10px;
    background: var(--dc-panel);
    border: 1px solid var(--dc-line);
  }
  h2 {
    margin: 0 0 10px;
    font-size: 16px;
    font-weight: 600;
    color: var(--dc-muted);
  }
  label {
    display: block;
    margin: 8px 0 4px;
    font-size: 14px;
    color: var(--dc-muted);
  }
  input,
  select,
  textarea {
    font: inherit;
    width: 100%;
    padding: 8px 10px;
    border: 1px solid var(--dc-line);
    border-radius: 6px;
    background: #fff;
    color: var(--dc-text);
  }
  textarea {
    min-height: 4em;
    resize: vertical;
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: end;
    flex-wrap: wrap;
  }
  .row > * {
    flex: 1 1 8em;
  }
  .row > button {
    flex: 0 0 auto;
  }
  button {
    min-height: 44px;
  }
`;
