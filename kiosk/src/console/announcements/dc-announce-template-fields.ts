import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { announceStyles } from './announce-styles.ts';
import type { Template, TemplateField } from './announce-types.ts';

const KIND_HINT: Record<TemplateField['kind'], string> = {
  text: '',
  integer: '填数字 · A number',
  plate: '车牌号，例如 沪A·12345 · A plate number',
};

/** A template's blanks as a form: one input per field, the server's complaint under each. */
@customElement('dc-announce-template-fields')
export class DcAnnounceTemplateFields extends LitElement {
  static override styles = [
    pageStyles,
    announceStyles,
    css`
      .grid {
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) template!: Template;
  @property({ attribute: false }) values: Record<string, string> = {};
  @property({ attribute: false }) errors: Record<string, string> = {};

  override render() {
    const fields = this.template.fields;
    if (fields.length === 0)
      return html`<div class="hint">
        此模板无需填写 <span class="en">Nothing to fill in</span>
      </div>`;
    return html`<div class="grid">${fields.map((f) => this._input(f))}</div>`;
  }

  private _input(f: TemplateField) {
    const error = this.errors[`fields.${f.name}`];
    const range =
      f.kind === 'integer' && (f.min !== undefined || f.max !== undefined)
        ? `${f.min ?? 0}–${f.max ?? '…'}`
        : '';
    return html`<sl-input
      name=${`field-${f.name}`}
      class=${error ? 'invalid' : ''}
      label=${f.label}
      placeholder=${f.example ? `例如 ${f.example}` : ''}
      inputmode=${f.kind === 'integer' ? 'numeric' : 'text'}
      .value=${this.values[f.name] ?? ''}
      help-text=${error ?? ([KIND_HINT[f.kind], range].filter(Boolean).join(' · ') || '')}
      @sl-input=${(e: Event) =>
        this.dispatchEvent(
          new CustomEvent('fields-change', {
            detail: { ...this.values, [f.name]: (e.target as HTMLInputElement).value },
            bubbles: true,
            composed: true,
          }),
        )}
    ></sl-input>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-template-fields': DcAnnounceTemplateFields;
  }
}
