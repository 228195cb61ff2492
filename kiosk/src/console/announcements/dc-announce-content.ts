import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import type { Draft, Source } from './announce-draft.ts';
import { announceStyles } from './announce-styles.ts';
import type { MediaItem, Template } from './announce-types.ts';
import './dc-announce-template-fields.ts';

/** How many recordings the list shows at once; the search narrows the rest. */
const SHOWN = 200;

const SOURCES: { value: Source; zh: string; en: string; icon: string }[] = [
  { value: 'text', zh: '文字', en: 'Text', icon: 'fonts' },
  { value: 'template', zh: '模板', en: 'Template', icon: 'card-text' },
  { value: 'media', zh: '录音', en: 'Recording', icon: 'music-note-beamed' },
];

/** A template's text with each blank shown as its label, marked: what the form fills in. */
function wording(t: Template) {
  const label = new Map(t.fields.map((f) => [f.name, f.label]));
  return t.text
    .split(/(\{[\p{L}\p{N}_]+\})/u)
    .map((part) =>
      /^\{.+\}$/.test(part)
        ? html`<mark>${label.get(part.slice(1, -1)) ?? part.slice(1, -1)}</mark>`
        : part,
    );
}

const change = (host: HTMLElement, detail: Partial<Draft>) =>
  host.dispatchEvent(new CustomEvent('draft-change', { detail, bubbles: true, composed: true }));

/**
 * What an announcement says: typed text (spoken by the server's speech engine), a template
 * with its blanks filled in, or a recording from the media library, found by searching.
 */
@customElement('dc-announce-content')
export class DcAnnounceContent extends LitElement {
  static override styles = [
    pageStyles,
    announceStyles,
    css`
      .sources {
        margin-bottom: 0.9rem;
      }
      .template-head {
        display: flex;
        gap: 0.5rem;
        align-items: flex-end;
      }
      .template-head sl-select {
        flex: 1;
        min-width: 0;
      }
      .wording {
        margin: 0.6rem 0 0.2rem;
        padding: 0.5rem 0.7rem;
        background: var(--sl-color-neutral-50);
        border-radius: var(--sl-border-radius-medium);
        font-size: 0.85rem;
        color: var(--sl-color-neutral-600);
      }
      .wording mark {
        background: var(--sl-color-primary-100);
        color: var(--sl-color-primary-800);
        border-radius: 3px;
        padding: 0 0.2em;
      }
      sl-option::part(label) {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .dur {
        color: var(--sl-color-neutral-500);
        font-size: 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) draft!: Draft;
  @property({ attribute: false }) templates?: Template[];
  @property({ attribute: false }) media?: MediaItem[];
  @property({ attribute: false }) errors: Record<string, string> = {};
  /** Announcers and admins word the templates; the desk fills them in. */
  @property({ type: Boolean, attribute: 'can-manage' }) canManage = false;
  @state() private _query = '';

  override render() {
    const d = this.draft;
    return html`<sl-radio-group
        class="sources"
        name="source"
        label="内容来源 · What it says"
        value=${d.source}
        @sl-change=${(e: Event) =>
          change(this, { source: (e.target as HTMLInputElement).value as Source })}
      >
        ${SOURCES.map(
          (s) =>
            html`<sl-radio-button value=${s.value}>
              <sl-icon slot="prefix" name=${s.icon}></sl-icon>${s.zh} · ${s.en}
            </sl-radio-button>`,
        )}
      </sl-radio-group>
      ${d.source === 'text' ? this._text(d) : d.source === 'template' ? this._template(d) : this._media(d)}`;
  }

  private _text(d: Draft) {
    const error = this.errors['text'];
    return html`<sl-textarea
      name="text"
      class=${error ? 'invalid' : ''}
      label="播报内容 · What to say"
      placeholder="例如：请车牌号为沪A·12345的车主尽快到地下二层挪车。"
      rows="4"
      maxlength="500"
      resize="auto"
      .value=${d.text}
      help-text=${error ?? `${[...d.text].length} / 500 字 · characters`}
      @sl-input=${(e: Event) => change(this, { text: (e.target as HTMLTextAreaElement).value })}
    ></sl-textarea>`;
  }

  private _template(d: Draft) {
    const list = this.templates;
    const t = list?.find((x) => x.id === d.templateId);
    const error = this.errors['template'];
    return html`<div class="template-head">
        <sl-select
          name="template"
          class=${error ? 'invalid' : ''}
          label="模板 · Template"
          placeholder=${list ? '选择模板 · Choose a template' : '正在读取… · Loading…'}
          .value=${d.templateId}
          help-text=${error ?? ''}
          @sl-change=${(e: Event) =>
            this.dispatchEvent(
              new CustomEvent('template-choose', {
                detail: (e.target as HTMLSelectElement).value,
                bubbles: true,
                composed: true,
              }),
            )}
        >
          ${(list ?? []).map(
            (x) =>
              html`<sl-option value=${x.id}>
                ${x.name}
                <span slot="suffix" class="dur"
                  >${x.builtin ? '内置 · Built-in' : '本商场 · Ours'}</span
                >
              </sl-option>`,
          )}
        </sl-select>
        ${
          this.canManage
            ? html`<sl-button
                data-testid="manage-templates"
                @click=${() =>
                  this.dispatchEvent(
                    new CustomEvent('manage-templates', { bubbles: true, composed: true }),
                  )}
              >
                <sl-icon slot="prefix" name="pencil-square"></sl-icon>管理模板 · Manage
              </sl-button>`
            : nothing
        }
      </div>
      ${
        t
          ? html`<div class="wording">${wording(t)}</div>
              <dc-announce-template-fields
                .template=${t}
                .values=${d.fields}
                .errors=${this.errors}
                @fields-change=${(e: CustomEvent<Record<string, string>>) =>
                  change(this, { fields: e.detail })}
              ></dc-announce-template-fields>`
          : !this.canManage
            ? html`<div class="hint">
                模板由播音员维护 <span class="en">Announcers keep the templates</span>
              </div>`
            : nothing
      }`;
  }

  private _media(d: Draft) {
    const all = this.media;
    const q = this._query.trim().toLowerCase();
    const found = (all ?? []).filter(
      (m) =>
        !q ||
        m.title.toLowerCase().includes(q) ||
        m.id.toLowerCase().includes(q) ||
        m.tags.some((t) => t.toLowerCase().includes(q)),
    );
    const chosen = all?.find((m) => m.id === d.mediaId);
    // The chosen one stays in the list whatever the search, or the select would show it blank.
    const shown = found.slice(0, SHOWN);
    if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
    const error = this.errors['mediaId'];
    return html`<div class="field">
        <sl-input
          name="media-search"
          type="search"
          label="搜索录音 · Find a recording"
          placeholder="标题、标签或编号 · Title, tag or id"
          clearable
          .value=${this._query}
          @sl-input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        >
          <sl-icon slot="prefix" name="search"></sl-icon>
        </sl-input>
      </div>
      <div class="field">
        <sl-select
          name="media"
          class=${error ? 'invalid' : ''}
          label="录音 · Recording"
          placeholder=${
            !all
              ? '正在读取… · Loading…'
              : found.length
                ? `${found.length} 条可选 · ${found.length} to choose from`
                : '没有符合的录音 · Nothing matches'
          }
          .value=${d.mediaId}
          help-text=${error ?? ''}
          hoist
          @sl-change=${(e: Event) =>
            change(this, { mediaId: (e.target as HTMLSelectElement).value })}
        >
          ${shown.map(
            (m) =>
              html`<sl-option value=${m.id}>
                ${m.title}
                <span slot="suffix" class="dur">${Math.round(m.durationMs / 1000)} 秒</span>
              </sl-option>`,
          )}
        </sl-select>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-content': DcAnnounceContent;
  }
}
