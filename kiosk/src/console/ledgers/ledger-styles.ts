import { css } from 'lit';

/** What the ledgers' pages share: the register's head with its period, figures, amounts. */
export const ledgerStyles = css`
  .register-head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin-bottom: 0.75rem;
  }
  .register-head h2 {
    margin: 0 auto 0 0;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-bottom: 0.75rem;
  }
  .figure {
    display: flex;
    flex-direction: column;
    min-width: 6rem;
  }
  .figure b {
    font-size: 1.25rem;
    font-weight: 600;
  }
  .figure span {
    font-size: 0.78rem;
    color: var(--sl-color-neutral-600);
  }
  .figure.owed b {
    color: var(--sl-color-danger-700);
  }
  .sub {
    display: block;
    font-size: 0.75rem;
    color: var(--sl-color-neutral-500);
  }
  .nowrap {
    white-space: nowrap;
  }
  .money {
    text-align: right;
    white-space: nowrap;
  }
  .owed {
    color: var(--sl-color-danger-700);
    font-weight: 600;
  }
  .void td {
    color: var(--sl-color-neutral-400);
    text-decoration: line-through;
  }
  .split {
    display: grid;
    grid-template-columns: minmax(0, 2.2fr) minmax(0, 1fr);
    gap: 1rem;
    align-items: start;
  }
  @media (max-width: 1500px) {
    .split {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .clip {
    max-width: 16rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: 0.35rem;
    flex-wrap: wrap;
  }
`;
