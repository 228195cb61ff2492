import { css } from 'lit';

/** A deadline's state as its colour: overdue red, soon amber, met green, paused grey. */
export const deadlineStyles = css`
  .deadline {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .deadline.overdue,
  .deadline.late {
    color: var(--sl-color-danger-700);
  }
  .deadline.soon {
    color: var(--sl-color-warning-700);
  }
  .deadline.met {
    color: var(--sl-color-success-700);
  }
  .deadline.open {
    color: var(--sl-color-neutral-700);
  }
  .deadline.paused {
    color: var(--sl-color-neutral-500);
  }
`;
