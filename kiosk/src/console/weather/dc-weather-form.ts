import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
import type SlSelect from '@shoelace-style/shoelace/dist/components/select/select.js';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, type ConsoleApi } from '../console-api.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { COMMON_CONDITIONS, type ForecastDraft, type WeatherDay } from './weather-types.ts';

const OTHER = 'other';
const PREVIEW_AFTER_MS = 300;
type Field = 'condition' | 'low' | 'high' | 'date';

/** Tells the page the server's answer after a save or a clear. */
export class WeatherSavedEvent extends CustomEvent<WeatherDay> {
  constructor(day: WeatherDay) {
    super('weather-saved', { detail: day, bubbles: true, composed: true });
  }
}

/**
 * Typing a forecast in for one date: the condition from a list (or any other, typed), the
 * low and the high; the sentence it will make, previewed by the server as one types; save,
 * and clear what was typed in (the provider's forecast, or the reminders alone, come back).
 */
@customElement('dc-weather-form')
export class DcWeatherForm extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .fields {
        display: grid;
        grid-template-columns: minmax(9rem, 1.4fr) repeat(2, minmax(6.5rem, 1fr));
        gap: 0.75rem;
        align-items: start;
      }
      .other {
        grid-column: 1 / -1;
      }
      .actions {
        margin-top: 0.9rem;
      }
      .preview {
        margin-top: 0.9rem;
        font-size: 0.9rem;
      }
      .preview q {
        quotes: '“' '”';
        color: var(--sl-color-neutral-800);
      }
      sl-input.invalid::part(base),
      sl-select.invalid::part(combobox) {
        border-color: var(--sl-color-danger-600);
      }
      [slot='help-text'].error {
        color: var(--sl-color-danger-700);
      }
    `,
  ];

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) day!: WeatherDay;

  @state() private _choice = '';
  @state() private _other = '';
  @state() private _low = '';
  @state() private _high = '';
  @state() private _errors: Partial<Record<Field, string>> = {};
  @state() private _preview: string | null = null;
  @state() private _busy = false;
  private _filledFor = '';
  private _dirty = false;
  private _previewTimer?: ReturnType<typeof setTimeout>;
  private _previewSeq = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._previewTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Fill the form from what is stored, unless the person is in the middle of typing.
    const key = `${this.day.date}|${this.day.forecast?.setAt ?? ''}`;
    if (changed.has('day') && key !== this._filledFor && !this._dirty) {
      this._filledFor = key;
      const f = this.day.forecast;
      const known = f && (COMMON_CONDITIONS as readonly string[]).includes(f.condition);
      this._choice = f ? (known ? f.condition : OTHER) : '';
      this._other = f && !known ? f.condition : '';
      this._low = f ? String(f.low) : '';
      this._high = f ? String(f.high) : '';
      this._errors = {};
      this._preview = null;
    }
  }

  override render() {
    const e = this._errors;
    const help = (field: Field) =>
      e[field] ? html`<div slot="help-text" class="error">${e[field]}</div>` : nothing;
    return html`
      <form @submit=${this._save} novalidate>
        <div class="fields">
          <sl-select
            name="condition"
            label="天气 · Condition"
            placeholder="请选择 · Choose"
            .value=${this._choice}
            class=${e.condition && this._choice !== OTHER ? 'invalid' : ''}
            @sl-change=${this._onChoice}
          >
            ${COMMON_CONDITIONS.map((c) => html`<sl-option value=${c}>${c}</sl-option>`)}
            <sl-option value=${OTHER}>其他… · Other</sl-option>
            ${this._choice === OTHER ? nothing : help('condition')}
          </sl-select>
          <sl-input
            name="low"
            type="number"
            inputmode="numeric"
            label="最低 °C · Low"
            .value=${this._low}
            class=${e.low ? 'invalid' : ''}
            @sl-input=${(ev: Event) => this._edit(() => (this._low = (ev.target as SlInput).value))}
            >${help('low')}</sl-input
          >
          <sl-input
            name="high"
            type="number"
            inputmode="numeric"
            label="最高 °C · High"
            .value=${this._high}
            class=${e.high ? 'invalid' : ''}
            @sl-input=${(ev: Event) =>
              this._edit(() => (this._high = (ev.target as SlInput).value))}
            >${help('high')}</sl-input
          >
          ${
            this._choice === OTHER
              ? html`<sl-input
                  name="condition-other"
                  label="天气（自己填）· Condition, typed in"
                  placeholder="例如：多云转小雨 · e.g. 多云转小雨"
                  maxlength="20"
                  .value=${this._other}
                  class=${e.condition ? 'other invalid' : 'other'}
                  @sl-input=${(ev: Event) =>
                    this._edit(() => (this._other = (ev.target as SlInput).value))}
                  >${help('condition')}</sl-input
                >`
              : nothing
          }
        </div>
        ${e.date ? html`<sl-alert variant="danger" open>${e.date}</sl-alert>` : nothing}
        ${this._previewBlock()}
        <div class="row actions">
          <sl-button type="submit" variant="primary" ?loading=${this._busy} data-action="save">
            <sl-icon slot="prefix" name="check2"></sl-icon>保存 · Save
          </sl-button>
          ${
            this.day.manual
              ? html`<sl-button ?disabled=${this._busy} data-action="clear" @click=${this._clear}>
                  <sl-icon slot="prefix" name="x-circle"></sl-icon>清除手动输入 · Clear typed-in
                </sl-button>`
              : nothing
          }
        </div>
      </form>
    `;
  }

  /** The sentence the draft makes; nothing while the form still shows what is stored. */
  private _previewBlock() {
    if (this._preview)
      return html`<div class="preview">
        <span class="muted">保存后将这样播报 · Once saved, spoken as:</span>
        <q data-testid="preview">${this._preview}</q>
      </div>`;
    if (this._dirty || !this.day.forecast)
      return html`<div class="preview muted">
        选好天气、填上气温，这里显示播报的句子。· Choose the condition and the temperatures to see
        the sentence.
      </div>`;
    return nothing;
  }

  private _draft(): ForecastDraft {
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    const draft: ForecastDraft = {
      date: this.day.date,
      condition: this._choice === OTHER ? this._other : this._choice,
    };
    const low = num(this._low);
    const high = num(this._high);
    if (low !== undefined) draft.low = low;
    if (high !== undefined) draft.high = high;
    return draft;
  }

  private _onChoice(ev: Event): void {
    this._edit(() => (this._choice = String((ev.target as SlSelect).value)));
  }

  private _edit(apply: () => void): void {
    apply();
    this._dirty = true;
    this._errors = {};
    clearTimeout(this._previewTimer);
    this._previewTimer = setTimeout(() => void this._previewNow(), PREVIEW_AFTER_MS);
  }

  private async _previewNow(): Promise<void> {
    const draft = this._draft();
    const seq = ++this._previewSeq;
    if (!draft.condition || draft.low === undefined || draft.high === undefined) {
      this._preview = null;
      return;
    }
    try {
      const r = await this.api.post<{ text: string | null }>('/api/weather/preview', draft);
      if (seq === this._previewSeq) this._preview = r.text;
    } catch {
      // A half-typed forecast has no sentence yet; saving says what is wrong.
      if (seq === this._previewSeq) this._preview = null;
    }
  }

  private async _save(ev: Event): Promise<void> {
    ev.preventDefault();
    clearTimeout(this._previewTimer);
    this._busy = true;
    try {
      const day = await this.api.put<WeatherDay>('/api/weather', this._draft());
      this._dirty = false;
      toast(
        'success',
        `已保存 ${this._dateName()} 的天气预报 · Forecast saved`,
        day.spoken ? `播报：${day.spoken}` : '这一天没有天气时段 · That day has no weather slot',
      );
      this.dispatchEvent(new WeatherSavedEvent(day));
    } catch (err) {
      if (err instanceof ApiError && err.field) {
        const field = err.field as Field;
        const message = err.message.replace(new RegExp(`^${field}: `), '');
        this._errors = { [field]: message };
        toast(
          'danger',
          '没有保存 · Not saved',
          `请改正标红的一项 · Correct the field marked red: ${message}`,
        );
      } else toastError('没有保存 · Not saved', err);
    } finally {
      this._busy = false;
    }
  }

  private async _clear(): Promise<void> {
    this._busy = true;
    try {
      const day = await this.api.delete<WeatherDay>(`/api/weather?date=${this.day.date}`);
      this._dirty = false;
      toast(
        'success',
        `已清除 ${this._dateName()} 的手动输入 · Typed-in forecast cleared`,
        day.forecast
          ? `现在播报天气服务的预报 · The provider's forecast is spoken: ${day.spoken ?? ''}`
          : '没有预报：10:00 只播放友情提醒 · No forecast: the reminders play alone',
      );
      this.dispatchEvent(new WeatherSavedEvent(day));
    } catch (err) {
      toastError('没有清除 · Not cleared', err);
    } finally {
      this._busy = false;
    }
  }

  private _dateName(): string {
    const [, m, d] = this.day.date.split('-');
    return `${Number(m)}月${Number(d)}日`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-weather-form': DcWeatherForm;
  }
  interface HTMLElementEventMap {
    'weather-saved': WeatherSavedEvent;
  }
}
