import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Levels } from './program-types.ts';

/** Detail of `level-change`: the level chosen, or undefined to use the default. */
export interface LevelChange {
  level: number | undefined;
}

/** `21–24`, or `24` when the range is one level. */
export const rangeText = (min: number, max: number) => (min === max ? `${min}` : `${min}–${max}`);

/**
 * A PA level with the range the seed's volume rules leave it (volume.yaml), and the refusal
 * of anything outside: a level out of range is shown as an error at the field and never goes
 * into the file. Empty means "the default" (the slot's, or the range's).
 */
@customElement('dc-level-input')
export class DcLevelInput extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 7.5rem;
    }
    sl-input {
      width: 7.5rem;
    }
    .hint,
    .error {
      font-size: 0.72rem;
      line-height: 1.3;
      margin-top: 0.15rem;
    }
    .hint {
      color: var(--sl-color-neutral-600);
    }
    .error {
      color: var(--sl-color-danger-700);
      font-weight: 600;
    }
  `;

  /** The level in the file; undefined when none is set. */
  @property({ attribute: false }) level?: number;
  /** What the rules allow; unknown until the first preview. */
  @property({ attribute: false }) levels?: Levels;
  /** Shown when empty: the level played without one. */
  @property() placeholder = '';
  @property() name = '';

  @state() private _typed?: string;
  @state() private _error?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The file changed under the field (the code editor, a reload): show it, drop the refusal.
    if (changed.has('level') && this._error === undefined) this._typed = undefined;
  }

  override render() {
    const l = this.levels;
    const shown = this._typed ?? (this.level === undefined ? '' : String(this.level));
    return html`<sl-input
        type="number"
        size="small"
        name=${this.name}
        inputmode="numeric"
        aria-label="音量 · Volume"
        placeholder=${this.placeholder}
        min=${l?.min ?? nothing}
        max=${l?.max ?? nothing}
        .value=${shown}
        ?data-invalid=${!!this._error}
        @sl-input=${(e: Event) => this._judge(e, false)}
        @sl-change=${(e: Event) => this._judge(e, true)}
      ></sl-input>
      ${
        this._error
          ? html`<div class="error" data-testid="level-error" role="alert">${this._error}</div>`
          : l
            ? html`<div class="hint" data-testid="level-range">${this._hint(l)}</div>`
            : nothing
      }`;
  }

  private _hint(l: Levels) {
    if (l.min > l.max)
      return `没有可用音量 · No level fits: ${l.rules.map((r) => r.name).join(', ')}`;
    const names = l.rules.map((r) => r.name).join(' + ');
    return `允许 · allowed ${rangeText(l.min, l.max)}${names ? ` · ${names}` : ''}`;
  }

  /** As typed, a short number below the range may still grow into it ("2" of "23"): said on change. */
  private _judge(e: Event, done: boolean): void {
    const input = e.target as HTMLInputElement & { setCustomValidity(m: string): void };
    const text = input.value.trim();
    this._typed = text;
    const refuse = (zh: string, en: string) => {
      this._error = `${zh} · ${en}`;
      input.setCustomValidity(this._error);
    };
    this._error = undefined;
    input.setCustomValidity('');
    if (text === '') return this._send(undefined);
    const level = Number(text);
    const l = this.levels;
    if (!Number.isInteger(level)) return refuse('音量是整数', 'a PA level is a whole number');
    if (!done && l && level < l.min && text.length < String(l.max).length) return;
    if (l && (level < l.min || level > l.max))
      return refuse(
        `${level} 超出允许范围 ${rangeText(l.min, l.max)}，未采用`,
        `${level} is outside ${rangeText(l.min, l.max)}${l.rules.length ? ` (${l.rules.map((r) => r.name).join(', ')})` : ''}: not applied`,
      );
    this._send(level);
  }

  private _send(level: number | undefined): void {
    if (level === this.level) return;
    this.dispatchEvent(
      new CustomEvent<LevelChange>('level-change', {
        detail: { level },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-level-input': DcLevelInput;
  }
}
