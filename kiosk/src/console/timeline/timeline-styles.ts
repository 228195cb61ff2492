import { css } from 'lit';

/** The timeline's look: toolbar, lane labels, the SVG plot and its hover card. */
export const timelineStyles = css`
  :host {
    display: block;
    font-family: var(--sl-font-sans);
    font-variant-numeric: tabular-nums;
    --lane-label: 6.5rem;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-bottom: 0.5rem;
  }
  .range {
    font-weight: 600;
    margin-left: 0.25rem;
  }
  .hint {
    margin-left: auto;
    font-size: 0.75rem;
    color: var(--sl-color-neutral-500);
  }
  .body {
    display: grid;
    grid-template-columns: var(--lane-label) minmax(0, 1fr);
  }
  .labels {
    position: relative;
    font-size: 0.8rem;
    color: var(--sl-color-neutral-700);
  }
  .labels div {
    position: absolute;
    left: 0;
    right: 0.5rem;
    line-height: 1.15;
  }
  .labels .en {
    display: block;
    font-size: 0.68rem;
    color: var(--sl-color-neutral-500);
  }
  .plot-wrap {
    position: relative;
    min-width: 0;
  }
  .plot {
    position: relative;
    min-width: 0;
    overflow: hidden;
    cursor: grab;
    touch-action: none;
    user-select: none;
    border-radius: var(--sl-border-radius-medium);
    outline: none;
  }
  .plot:focus-visible {
    box-shadow: 0 0 0 2px var(--sl-color-primary-400);
  }
  .plot.dragging {
    cursor: grabbing;
  }
  svg {
    display: block;
  }
  /* Only blocks take the pointer: the now-line or a label over a block must not hide it. */
  svg * {
    pointer-events: none;
  }
  svg .b {
    pointer-events: auto;
  }
  .lane-bg {
    fill: var(--sl-color-neutral-50);
  }
  .past {
    fill: rgba(15, 34, 51, 0.06);
  }
  .grid {
    stroke: var(--sl-color-neutral-200);
    stroke-width: 1;
  }
  .grid.major {
    stroke: var(--sl-color-neutral-300);
  }
  .tick {
    font-size: 11px;
    fill: var(--sl-color-neutral-600);
  }
  .b.s-upcoming,
  .b.s-due {
    fill-opacity: 0.5;
  }
  .b.s-missed,
  .b.s-failed,
  .b.s-skipped {
    fill-opacity: 0.28;
  }
  .b.s-playing {
    stroke: #1d4ed8;
    stroke-width: 2;
    animation: pulse 1.6s ease-in-out infinite;
  }
  .b.selected {
    stroke: #0f2233;
    stroke-width: 2;
  }
  @keyframes pulse {
    50% {
      stroke-opacity: 0.25;
    }
  }
  .label {
    font-size: 11px;
    fill: #0f2233;
    paint-order: stroke;
    stroke: rgba(255, 255, 255, 0.85);
    stroke-width: 3px;
    pointer-events: none;
  }
  .now {
    stroke: #dc2626;
    stroke-width: 2;
  }
  .now-label {
    font-size: 11px;
    font-weight: 600;
    fill: #dc2626;
  }
  .card {
    position: absolute;
    z-index: 3;
    width: 17rem;
    padding: 0.5rem 0.65rem;
    background: var(--sl-color-neutral-0);
    border: 1px solid var(--sl-color-neutral-300);
    border-radius: var(--sl-border-radius-medium);
    box-shadow: var(--sl-shadow-large);
    font-size: 0.8rem;
    line-height: 1.4;
    pointer-events: none;
  }
  .card strong {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .card .muted {
    color: var(--sl-color-neutral-500);
  }
  .dot {
    display: inline-block;
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    margin-right: 0.3rem;
    vertical-align: baseline;
  }
`;
