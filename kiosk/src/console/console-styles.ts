import { css } from 'lit';

/**
 * The console's page furniture, shared by every page: a page heading with its English beneath,
 * cards, tables and the bilingual label. Colours come from Shoelace's theme tokens.
 */
export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--sl-font-sans);
    color: var(--sl-color-neutral-900);
    font-variant-numeric: tabular-nums;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .page-head {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
    margin-bottom: 1rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 600;
  }
  h1 .en,
  h2 .en {
    margin-left: 0.5rem;
    font-size: 0.8rem;
    font-weight: 400;
    color: var(--sl-color-neutral-500);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.05rem;
    font-weight: 600;
  }
  .en {
    color: var(--sl-color-neutral-500);
  }
  .muted {
    color: var(--sl-color-neutral-500);
  }
  .card {
    background: var(--sl-color-neutral-0);
    border: 1px solid var(--sl-color-neutral-200);
    border-radius: var(--sl-border-radius-large);
    padding: 1rem 1.25rem;
    box-shadow: var(--sl-shadow-x-small);
    min-width: 0;
  }
  .grid {
    display: grid;
    gap: 1rem;
  }
  .row {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    flex-wrap: wrap;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--sl-color-neutral-100);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    color: var(--sl-color-neutral-600);
    background: var(--sl-color-neutral-50);
    white-space: nowrap;
  }
  th .en {
    display: block;
    font-size: 0.7rem;
    font-weight: 400;
  }
  td.num,
  th.num {
    text-align: right;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .empty {
    padding: 2rem;
    text-align: center;
    color: var(--sl-color-neutral-500);
  }
`;
