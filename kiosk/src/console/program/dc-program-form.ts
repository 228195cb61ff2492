import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import { toastError } from '../toast.ts';
import type { RowAdd, RowRemove, ValueEdit } from './dc-program-day.ts';
import {
  DAY_TYPE_NAMES,
  DAY_TYPES,
  readProgram,
  type DayTypeName,
  type ProgramView,
} from './program-model.ts';
import type { Levels, Problem } from './program-types.ts';
import { appendRow, removeRow, setValue } from './yaml-edit.ts';
import './dc-program-day.ts';
import './dc-program-slots.ts';

/** Detail of `program-edit`: program.yaml as the form left it. */
export type ProgramEdit = string;

/**
 * program.yaml as a form: the slots, then each day type's rows in a tab. The form reads the
 * text and writes every change back into it at its place (comments and layout kept), so the
 * form and the code editor are two views of one text.
 */
@customElement('dc-program-form')
export class DcProgramForm extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .card + .card {
        margin-top: 1rem;
      }
      sl-tab-group::part(body) {
        padding-top: 0.75rem;
      }
      sl-tab sl-badge {
        margin-left: 0.35rem;
      }
    `,
  ];

  @property({ attribute: false }) text = '';
  @property({ attribute: false }) levels: Record<string, Levels> = {};
  /** The server's problems with program.yaml. */
  @property({ attribute: false }) problems: readonly Problem[] = [];

  // Set on the tab and its panel too: Shoelace activates a tab group only once it is in view.
  @state() private _dayType: DayTypeName = 'normal';
  private _read: { view: ProgramView } | { error: string } = { error: '' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this._read = readProgram(this.text);
  }

  override render() {
    if ('error' in this._read)
      return html`<sl-alert variant="warning" open data-testid="form-unavailable">
        <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
        <strong>表单无法显示这个文件 · The form cannot show this file</strong><br />
        ${this._read.error}<br />请在“程序文件”标签页中修正 · Fix it in the program.yaml tab.
      </sl-alert>`;
    const v = this._read.view;
    const count = (name: string) =>
      this.problems.filter(
        (p) =>
          p.severity === 'error' &&
          v.dayTypes[name as keyof ProgramView['dayTypes']].items.some(
            (r) => p.line >= r.lines.first && p.line <= r.lines.last,
          ),
      ).length;
    return html`<div
      @value-edit=${(e: CustomEvent<ValueEdit>) => this._apply(() => setValue(this.text, e.detail.path, e.detail.value))}
      @row-add=${(e: CustomEvent<RowAdd>) => this._apply(() => appendRow(this.text, e.detail.path, e.detail.fields))}
      @row-remove=${(e: CustomEvent<RowRemove>) => this._apply(() => removeRow(this.text, e.detail.path, e.detail.index))}
    >
      <div class="card">
        <h2>时段<span class="en">Slots</span></h2>
        <dc-program-slots
          .slots=${v.slots}
          .playlists=${v.playlists}
          .levels=${this.levels}
          .problems=${this.problems}
        ></dc-program-slots>
      </div>
      <div class="card">
        <h2>每日节目<span class="en">Day programs</span></h2>
        <sl-tab-group
          @sl-tab-show=${(e: CustomEvent<{ name: string }>) =>
            (this._dayType = e.detail.name as DayTypeName)}
        >
          ${DAY_TYPES.map((name) => {
            const n = count(name);
            return html`<sl-tab
              slot="nav"
              panel=${name}
              data-day-type=${name}
              ?active=${this._dayType === name}
              >${DAY_TYPE_NAMES[name].zh} ·
              ${DAY_TYPE_NAMES[name].en}${
                n ? html`<sl-badge variant="danger" pill>${n}</sl-badge>` : ''
              }</sl-tab
            >`;
          })}
          ${DAY_TYPES.map(
            (name) =>
              html`<sl-tab-panel name=${name} ?active=${this._dayType === name}>
                <dc-program-day
                  .day=${v.dayTypes[name]}
                  .normal=${v.dayTypes.normal}
                  .slots=${v.slots}
                  .playlists=${v.playlists}
                  .levels=${this.levels}
                  .problems=${this.problems}
                ></dc-program-day>
              </sl-tab-panel>`,
          )}
        </sl-tab-group>
      </div>
    </div>`;
  }

  private _apply(edit: () => string): void {
    let text: string;
    try {
      text = edit();
    } catch (err) {
      toastError('无法修改 · The change could not be made', err);
      return;
    }
    if (text === this.text) return;
    this.dispatchEvent(
      new CustomEvent<ProgramEdit>('program-edit', { detail: text, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-form': DcProgramForm;
  }
}
