import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toastError } from '../toast.ts';
import { announceStyles } from './announce-styles.ts';
import {
  PRIORITY_NAMES,
  type FieldKind,
  type Priority,
  type Template,
  type TemplateDefinition,
  type TemplateField,
} from './announce-types.ts';

/** A blank in the text, as the server reads it (server/announcements/templates.ts). */
const BLANK = /\{([\p{L}\p{N}_]+)\}/gu;
const blanksOf = (text: string) => [...new Set([...text.matchAll(BLANK)].map((m) => m[1] ?? ''))];

const KINDS: { value: FieldKind; zh: string; en: string }[] = [
  { value: 'text', zh: '文字', en: 'Text' },
  { value: 'integer', zh: '数字', en: 'Number' },
  { value: 'plate', zh: '车牌号', en: 'Plate' },
];

/** A new blank's first guess: a plate or a number when its name says so. */
function guess(name: string): TemplateField {
  const kind: FieldKind = /车牌|plate/i.test(name)
    ? 'plate'
    : /岁|年龄|分钟|数|age|minutes/i.test(name)
      ? 'integer'
      : 'text';
  return { name, label: name, kind, example: '' };
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/**
 * A template's wording: its name, the text with its blanks in braces (each becomes a field of
 * the form, in the order the text uses them), and how it usually goes out.
 */
@customElement('dc-announce-template-editor')
export class DcAnnounceTemplateEditor extends LitElement {
  static override styles = [
    pageStyles,
    announceStyles,
    css`
      .blanks {
        margin: 0.9rem 0;
      }
      .blank {
        display: grid;
        grid-template-columns: 6rem minmax(0, 1fr) 10rem minmax(0, 1fr);
        gap: 0.5rem;
        align-items: start;
        padding: 0.5rem 0;
        border-top: 1px solid var(--sl-color-neutral-100);
      }
      .blank .range {
        grid-column: 2 / -1;
        display: flex;
        gap: 0.5rem;
      }
      .blank code {
        padding-top: 0.4rem;
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        justify-content: space-between;
        margin-top: 1.1rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The template edited; none for a new one. */
  @property({ attribute: false }) templateId?: string;
  @property({ attribute: false }) definition!: TemplateDefinition;
  @state() private _d!: TemplateDefinition;
  @state() private _errors: Record<string, string> = {};
  @state() private _saving = false;
  /** Blanks taken out of the text keep their settings, should they come back. */
  private readonly _known = new Map<string, TemplateField>();

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('definition')) {
      this._d = structuredClone(this.definition);
      for (const f of this._d.fields) this._known.set(f.name, f);
    }
  }

  override render() {
    const d = this._d;
    const e = this._errors;
    return html`<div class="field inline">
        <sl-input
          name="template-name"
          label="模板名称 · Name"
          maxlength="20"
          class=${e['name'] ? 'invalid' : ''}
          help-text=${e['name'] ?? ''}
          .value=${d.name}
          @sl-input=${(ev: Event) => this._set({ name: value(ev) }, 'name')}
        ></sl-input>
        <sl-input
          name="template-title"
          label="列表中的标题 · Title in the list"
          maxlength="100"
          class=${e['title'] ? 'invalid' : ''}
          help-text=${e['title'] ?? '可含空格，如 挪车：{车牌号} · May use blanks'}
          .value=${d.title}
          @sl-input=${(ev: Event) => this._set({ title: value(ev) }, 'title')}
        ></sl-input>
      </div>
      <div class="field">
        <sl-textarea
          name="template-text"
          label="播报内容 · What it says"
          rows="4"
          maxlength="500"
          resize="auto"
          class=${e['text'] ? 'invalid' : ''}
          help-text=${
            e['text'] ??
            '用 {名称} 标出每次要填的空格，例如 {车牌号} · Mark each blank in braces, e.g. {plate}'
          }
          .value=${d.text}
          @sl-input=${(ev: Event) => this._text(value(ev))}
        ></sl-textarea>
      </div>
      <div class="blanks">
        <span class="label">要填的空格 · Blanks to fill in</span>
        ${
          d.fields.length === 0
            ? html`<div class="hint">
                没有空格：每次播出都一样 · No blanks: it always says the same
              </div>`
            : d.fields.map((f, i) => this._blank(f, i))
        }
      </div>
      <div class="field inline">
        <sl-select
          name="template-priority"
          label="优先级 · Priority"
          .value=${d.priority}
          @sl-change=${(ev: Event) => this._set({ priority: value(ev) as Priority }, 'priority')}
        >
          ${(Object.keys(PRIORITY_NAMES) as Priority[]).map(
            (p) =>
              html`<sl-option value=${p}
                >${PRIORITY_NAMES[p].zh} · ${PRIORITY_NAMES[p].en}</sl-option
              >`,
          )}
        </sl-select>
        <sl-input
          name="template-repeat"
          type="number"
          min="1"
          max="10"
          label="播放次数 · Plays"
          class=${e['repeat'] ? 'invalid' : ''}
          help-text=${e['repeat'] ?? ''}
          .value=${String(d.repeat)}
          @sl-input=${(ev: Event) => this._set({ repeat: Number(value(ev)) }, 'repeat')}
        ></sl-input>
        <sl-input
          name="template-interval"
          type="number"
          min="0"
          max="3600"
          label="停顿（秒） · Pause (s)"
          class=${e['intervalS'] ? 'invalid' : ''}
          help-text=${e['intervalS'] ?? ''}
          .value=${String(d.intervalS)}
          @sl-input=${(ev: Event) => this._set({ intervalS: Number(value(ev)) }, 'intervalS')}
        ></sl-input>
      </div>
      <div class="buttons">
        <sl-button @click=${() => this.dispatchEvent(new CustomEvent('back'))}>
          <sl-icon slot="prefix" name="arrow-left"></sl-icon>返回 · Back
        </sl-button>
        <sl-button
          variant="primary"
          data-testid="template-save"
          ?loading=${this._saving}
          @click=${this._save}
        >
          <sl-icon slot="prefix" name="check2"></sl-icon>保存模板 · Save template
        </sl-button>
      </div>`;
  }

  private _blank(f: TemplateField, i: number) {
    const err = (k: string) => this._errors[`fields.${i}.${k}`];
    const update = (change: Partial<TemplateField>, key: string) => {
      const next = { ...f, ...change };
      const fields = this._d.fields.map((x, j) => (j === i ? next : x));
      this._known.set(f.name, next);
      this._set({ fields }, `fields.${i}.${key}`);
    };
    return html`<div class="blank" data-blank=${f.name}>
      <code>{${f.name}}</code>
      <sl-input
        size="small"
        label="标签 · Label"
        class=${err('label') ? 'invalid' : ''}
        help-text=${err('label') ?? err('name') ?? ''}
        .value=${f.label}
        @sl-input=${(ev: Event) => update({ label: value(ev) }, 'label')}
      ></sl-input>
      <sl-select
        size="small"
        label="类型 · Kind"
        .value=${f.kind}
        @sl-change=${(ev: Event) => update({ kind: value(ev) as FieldKind }, 'kind')}
      >
        ${KINDS.map((k) => html`<sl-option value=${k.value}>${k.zh} · ${k.en}</sl-option>`)}
      </sl-select>
      <sl-input
        size="small"
        label="示例 · Example"
        class=${err('example') ? 'invalid' : ''}
        help-text=${err('example') ?? ''}
        .value=${f.example}
        @sl-input=${(ev: Event) => update({ example: value(ev) }, 'example')}
      ></sl-input>
      ${
        f.kind === 'integer'
          ? html`<div class="range">
              <sl-input
                size="small"
                type="number"
                label="最小 · Min"
                .value=${f.min === undefined ? '' : String(f.min)}
                @sl-input=${(ev: Event) =>
                  update({ min: value(ev) === '' ? undefined : Number(value(ev)) }, 'min')}
              ></sl-input>
              <sl-input
                size="small"
                type="number"
                label="最大 · Max"
                class=${err('max') ? 'invalid' : ''}
                help-text=${err('max') ?? ''}
                .value=${f.max === undefined ? '' : String(f.max)}
                @sl-input=${(ev: Event) =>
                  update({ max: value(ev) === '' ? undefined : Number(value(ev)) }, 'max')}
              ></sl-input>
            </div>`
          : nothing
      }
    </div>`;
  }

  /** The text changed: its blanks, in order, are the fields (their settings remembered). */
  private _text(text: string): void {
    const fields = blanksOf(text).map((name) => this._known.get(name) ?? guess(name));
    for (const f of fields) this._known.set(f.name, f);
    this._set({ text, fields }, 'text');
  }

  private _set(change: Partial<TemplateDefinition>, field: string): void {
    this._d = { ...this._d, ...change };
    if (this._errors[field])
      this._errors = Object.fromEntries(Object.entries(this._errors).filter(([k]) => k !== field));
  }

  private readonly _save = async () => {
    const d = this._d;
    // Min and max only mean something for a number; an empty box is no bound.
    const body: TemplateDefinition = {
      ...d,
      fields: d.fields.map((f) => {
        const { min, max, ...rest } = f;
        return f.kind === 'integer'
          ? {
              ...rest,
              ...(min !== undefined ? { min } : {}),
              ...(max !== undefined ? { max } : {}),
            }
          : rest;
      }),
    };
    this._saving = true;
    try {
      const api = this.session.api;
      const saved = this.templateId
        ? await api.put<Template>(
            `/api/announcements/templates/${encodeURIComponent(this.templateId)}`,
            body,
          )
        : await api.post<Template>('/api/announcements/templates', body);
      this.dispatchEvent(new CustomEvent('saved', { detail: saved }));
    } catch (err) {
      if (err instanceof ApiError && err.field) this._errors = { [err.field]: err.message };
      toastError('模板没有保存 · Template not saved', err);
    } finally {
      this._saving = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-template-editor': DcAnnounceTemplateEditor;
  }
}
