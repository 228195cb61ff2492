import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { baseStyles } from '../queue/queue-theme.ts';
import { say } from './guide-text.ts';
import { guideStyles } from './guide-theme.ts';
import type { GuideFloor, GuideMerchant, HereSpot, Lang } from './guide-types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * One floor's map (the mall's SVG, checked by the server), with the shops' names written on
 * their units, the found shop's unit lit up with a pin, and this screen's "you are here" when
 * it stands on this floor. The drawing is the mall's; the marks are added over it.
 */
@customElement('dc-guide-map')
export class DcGuideMap extends LitElement {
  static override styles = [
    baseStyles,
    guideStyles,
    css`
      :host {
        display: block;
        position: relative;
        background: transparent;
        min-height: 0;
      }
      .map {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
      }
      .map > svg {
        width: 100%;
        height: 100%;
      }
      /* Places other screens stand are not this one's. */
      .map .here {
        display: none;
      }
      .map .here.me {
        display: inline;
        fill: #e03a3a;
      }
      .ring {
        fill: none;
        stroke: #e03a3a;
        stroke-width: 5;
        animation: pulse 1.6s ease-out infinite;
        transform-box: fill-box;
        transform-origin: center;
      }
      @keyframes pulse {
        from {
          transform: scale(1);
          opacity: 1;
        }
        to {
          transform: scale(3);
          opacity: 0;
        }
      }
      .map .unit.hit rect {
        fill: #f2b84b !important;
        stroke: #a86a00 !important;
        stroke-width: 6 !important;
      }
      /* The way up or down from another floor: the lifts stand out. */
      .map.via .lift rect.area,
      .map.via .lift .icon {
        stroke: #e03a3a;
        stroke-width: 5;
      }
      .map .unit.hit .unit-code {
        fill: #3b2a00;
      }
      .shop-name {
        font-family: 'Noto Sans CJK SC', sans-serif;
        font-weight: 600;
        fill: #30363d;
        pointer-events: none;
      }
      .unit.hit .shop-name {
        fill: #1a1a1a;
      }
      .tag {
        font:
          700 40px 'Noto Sans CJK SC',
          sans-serif;
        paint-order: stroke;
        stroke: #fff;
        stroke-width: 8px;
      }
      .tag.here-tag {
        fill: #c81e1e;
      }
      .pin {
        fill: #c8102e;
        stroke: #fff;
        stroke-width: 4;
      }
    `,
  ];

  @property({ attribute: false }) floor?: GuideFloor;
  @property({ attribute: false }) merchants: readonly GuideMerchant[] = [];
  /** The unit to light up (A201). */
  @property() unit = '';
  @property({ attribute: false }) here: HereSpot | null = null;
  @property() locale: Lang = 'zh';

  override render() {
    if (!this.floor) return nothing;
    // Found on another floor than this screen's: the lifts are the way there.
    const via = !!this.unit && !!this.here && this.here.floor !== this.floor.id;
    return html`<div class="map ${via ? 'via' : ''}" data-floor=${this.floor.id}>
      ${unsafeHTML(this.floor.svg)}
    </div>`;
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    const svg = this.renderRoot.querySelector('.map > svg') as SVGSVGElement | null;
    const floor = this.floor;
    if (!svg || !floor) return;
    for (const el of svg.querySelectorAll('.dc-mark')) el.remove();
    for (const el of svg.querySelectorAll('.hit, .me')) el.classList.remove('hit', 'me');
    // Every shop's name on its unit, as large as its unit allows.
    for (const m of this.merchants) {
      const g = m.unit ? svg.getElementById(floor.units[m.unit] ?? '') : null;
      if (g instanceof SVGGraphicsElement) this._label(g, m.name, m.unit === this.unit);
    }
    const hit = this.unit ? svg.getElementById(floor.units[this.unit] ?? '') : null;
    if (hit instanceof SVGGraphicsElement) {
      hit.classList.add('hit');
      const b = hit.getBBox();
      this._pin(svg, b.x + b.width / 2, b.y);
    }
    const me = this.here?.floor === floor.id ? svg.getElementById(this.here.element) : null;
    if (me instanceof SVGGraphicsElement) {
      me.classList.add('me');
      const b = me.getBBox();
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      const ring = document.createElementNS(SVG_NS, 'circle');
      ring.setAttribute('class', 'dc-mark ring');
      ring.setAttribute('cx', String(cx));
      ring.setAttribute('cy', String(cy));
      ring.setAttribute('r', String(Math.max(b.width, 28) / 2));
      svg.append(ring);
      const tag = this._text(svg, `${say('youAreHere', this.locale)}`, cx, cy - b.height / 2 - 14);
      tag.setAttribute('class', 'dc-mark tag here-tag');
      tag.setAttribute('data-testid', 'you-are-here');
    }
  }

  private _text(parent: Element, text: string, x: number, y: number): SVGTextElement {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('text-anchor', 'middle');
    t.textContent = text;
    parent.append(t);
    return t;
  }

  /** The name centred on the unit, on two lines when long, shrunk to the unit's width. */
  private _label(unit: SVGGraphicsElement, name: string, hit: boolean): void {
    const b = unit.getBBox();
    const lines =
      name.length > 6
        ? [name.slice(0, Math.ceil(name.length / 2)), name.slice(Math.ceil(name.length / 2))]
        : [name];
    const longest = Math.max(...lines.map((l) => l.length));
    const size = Math.min(34, (b.width * 0.86) / longest, (b.height * 0.5) / lines.length);
    lines.forEach((line, i) => {
      const t = this._text(
        unit,
        line,
        b.x + b.width / 2,
        b.y + b.height / 2 + size * (i - (lines.length - 1) / 2 + 0.35),
      );
      t.setAttribute('class', 'dc-mark shop-name');
      t.setAttribute('font-size', size.toFixed(1));
      if (hit) t.setAttribute('data-testid', 'hit-name');
    });
  }

  private _pin(svg: SVGSVGElement, x: number, y: number): void {
    const pin = document.createElementNS(SVG_NS, 'path');
    pin.setAttribute('class', 'dc-mark pin');
    pin.setAttribute(
      'd',
      `M${x} ${y + 10} c-14 -22 -30 -34 -30 -54 a30 30 0 0 1 60 0 c0 20 -16 32 -30 54 z`,
    );
    svg.append(pin);
    const dot = document.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('class', 'dc-mark');
    dot.setAttribute('cx', String(x));
    dot.setAttribute('cy', String(y - 44));
    dot.setAttribute('r', '11');
    dot.setAttribute('fill', '#fff');
    svg.append(dot);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-map': DcGuideMap;
  }
}
