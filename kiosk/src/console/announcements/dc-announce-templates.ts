import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { secondsText } from './announce-format.ts';
import { PRIORITY_NAMES, type Template, type TemplateDefinition } from './announce-types.ts';
import './dc-announce-template-editor.ts';

interface Editing {
  /** Undefined for a new one (made from scratch or copied). */
  id?: string;
  definition: TemplateDefinition;
  heading: string;
}

const definitionOf = (t: Template): TemplateDefinition => ({
  name: t.name,
  title: t.title,
  text: t.text,
  fields: t.fields.map((f) => ({ ...f })),
  priority: t.priority,
  repeat: t.repeat,
  intervalS: t.intervalS,
});

const BLANK: TemplateDefinition = {
  name: '',
  title: '',
  text: '',
  fields: [],
  priority: 'normal',
  repeat: 1,
  intervalS: 1,
};

/**
 * The templates, for those who word them: the mall's own are made, edited, copied and
 * deleted; the built-ins are reworded in place (restoring the shipped wording undoes that)
 * or copied into a new one, but never deleted — the desk's lost-child call must always exist.
 */
@customElement('dc-announce-templates')
export class DcAnnounceTemplates extends LitElement {
  static override styles = [
    pageStyles,
    css`
      sl-dialog {
        --width: min(56rem, 96vw);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        margin-bottom: 0.75rem;
      }
      td.actions {
        text-align: right;
      }
      td.actions sl-button {
        margin: 0 0 0.25rem 0.25rem;
      }
      td strong {
        margin-right: 0.4rem;
      }
      .wording,
      .goes {
        display: block;
        font-size: 0.78rem;
        color: var(--sl-color-neutral-500);
      }
      .wording {
        max-width: 22rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) templates?: Template[];
  @state() private _editing?: Editing;
  @state() private _deleting?: string;
  @state() private _busy = false;

  override render() {
    return html`<sl-dialog
      label=${this._editing?.heading ?? '管理模板 · Templates'}
      ?open=${this.open}
      @sl-request-close=${(e: Event) => {
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        this._close();
      }}
    >
      ${
        this._editing
          ? html`<dc-announce-template-editor
              .templateId=${this._editing.id}
              .definition=${this._editing.definition}
              @saved=${this._saved}
              @back=${() => (this._editing = undefined)}
            ></dc-announce-template-editor>`
          : this._list()
      }
    </sl-dialog>`;
  }

  private _list() {
    const list = this.templates;
    return html`<div class="head">
        <span class="muted">
          内置模板可改写或恢复默认，不能删除 · Built-ins can be reworded or restored, not deleted
        </span>
        <sl-button
          variant="primary"
          size="small"
          data-testid="template-new"
          @click=${() => (this._editing = { definition: BLANK, heading: '新建模板 · New template' })}
        >
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>新建模板 · New template
        </sl-button>
      </div>
      ${
        !list
          ? html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`
          : html`<div class="table-wrap">
              <table data-testid="templates">
                <thead>
                  <tr>
                    <th>模板<span class="en">Template</span></th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map((t) => this._row(t))}
                </tbody>
              </table>
            </div>`
      }`;
  }

  private _row(t: Template) {
    const p = PRIORITY_NAMES[t.priority];
    return html`<tr data-template=${t.id}>
      <td>
        <strong>${t.name}</strong>
        ${
          t.builtin
            ? html`<sl-tag size="small" variant=${t.edited ? 'warning' : 'neutral'}
                >${t.edited ? '内置·已改写 · Reworded' : '内置 · Built-in'}</sl-tag
              >`
            : html`<sl-tag size="small" variant="primary">本商场 · Ours</sl-tag>`
        }
        <span class="wording" title=${t.text}>${t.text}</span>
        <span class="goes">
          ${p.zh} · ${t.repeat} 次${t.repeat > 1 ? `，间隔 ${secondsText(t.intervalS)}` : ''}
        </span>
      </td>
      <td class="actions">
        ${
          this._deleting === t.id
            ? html`<span class="muted">删除「${t.name}」？</span>
                <sl-button
                  size="small"
                  variant="danger"
                  ?loading=${this._busy}
                  @click=${() => this._delete(t)}
                  >删除 · Delete</sl-button
                >
                <sl-button size="small" @click=${() => (this._deleting = undefined)}
                  >不删 · Keep</sl-button
                >`
            : html`<sl-button
                  size="small"
                  @click=${() =>
                    (this._editing = {
                      id: t.id,
                      definition: definitionOf(t),
                      heading: `编辑模板 · Edit: ${t.name}`,
                    })}
                >
                  <sl-icon slot="prefix" name="pencil"></sl-icon>编辑 · Edit
                </sl-button>
                <sl-button
                  size="small"
                  @click=${() =>
                    (this._editing = {
                      definition: { ...definitionOf(t), name: `${t.name} 副本`.slice(0, 20) },
                      heading: `复制模板 · Copy of ${t.name}`,
                    })}
                >
                  <sl-icon slot="prefix" name="files"></sl-icon>复制 · Copy
                </sl-button>
                ${
                  t.builtin
                    ? html`<sl-button
                        size="small"
                        ?disabled=${!t.edited || this._busy}
                        @click=${() => this._reset(t)}
                      >
                        <sl-icon slot="prefix" name="arrow-counterclockwise"></sl-icon>恢复默认 ·
                        Restore
                      </sl-button>`
                    : html`<sl-button
                        size="small"
                        variant="danger"
                        outline
                        @click=${() => (this._deleting = t.id)}
                      >
                        <sl-icon slot="prefix" name="trash"></sl-icon>删除 · Delete
                      </sl-button>`
                }`
        }
      </td>
    </tr>`;
  }

  private readonly _saved = (e: CustomEvent<Template>) => {
    this._editing = undefined;
    toast('success', '模板已保存 · Template saved', e.detail.name);
    this._changed();
  };

  private async _delete(t: Template): Promise<void> {
    this._busy = true;
    try {
      await this.session.api.delete(`/api/announcements/templates/${encodeURIComponent(t.id)}`);
      toast('success', '模板已删除 · Template deleted', t.name);
      this._deleting = undefined;
      this._changed();
    } catch (err) {
      toastError('模板没有删除 · Not deleted', err);
    } finally {
      this._busy = false;
    }
  }

  private async _reset(t: Template): Promise<void> {
    this._busy = true;
    try {
      await this.session.api.post(`/api/announcements/templates/${encodeURIComponent(t.id)}/reset`);
      toast('success', '已恢复默认措辞 · Default wording restored', t.name);
      this._changed();
    } catch (err) {
      toastError('没有恢复 · Not restored', err);
    } finally {
      this._busy = false;
    }
  }

  private _changed(): void {
    this.dispatchEvent(new CustomEvent('templates-changed', { bubbles: true, composed: true }));
  }

  private _close(): void {
    this._editing = undefined;
    this._deleting = undefined;
    this.dispatchEvent(new CustomEvent('close'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-templates': DcAnnounceTemplates;
  }
}
