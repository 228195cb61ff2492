import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { issuesByField, postForIssues, type Issue } from './calendar-api.ts';
import {
  DAY_KINDS,
  spanText,
  type MarkKind,
  type MarkView,
  type MediaItem,
} from './calendar-types.ts';
import type { ScriptDraft } from './dc-mark-scripts.ts';
import { bodyOf, draftOf, MARK_FIELD, type MarkDraft } from './mark-draft.ts';
import { markFormStyles } from './mark-form-styles.ts';
import './dc-mark-scripts.ts';

/**
 * The form to mark days: an event (its dates, name, scripts and its own opening hours), a
 * holiday (with its greeting), closed days, or a make-up working day (调休) with its note.
 * Opened on a mark, it changes that mark. Every problem the server finds shows at its field.
 */
@customElement('dc-mark-dialog')
export class DcMarkDialog extends LitElement {
  static override styles = [
    pageStyles,
    markFormStyles,
    css`
      sl-dialog {
        --width: min(52rem, 96vw);
      }
      sl-radio-group {
        margin-bottom: 0.25rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The calendar's revision the page shows: a mark over a newer one is refused. */
  @property({ type: Number }) revision?: number;
  @state() private _draft: MarkDraft = draftOf('');
  @state() private _editing?: MarkView;
  @state() private _errors: Record<string, string> = {};
  @state() private _media: MediaItem[] = [];
  @state() private _busy = false;

  /** Opens the form: on a mark to change it, or empty from a date. */
  show(date: string, mark?: MarkView): void {
    this._editing = mark;
    this._draft = draftOf(date, mark);
    this._errors = {};
    if (!this._media.length) void this._loadMedia();
    void this.updateComplete.then(() => this._dialog()?.show());
  }

  override render() {
    const d = this._draft;
    const editing = this._editing;
    return html`<sl-dialog
      label=${editing ? `修改标记 · Change the mark：${editing.name ?? ''}` : '标记日期 · Mark days'}
      data-testid="mark-dialog"
      @sl-request-close=${(e: Event) => this._busy && e.preventDefault()}
    >
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general" data-testid="mark-problems">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              <div style="white-space:pre-line">${this._errors['']}</div>
            </sl-alert>`
          : nothing
      }
      <div class="form">
        <sl-radio-group
          class="wide"
          name="kind"
          label="标记为 · Mark as"
          .value=${d.kind}
          @sl-change=${(e: Event) => this._set({ kind: (e.target as HTMLInputElement).value as MarkKind })}
        >
          ${(['event', 'holiday', 'closed', 'makeup'] as const).map(
            (k) =>
              html`<sl-radio-button value=${k} ?disabled=${!!editing && editing.kind !== k}
                ><sl-icon slot="prefix" name=${DAY_KINDS[k].icon}></sl-icon>${DAY_KINDS[k].zh} ·
                ${DAY_KINDS[k].en}</sl-radio-button
              >`,
          )}
        </sl-radio-group>
        ${this._field('from', d.kind === 'makeup' ? '日期 · Date' : '开始日期 · From', 'date')}
        ${d.kind === 'makeup' ? html`<div></div>` : this._field('to', '结束日期（一天可不填）· To (blank for one day)', 'date')}
        ${d.kind === 'event' || d.kind === 'holiday' ? this._field('name', d.kind === 'event' ? '活动名称 · Event name' : '节日名称 · Holiday name', 'text', 'wide') : nothing}
        ${d.kind === 'closed' || d.kind === 'makeup' ? this._field('note', d.kind === 'makeup' ? '说明（如：春节调休）· Note (e.g. 春节调休)' : '原因（如：盘点）· Reason (e.g. stocktaking)', 'text', 'wide') : nothing}
        ${d.kind === 'event' ? this._event(d) : nothing}
        ${d.kind === 'holiday' ? this._holiday(d) : nothing}
      </div>
      <sl-button slot="footer" ?disabled=${this._busy} @click=${() => void this._dialog()?.hide()}>
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="save-mark"
        ?loading=${this._busy}
        @click=${() => void this._save()}
      >
        <sl-icon slot="prefix" name="check2"></sl-icon>保存标记 · Save the mark
      </sl-button>
    </sl-dialog>`;
  }

  private _event(d: MarkDraft) {
    return html`${this._field('opening', '活动日开门时间（可不填）· Opening (optional)', 'time')}
      ${this._field('closing', '活动日闭店时间（可不填）· Closing (optional)', 'time')}
      <div class="hint wide">
        不填则按节目表（活动日 18:00 闭店）；送宾曲随闭店时间顺延 · Blank: the program's hours
        (18:00 on event days); the farewell follows the closing time.
      </div>
      <div class="wide">
        <span class="label">活动稿件 · Scripts</span>
        <dc-mark-scripts
          .scripts=${d.scripts}
          .media=${this._media}
          .errors=${this._errors}
          @scripts-change=${(e: CustomEvent<ScriptDraft[]>) => this._set({ scripts: e.detail }, 'scripts')}
        ></dc-mark-scripts>
        ${this._error('scripts')}
      </div>`;
  }

  private _holiday(d: MarkDraft) {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<div class="wide">
        <sl-textarea
          name="greeting"
          rows="2"
          label="节日祝福语（可不填）· Greeting (optional)"
          placeholder="不填则播通用祝福语 · Blank: the generic greeting plays"
          maxlength="2000"
          .value=${d.greetingText}
          ?data-invalid=${!!this._errors['greeting']}
          @sl-input=${(e: Event) => this._set({ greetingText: value(e) }, 'greeting')}
        ></sl-textarea>
        ${this._error('greeting')}
      </div>
      <div class="wide">
        <sl-select
          name="greeting.media"
          label="祝福语录音（可不选）· Greeting recording (optional)"
          placeholder="不用录音 · No recording"
          clearable
          hoist
          .value=${d.greetingMedia}
          @sl-change=${(e: Event) => this._set({ greetingMedia: value(e) }, 'greeting.media')}
        >
          ${this._media.map((m) => html`<sl-option value=${m.id}>${m.title} · ${m.id}</sl-option>`)}
        </sl-select>
        ${this._error('greeting.media')}
      </div>`;
  }

  private _field(
    f: 'from' | 'to' | 'name' | 'note' | 'opening' | 'closing',
    label: string,
    type: string,
    cls = '',
  ) {
    return html`<div class=${cls}>
      <sl-input
        name=${f}
        type=${type}
        label=${label}
        maxlength=${type === 'text' ? 100 : 20}
        .value=${this._draft[f]}
        ?data-invalid=${!!this._errors[f]}
        @sl-input=${(e: Event) => this._set({ [f]: (e.target as HTMLInputElement).value }, f)}
        @sl-change=${(e: Event) => this._set({ [f]: (e.target as HTMLInputElement).value }, f)}
      ></sl-input>
      ${this._error(f)}
    </div>`;
  }

  private _error(f: string) {
    const e = this._errors[f];
    return e ? html`<div class="error" data-field=${f}>${e}</div>` : nothing;
  }

  private _set(change: Partial<MarkDraft>, field?: string): void {
    this._draft = { ...this._draft, ...change };
    if (field && Object.keys(this._errors).some((k) => k.startsWith(field)))
      this._errors = Object.fromEntries(
        Object.entries(this._errors).filter(([k]) => !k.startsWith(field)),
      );
  }

  private async _loadMedia(): Promise<void> {
    try {
      this._media = (await this.session.api.get<{ items: MediaItem[] }>('/api/media')).items;
    } catch (err) {
      toast('warning', '媒体库读取失败 · Could not load the media library', (err as Error).message);
    }
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    const d = this._draft;
    this._busy = true;
    this._errors = {};
    try {
      const r = await postForIssues<{ revision: number; warnings?: Issue[] }>(
        this.session.api,
        '/api/calendar/days',
        bodyOf(d, this.revision),
      );
      const old = this._editing;
      let revision = r.revision;
      // Changed dates or name: the old mark goes, or the day would carry both.
      if (
        old &&
        (old.from !== d.from || old.to !== (d.to || d.from) || (old.name ?? '') !== d.name)
      )
        revision = await this._unmark(old, revision);
      const k = DAY_KINDS[d.kind];
      toast(
        'success',
        `已${old ? '修改' : '标记'}${k.zh}${d.name ? `「${d.name}」` : ''} · ${old ? 'Mark changed' : `Marked as ${k.en}`}`,
        `${spanText(d.from, d.to || d.from)} · 日历第 ${revision} 版 · calendar revision ${revision}`,
      );
      this.dispatchEvent(
        new CustomEvent('calendar-changed', {
          detail: { revision },
          bubbles: true,
          composed: true,
        }),
      );
      // Saved, but the check has a word about it (a script that squeezes the weather out).
      const own = (r.warnings ?? []).filter((w) => w.field);
      if (own.length)
        toast(
          'warning',
          '标记已保存，请留意 · Saved, but note',
          own.map((w) => w.message).join('\n'),
        );
      this._busy = false;
      await this._dialog()?.hide();
    } catch (err) {
      this._errors = issuesByField(err, (f) => MARK_FIELD.test(f));
      toast('danger', '没有保存标记 · The mark was not saved', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }

  private async _unmark(old: MarkView, revision: number): Promise<number> {
    try {
      const r = await this.session.api.post<{ revision: number }>('/api/calendar/days/unmark', {
        kind: old.kind,
        from: old.from,
        to: old.to,
        ...(old.name ? { name: old.name } : {}),
        baseRevision: revision,
      });
      return r.revision;
    } catch (err) {
      toast(
        'warning',
        '旧标记未撤销 · The old mark is still there',
        `${spanText(old.from, old.to)}：${(err as Error).message}`,
      );
      return revision;
    }
  }

  private _dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-mark-dialog': DcMarkDialog;
  }
}
