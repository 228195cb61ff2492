import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

// Only what the console draws: bars and lines on a grid, with a legend and tooltips.
use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

/** The chart options the console's charts may use. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** The console's palette, from Shoelace's theme: planned grey-blue, played green, and so on. */
export const CHART_COLOURS = ['#7b93ad', '#16a34a', '#dc2626', '#f59e0b', '#0284c7', '#9333ea'];

/**
 * An ECharts chart that fills its box and follows it when the box changes size. Give it an
 * `option`; its height comes from CSS (`dc-chart { height: 16rem }`).
 */
@customElement('dc-chart')
export class DcChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: 16rem;
      min-width: 0;
    }
    .box {
      position: absolute;
      inset: 0;
    }
  `;

  @property({ attribute: false }) option?: ChartOption;
  /** What the chart shows, for screen readers and as the tooltip of the box. */
  @property() label = '';

  @query('.box') private _box!: HTMLDivElement;
  private _chart?: ECharts;
  private _resize?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the chart was disposed on leaving, so draw it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._chart?.dispose();
    this._chart = undefined;
  }

  override render() {
    return html`<div class="box" role="img" aria-label=${this.label}></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const fresh = !this._chart;
    if (!this._chart) {
      this._chart = init(this._box, undefined, { renderer: 'svg' });
      this._resize = new ResizeObserver(() => this._chart?.resize());
      this._resize.observe(this);
    }
    if ((fresh || changed.has('option')) && this.option) {
      // ECharts measures its labels with the font it is told: name the page's real font, or
      // legend items overlap where the measured and the drawn widths differ.
      const fontFamily = getComputedStyle(this).fontFamily;
      this._chart.setOption(
        { color: CHART_COLOURS, textStyle: { fontFamily }, ...this.option },
        { notMerge: true },
      );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-chart': DcChart;
  }
}
