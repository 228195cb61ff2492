import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { clock } from './media-types.ts';

interface Peaks {
  peaks: number[];
  durationMs: number;
}

const HEIGHT = 64;

/**
 * A stored file's waveform (peaks computed by the server, GET /media/<file>/peaks) that plays
 * it: play and pause, click or arrow keys on the waveform to seek, the part played shaded.
 */
@customElement('dc-media-waveform')
export class DcMediaWaveform extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .wave {
      position: relative;
      flex: 1;
      min-width: 0;
      height: ${HEIGHT}px;
      cursor: pointer;
      border-radius: var(--sl-border-radius-medium);
      background: var(--sl-color-neutral-50);
      border: 1px solid var(--sl-color-neutral-200);
    }
    .wave:focus-visible {
      outline: 2px solid var(--sl-color-primary-600);
    }
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-size: 0.85rem;
      color: var(--sl-color-neutral-600);
      white-space: nowrap;
    }
    .state {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      height: 100%;
      font-size: 0.85rem;
      color: var(--sl-color-neutral-500);
    }
  `;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The stored file, `<sha256>.<ext>`. */
  @property() file = '';
  @property({ type: Number }) durationMs = 0;
  @state() private _at = 0;
  @state() private _playing = false;
  @query('audio') private _audio?: HTMLAudioElement;

  private readonly _peaks = new Task(this, {
    task: ([file]) => this.session.api.get<Peaks>(`/media/${file}/peaks`),
    args: () => [this.file] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._audio?.pause();
  }

  override render() {
    const total = this.durationMs / 1000;
    return html`<div class="bar">
        <sl-icon-button
          name=${this._playing ? 'pause-circle' : 'play-circle'}
          label=${this._playing ? '暂停 · Pause' : '播放 · Play'}
          data-testid="play"
          style="font-size:2rem"
          @click=${this._toggle}
        ></sl-icon-button>
        <div
          class="wave"
          tabindex="0"
          role="slider"
          aria-label="播放位置 · Position"
          aria-valuemin="0"
          aria-valuemax=${Math.round(total)}
          aria-valuenow=${Math.round(this._at)}
          data-testid="waveform"
          @click=${this._seek}
          @keydown=${this._key}
        >
          ${this._peaks.render({
            pending: () =>
              html`<div class="state">
                <sl-spinner></sl-spinner> 正在生成波形… · Drawing the waveform…
              </div>`,
            complete: (p) => this._wave(p.peaks, total ? this._at / total : 0),
            error: (e) =>
              html`<div class="state">
                波形无法生成 · No waveform: ${e instanceof Error ? e.message : String(e)}
              </div>`,
          })}
        </div>
        <span class="time" data-testid="position"
          >${clock(this._at * 1000)} / ${clock(this.durationMs)}</span
        >
      </div>
      <audio
        preload="none"
        src=${`/media/${this.file}`}
        @timeupdate=${this._time}
        @play=${() => (this._playing = true)}
        @pause=${() => (this._playing = false)}
        @ended=${() => (this._playing = false)}
      ></audio>`;
  }

  private _wave(peaks: readonly number[], played: number) {
    const n = peaks.length || 1;
    const mid = HEIGHT / 2;
    // One path for all bars: hundreds of rects would each be a DOM node.
    const d = peaks
      .map((p, i) => {
        const h = Math.max(1, p * (HEIGHT - 6));
        return `M${i + 0.5} ${mid - h / 2}v${h}`;
      })
      .join('');
    return svg`<svg viewBox="0 0 ${n} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true">
      <defs><clipPath id="played"><rect x="0" y="0" width=${played * n} height=${HEIGHT}></rect></clipPath></defs>
      <path d=${d} stroke="var(--sl-color-neutral-400)" stroke-width="0.6" vector-effect="non-scaling-stroke"></path>
      <path d=${d} stroke="var(--sl-color-primary-600)" stroke-width="0.6" clip-path="url(#played)"></path>
      <line x1=${played * n} x2=${played * n} y1="0" y2=${HEIGHT} stroke="var(--sl-color-primary-700)" stroke-width="1" vector-effect="non-scaling-stroke"></line>
    </svg>`;
  }

  private _toggle() {
    const a = this._audio;
    if (!a) return;
    if (a.paused) void a.play().catch(() => (this._playing = false));
    else a.pause();
  }

  private _time() {
    this._at = this._audio?.currentTime ?? 0;
  }

  private _seekTo(seconds: number) {
    const a = this._audio;
    if (!a) return;
    const total = this.durationMs / 1000;
    a.currentTime = Math.min(Math.max(0, seconds), total);
    this._at = a.currentTime;
  }

  private _seek(e: MouseEvent) {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this._seekTo(((e.clientX - box.left) / box.width) * (this.durationMs / 1000));
  }

  private _key(e: KeyboardEvent) {
    if (e.key === 'ArrowRight') this._seekTo(this._at + 5);
    else if (e.key === 'ArrowLeft') this._seekTo(this._at - 5);
    else if (e.key === ' ' || e.key === 'Enter') this._toggle();
    else return;
    e.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-media-waveform': DcMediaWaveform;
  }
}
