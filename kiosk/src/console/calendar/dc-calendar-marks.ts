import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { DAY_KINDS, spanText, type MarkView, type Script } from './calendar-types.ts';

/** Answer of POST /api/calendar/days/unmark. */
interface Unmarked {
  revision: number;
  removed: { name?: string; dates: string[] }[];
}

/**
 * The marks on one day (an event, a holiday, closed, 调休), each with what it holds (scripts,
 * hours, greeting, note) and the way back: change it, undo it, or take this day alone out of a
 * range. Every change is a calendar revision and ends in a toast.
 */
@customElement('dc-calendar-marks')
export class DcCalendarMarks extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .mark {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.5rem 1rem;
        padding: 0.6rem 0;
        border-top: 1px solid var(--sl-color-neutral-100);
      }
      .mark:first-of-type {
        border-top: none;
      }
      .what {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      .facts {
        font-size: 0.84rem;
        color: var(--sl-color-neutral-700);
        margin-top: 0.25rem;
        display: grid;
        gap: 0.15rem;
      }
      .facts .script {
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: start;
        justify-content: end;
      }
      .kind {
        padding: 1px 6px;
        border-radius: 3px;
        font-size: 0.78rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) marks: MarkView[] = [];
  @property() date = '';
  @property({ type: Number }) revision?: number;
  @state() private _busy?: string;

  override render() {
    return html`<div class="card" data-testid="day-marks">
      <h2>这一天的标记<span class="en">Marks on this day</span></h2>
      ${
        this.marks.length === 0
          ? html`<div class="muted">
              没有标记：按星期和节目表播音 · Not marked: the day plays by its weekday and the
              program
            </div>`
          : this.marks.map((m) => this._mark(m))
      }
    </div>`;
  }

  private _mark(m: MarkView) {
    const k = DAY_KINDS[m.kind];
    const key = `${m.kind}|${m.name ?? ''}|${m.from}`;
    const several = m.from !== m.to;
    return html`<div class="mark" data-kind=${m.kind}>
      <div>
        <div class="what">
          <span
            class="kind"
            style="background:${m.kind === 'closed' ? '#334155' : k.colour};color:${k.ink}"
            >${k.zh} · ${k.en}</span
          >
          ${m.name ? html`<strong>${m.name}</strong>` : nothing}
          <span class="muted">${spanText(m.from, m.to)}</span>
        </div>
        <div class="facts">${this._facts(m)}</div>
      </div>
      <div class="actions">
        ${
          m.kind === 'event' || m.kind === 'holiday'
            ? html`<sl-button size="small" @click=${() => this._emit('mark-edit', m)}>
                <sl-icon slot="prefix" name="pencil"></sl-icon>修改 · Change
              </sl-button>`
            : nothing
        }
        ${
          several
            ? html`<sl-button
                size="small"
                data-testid="unmark-day"
                ?loading=${this._busy === `${key}|day`}
                @click=${() => void this._unmark(m, true)}
              >
                仅撤销这一天 · This day only
              </sl-button>`
            : nothing
        }
        <sl-button
          size="small"
          variant="danger"
          outline
          data-testid="unmark"
          ?loading=${this._busy === key}
          @click=${() => void this._unmark(m, false)}
        >
          <sl-icon slot="prefix" name="arrow-counterclockwise"></sl-icon>撤销标记 · Undo
        </sl-button>
      </div>
    </div>`;
  }

  private _facts(m: MarkView) {
    const script = (s: Script, i: number) =>
      html`<div class="script">
        ${i + 1}. ${s.title ? html`<strong>${s.title}</strong> ` : nothing}
        ${s.media ? html`<sl-icon name="file-earmark-music"></sl-icon> ${s.media} ` : nothing}
        ${s.text ? html`「${s.text}」` : nothing}
      </div>`;
    switch (m.kind) {
      case 'event':
        return html`${(m.scripts ?? []).map(script)}
          <div>
            营业时间 · Hours：开门 opens ${m.opening ?? '按节目表 as the program'} · 闭店 closes
            ${m.closing ?? '按节目表 as the program'}
            ${m.repeat ? html` · 每次播 ${m.repeat} 遍 · ${m.repeat}× each time` : nothing}
          </div>`;
      case 'holiday':
        return m.greeting
          ? html`<div>祝福语 · Greeting：</div>
              ${script(m.greeting, 0)}`
          : html`<div class="muted">通用祝福语 · The generic greeting</div>`;
      case 'closed':
      case 'makeup':
        return m.note ? html`<div>${m.note}</div>` : nothing;
      default: {
        const never: never = m.kind;
        return never;
      }
    }
  }

  private async _unmark(m: MarkView, dayOnly: boolean): Promise<void> {
    const key = `${m.kind}|${m.name ?? ''}|${m.from}${dayOnly ? '|day' : ''}`;
    if (this._busy) return;
    this._busy = key;
    const from = dayOnly ? this.date : m.from;
    const to = dayOnly ? this.date : m.to;
    try {
      const r = await this.session.api.post<Unmarked>('/api/calendar/days/unmark', {
        kind: m.kind,
        from,
        to,
        ...(m.name ? { name: m.name } : {}),
        ...(this.revision ? { baseRevision: this.revision } : {}),
      });
      const k = DAY_KINDS[m.kind];
      toast(
        'success',
        `已撤销${k.zh}标记${m.name ? `「${m.name}」` : ''} · ${k.en} mark undone`,
        `${spanText(from, to)} · 日历第 ${r.revision} 版 · calendar revision ${r.revision}`,
      );
      this._emit('calendar-changed', { revision: r.revision });
    } catch (err) {
      toastError('撤销未完成 · The mark was not undone', err);
    } finally {
      this._busy = undefined;
    }
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-marks': DcCalendarMarks;
  }
}
