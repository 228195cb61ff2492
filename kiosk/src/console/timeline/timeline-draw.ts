import { html, nothing, svg } from 'lit';
import type { ItemState } from '../../../../core/item-states.ts';
import type { TimedItem } from '../../../../core/timeline.ts';
import { formatInstant } from '../../../../core/zoned-time.ts';
import { fitLabel, ticks, xOf, type Block, type Span } from './timeline-layout.ts';
import { slotName, STATE_STYLE, stateName, swatchOf, type LANES } from './timeline-palette.ts';

export type Lane = keyof typeof LANES;

export const AXIS_H = 22;
export const BLOCK_H = 30;
export const STRIP_H = 5;
const LANE_STEP = BLOCK_H + STRIP_H + 14;
export const LANE_Y = { bed: AXIS_H + 4, voice: AXIS_H + 4 + LANE_STEP } as const;
export const HEIGHT = LANE_Y.voice + BLOCK_H + STRIP_H + 4;
const FONT_PX = 11;

/** `HH:MM:SS` on the mall's clock. */
export const clockAt = (t: number, offsetMinutes: number) =>
  formatInstant(Math.floor(t / 1000) * 1000, offsetMinutes).slice(11, 19);

export interface PlotInput {
  view: Span;
  width: number;
  /** Where the now-line goes; none when now is not on this date. */
  now: number | undefined;
  offsetMinutes: number;
  lanes: Record<Lane, { items: readonly TimedItem[]; blocks: readonly Block[] }>;
  states: ReadonlyMap<string, ItemState> | undefined;
  selected: string | undefined;
}

/** The timeline's SVG: lanes, the past shaded, the axis, the blocks and the now-line. */
export function drawPlot(p: PlotInput) {
  const w = p.width;
  const nowX = p.now !== undefined ? xOf(p.view, w, p.now) : undefined;
  return svg`<svg width=${w} height=${HEIGHT} role="img" aria-label="节目时间线 · Timeline">
    ${(['bed', 'voice'] as const).map(
      (lane) => svg`<rect class="lane-bg" x="0" y=${LANE_Y[lane]} width=${w}
        height=${BLOCK_H + STRIP_H}></rect>`,
    )}
    ${nowX !== undefined && nowX > 0 ? svg`<rect class="past" x="0" y=${AXIS_H} width=${Math.min(nowX, w)} height=${HEIGHT - AXIS_H}></rect>` : nothing}
    ${ticks(p.view, w, p.offsetMinutes).map(
      (t) => svg`<line class="grid ${t.major ? 'major' : ''}" x1=${t.x} x2=${t.x} y1=${AXIS_H - 4}
          y2=${HEIGHT}></line>
        ${t.x + 34 < w ? svg`<text class="tick" x=${t.x + 3} y="13">${t.label}</text>` : nothing}`,
    )}
    ${(['bed', 'voice'] as const).map((lane) => drawLane(p, lane))}
    ${
      nowX !== undefined && nowX >= 0 && nowX <= w
        ? svg`<line class="now" x1=${nowX} x2=${nowX} y1=${AXIS_H - 6} y2=${HEIGHT}></line>
          <text class="now-label" x=${nowX > w - 70 ? nowX - 66 : nowX + 4} y=${AXIS_H + 1}
            >${clockAt(p.now ?? 0, p.offsetMinutes)}</text>`
        : nothing
    }
  </svg>`;
}

/** One lane's blocks, each with its state strip and, where it fits, its title. */
function drawLane(p: PlotInput, lane: Lane) {
  const { items, blocks } = p.lanes[lane];
  const y = LANE_Y[lane];
  return blocks.map((b) => {
    const item = items[b.index];
    if (!item) return nothing;
    const s = p.states?.get(item.id);
    const label = b.w > 28 ? fitLabel(item.title, b.w - 6, FONT_PX) : '';
    // A pixel of gap between neighbours, where there is room for it.
    return svg`<rect class="b s-${s ?? 'plain'} ${item.id === p.selected ? 'selected' : ''}"
        data-item=${item.id} x=${b.x} y=${y} width=${b.w >= 4 ? b.w - 1 : b.w} height=${BLOCK_H}
        fill=${swatchOf(item).colour}></rect>
      ${s ? svg`<rect x=${b.x} y=${y + BLOCK_H} width=${b.w} height=${STRIP_H} fill=${STATE_STYLE[s].colour}></rect>` : nothing}
      ${label ? svg`<text class="label" x=${b.x + 3} y=${y + 19}>${label}</text>` : nothing}`;
  });
}

/** The card shown while the pointer is over an item: below its lane, `left` px in. */
export function drawCard(
  item: TimedItem,
  state: ItemState | undefined,
  left: number,
  offsetMinutes: number,
) {
  // Below the lane hovered, over whatever follows the timeline: it goes with the pointer.
  const top = LANE_Y[item.layer] + BLOCK_H + STRIP_H + 6;
  const clock = (t: number) => clockAt(t, offsetMinutes);
  return html`<div class="card" style="left:${left}px;top:${top}px" data-testid="hover-card">
    <strong>${item.title}</strong>
    <div>${clock(item.startMs)}–${clock(item.endMs)} · ${slotName(item.slot)}</div>
    <div class="muted">
      音量 · PA level ${item.volume}${item.media ? ` · ${item.media.id}` : ''}
    </div>
    ${
      state
        ? html`<div>
            <span class="dot" style="background:${STATE_STYLE[state].colour}"></span
            >${stateName(state)}
          </div>`
        : nothing
    }
  </div>`;
}
