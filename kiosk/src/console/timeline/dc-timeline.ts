import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ItemState } from '../../../../core/item-states.ts';
import type { TimedItem } from '../../../../core/timeline.ts';
import {
  clampView,
  dayView,
  hitTest,
  indexLane,
  panView,
  spanLabel,
  spanOf,
  timeAt,
  viewAround,
  visibleBlocks,
  zoomView,
  type Block,
  type LaneIndex,
  type Span,
} from './timeline-layout.ts';
import {
  BLOCK_H,
  drawCard,
  drawPlot,
  HEIGHT,
  LANE_Y,
  STRIP_H,
  type Lane,
} from './timeline-draw.ts';
import { LANES } from './timeline-palette.ts';
import { timelineStyles } from './timeline-styles.ts';

const MINUTE = 60_000;
/** Where "now" sits in a view that follows it: a third in, so what comes next shows. */
const NOW_AT = 1 / 3;

interface LaneData {
  items: TimedItem[];
  index: LaneIndex;
}

/** Detail of `item-select`: the plan item clicked. */
export interface ItemSelect {
  id: string;
}

/**
 * The day's plan as two lanes, bed and voice, each item a block coloured by its slot, with a
 * strip under it for what became of it, a now-line, and zoom from the whole day down to a
 * couple of minutes (buttons, wheel, drag, keys). Hovering shows an item; clicking selects it.
 */
@customElement('dc-timeline')
export class DcTimeline extends LitElement {
  static override styles = timelineStyles;

  /** Sorted by start (core/timeline.ts `timelineOf`). */
  @property({ attribute: false }) items: readonly TimedItem[] = [];
  /** Item id → state; none for a date whose plays are not known (the future). */
  @property({ attribute: false }) states?: ReadonlyMap<string, ItemState>;
  /** The server's clock, ms; the now-line shows when it falls within the bounds. */
  @property({ type: Number }) now?: number;
  /** The date's own 24 hours: the widest view. */
  @property({ attribute: false }) bounds: Span = { from: 0, to: 86_400_000 };
  /** The mall's offset from UTC that day, for the axis and the times shown. */
  @property({ type: Number }) offsetMinutes = 0;
  @property() selected?: string;

  @state() private _view?: Span;
  @state() private _width = 0;
  @state() private _hover?: { id: string; x: number };
  @state() private _dragging = false;
  private _lanes: Record<Lane, LaneData> = {
    bed: { items: [], index: indexLane([]) },
    voice: { items: [], index: indexLane([]) },
  };
  private _blocks: Record<Lane, Block[]> = { bed: [], voice: [] };
  private _follow = false;
  private _drag?: { x: number; view: Span; moved: boolean };
  private readonly _resize = new ResizeObserver(([entry]) => {
    if (entry) this._width = Math.floor(entry.contentRect.width);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateComplete.then(() => {
      const plot = this.renderRoot.querySelector('.plot');
      if (plot && this.isConnected) this._resize.observe(plot);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  /** The broadcast day, padded: everything planned. */
  showDay(): void {
    this._follow = false;
    this._view = dayView(this.items, this.bounds);
  }

  /** Follows the clock, `spanMs` wide (the current width if not given). */
  showNow(spanMs?: number): void {
    if (this.now === undefined) return;
    this._follow = true;
    this._view = viewAround(this.now, spanMs ?? spanOf(this._current()), this.bounds, NOW_AT);
  }

  /** `factor` below 1 zooms in: around now when it is in view, else around the middle. */
  zoom(factor: number): void {
    const v = this._current();
    this._view = zoomView(v, factor, this._anchor(v), this.bounds);
  }

  /** A view `spanMs` wide, keeping now in it when it was (following it if it was followed). */
  showSpan(spanMs: number): void {
    if (this._follow) return this.showNow(spanMs);
    const v = this._current();
    const anchor = this._anchor(v);
    const at = (anchor - v.from) / spanOf(v);
    this._view = viewAround(anchor, spanMs, this.bounds, at);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items')) {
      for (const lane of ['bed', 'voice'] as const) {
        const items = this.items.filter((i) => i.layer === lane);
        this._lanes[lane] = { items, index: indexLane(items) };
      }
    }
    // Another date: start from its whole day. The same date again (a refresh): keep the view.
    if (changed.has('bounds') || !this._view) this._view = dayView(this.items, this.bounds);
    else if (changed.has('items')) this._view = clampView(this._view, this.bounds);
    if (changed.has('now') && this._follow && this.now !== undefined)
      this._view = viewAround(this.now, spanOf(this._current()), this.bounds, NOW_AT);
    // What is drawn is also what the pointer is tested against.
    const view = this._current();
    for (const lane of ['bed', 'voice'] as const) {
      const { items, index } = this._lanes[lane];
      this._blocks[lane] = visibleBlocks(index, items, view, this._width);
    }
  }

  override render() {
    const view = this._current();
    const nowIn =
      this.now !== undefined && this.now >= this.bounds.from && this.now < this.bounds.to;
    return html`<div class="bar">
        <sl-button-group label="范围 · Range">
          <sl-button size="small" @click=${() => this.showDay()}>全天 · Whole day</sl-button>
          <sl-button size="small" @click=${() => this.showSpan(60 * MINUTE)}
            >1 小时 · 1 h</sl-button
          >
          <sl-button size="small" @click=${() => this.showSpan(10 * MINUTE)}
            >10 分钟 · 10 min</sl-button
          >
        </sl-button-group>
        <sl-button-group label="缩放 · Zoom">
          <sl-button size="small" title="缩小 · Zoom out" @click=${() => this.zoom(2)}>
            <sl-icon name="zoom-out" label="缩小 · Zoom out"></sl-icon>
          </sl-button>
          <sl-button size="small" title="放大 · Zoom in" @click=${() => this.zoom(0.5)}>
            <sl-icon name="zoom-in" label="放大 · Zoom in"></sl-icon>
          </sl-button>
        </sl-button-group>
        <sl-button size="small" ?disabled=${!nowIn} @click=${() => this.showNow()}>
          <sl-icon slot="prefix" name="crosshair"></sl-icon>现在 · Now
        </sl-button>
        <span class="range" data-testid="view-range">${spanLabel(view, this.offsetMinutes)}</span>
        <span class="hint">滚轮缩放 · 拖动平移 — Wheel to zoom, drag to pan</span>
      </div>
      <div class="body">
        <div class="labels" style="height:${HEIGHT}px">
          ${(['bed', 'voice'] as const).map(
            (lane) =>
              html`<div style="top:${LANE_Y[lane] + 2}px">
                ${LANES[lane].zh}<span class="en">${LANES[lane].en}</span>
              </div>`,
          )}
        </div>
        <div class="plot-wrap">
          <div
            class="plot ${this._dragging ? 'dragging' : ''}"
            tabindex="0"
            style="height:${HEIGHT}px"
            @wheel=${{ handleEvent: (e: WheelEvent) => this._wheel(e), passive: false }}
            @pointerdown=${this._pointerDown}
            @pointermove=${this._pointerMove}
            @pointerup=${this._pointerUp}
            @pointercancel=${this._pointerUp}
            @pointerleave=${() => (this._hover = undefined)}
            @keydown=${this._key}
          >
            ${
              this._width > 0
                ? drawPlot({
                    view,
                    width: this._width,
                    now: nowIn ? this.now : undefined,
                    offsetMinutes: this.offsetMinutes,
                    lanes: {
                      bed: { items: this._lanes.bed.items, blocks: this._blocks.bed },
                      voice: { items: this._lanes.voice.items, blocks: this._blocks.voice },
                    },
                    states: this.states,
                    selected: this.selected,
                  })
                : nothing
            }
          </div>
          ${this._hoverCard()}
        </div>
      </div>`;
  }

  private _hoverCard() {
    const hover = this._hover;
    const item = hover && this.items.find((i) => i.id === hover.id);
    if (!hover || !item) return nothing;
    const left = Math.max(0, Math.min(hover.x + 14, this._width - 280));
    return drawCard(item, this.states?.get(item.id), left, this.offsetMinutes);
  }

  /** What a zoom keeps in place: now, while it is in view; else the middle. */
  private _anchor(v: Span): number {
    const now = this.now;
    return now !== undefined && now >= v.from && now < v.to ? now : (v.from + v.to) / 2;
  }

  private _current(): Span {
    return this._view ?? dayView(this.items, this.bounds);
  }

  /** The block under a pointer, from its position over the plot. */
  private _at(e: PointerEvent): { item: TimedItem; x: number } | undefined {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const lane = (['bed', 'voice'] as const).find(
      (l) => y >= LANE_Y[l] - 3 && y < LANE_Y[l] + BLOCK_H + STRIP_H + 3,
    );
    if (!lane) return undefined;
    const b = hitTest(this._blocks[lane], x);
    const item = b && this._lanes[lane].items[b.index];
    return item ? { item, x } : undefined;
  }

  private _wheel(e: WheelEvent): void {
    e.preventDefault();
    const view = this._current();
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      this._follow = false;
      const px = (e.shiftKey ? e.deltaY : e.deltaX) * scale;
      this._view = panView(view, (px / this._width) * spanOf(view), this.bounds);
      return;
    }
    const anchor = timeAt(view, this._width, e.clientX - box.left);
    this._view = zoomView(view, Math.exp(e.deltaY * scale * 0.002), anchor, this.bounds);
  }

  private readonly _pointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this._drag = { x: e.clientX, view: this._current(), moved: false };
  };

  private readonly _pointerMove = (e: PointerEvent) => {
    const d = this._drag;
    if (d) {
      const dx = e.clientX - d.x;
      if (Math.abs(dx) > 3) d.moved = this._dragging = true;
      if (d.moved) {
        this._follow = false;
        this._hover = undefined;
        this._view = panView(d.view, (-dx / this._width) * spanOf(d.view), this.bounds);
        return;
      }
    }
    const hit = this._at(e);
    this._hover = hit ? { id: hit.item.id, x: hit.x } : undefined;
  };

  private readonly _pointerUp = (e: PointerEvent) => {
    const d = this._drag;
    this._drag = undefined;
    this._dragging = false;
    if (!d || d.moved || e.type === 'pointercancel') return;
    const hit = this._at(e);
    if (!hit) return;
    this.dispatchEvent(
      new CustomEvent<ItemSelect>('item-select', {
        detail: { id: hit.item.id },
        bubbles: true,
        composed: true,
      }),
    );
  };

  private readonly _key = (e: KeyboardEvent) => {
    const view = this._current();
    const step = spanOf(view) / 5;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => (this._view = panView(view, -step, this.bounds)),
      ArrowRight: () => (this._view = panView(view, step, this.bounds)),
      '+': () => this.zoom(0.5),
      '=': () => this.zoom(0.5),
      '-': () => this.zoom(2),
      Home: () => this.showDay(),
      n: () => this.showNow(),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    if (e.key.startsWith('Arrow')) this._follow = false;
    run();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-timeline': DcTimeline;
  }
}
