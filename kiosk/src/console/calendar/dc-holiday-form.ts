import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { issuesByField, postForIssues } from './calendar-api.ts';
import {
  emptyHoliday,
  type HolidayRow,
  type LinesChange,
  type MakeUpRow,
} from './dc-holiday-lines.ts';
import { markFormStyles } from './mark-form-styles.ts';
import './dc-holiday-lines.ts';

/** GET /api/calendar/holidays?year=. */
interface YearAnswer {
  year: number;
  revision: number;
  holidays: { name: string; from: string; to: string; greeting: boolean }[];
  makeUpDays: { date: string; note?: string }[];
}

const FIELD =
  /^(year|source|replace|holidays(\.\d+(\.(name|from|to))?)?|makeUpDays(\.\d+(\.(date|note))?)?)$/;

/**
 * The State Council's holiday schedule for a year (国务院办公厅关于…年部分节假日安排的通知),
 * entered from the published notice in one go: each holiday's name and dates, the 调休 make-up
 * working days, and the notice's number. Nothing is filled in for the person: the dates come
 * from the notice, never from a guess. A year already in the calendar is shown, and replacing
 * it must be asked for. Every problem shows at its field; a refused schedule saves nothing.
 */
@customElement('dc-holiday-form')
export class DcHolidayForm extends LitElement {
  static override styles = [
    pageStyles,
    markFormStyles,
    css`
      .bar {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
        margin-top: 1rem;
      }
      .existing {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The year to enter. */
  @property({ type: Number }) year = new Date().getFullYear() + 1;
  @state() private _holidays: HolidayRow[] = [emptyHoliday()];
  @state() private _makeUps: MakeUpRow[] = [];
  @state() private _source = '';
  @state() private _replace = false;
  @state() private _existing?: YearAnswer;
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('year')) void this._loadYear();
  }

  override render() {
    const ex = this._existing;
    const has = !!ex && (ex.holidays.length > 0 || ex.makeUpDays.length > 0);
    return html`<div class="card" data-testid="holiday-form">
      <h2>${this.year}年法定节假日<span class="en">Public holidays of ${this.year}</span></h2>
      <p class="muted" style="margin-top:0">
        按国务院办公厅公布的放假安排通知逐项填写，不要估计日期 · Fill in each line from the State
        Council's published notice; never guess a date.
      </p>
      ${
        this._errors['']
          ? html`<sl-alert variant="danger" open class="general" data-testid="holiday-problems">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              <div style="white-space:pre-line">${this._errors['']}</div>
            </sl-alert>`
          : nothing
      }
      ${
        has
          ? html`<sl-alert variant="primary" open class="existing" data-testid="holidays-entered">
              <sl-icon slot="icon" name="info-circle"></sl-icon>
              日历里已有${this.year}年的节假日 · ${this.year} is in the calendar already：
              ${ex.holidays.map((h) => `${h.name} ${h.from}${h.to !== h.from ? `–${h.to}` : ''}`).join('，')}
              ${ex.makeUpDays.length ? html`<br />调休 · Make-up days：${ex.makeUpDays.map((m) => m.date).join('，')}` : nothing}
              <br /><sl-button
                size="small"
                style="margin-top:0.4rem"
                @click=${() => this._loadIntoForm(ex)}
              >
                填入下表以便更正 · Put them in the form to correct them
              </sl-button>
            </sl-alert>`
          : nothing
      }
      <div class="form">
        <div>
          <sl-input
            name="year"
            type="number"
            label="年份 · Year"
            min="2000"
            max="2100"
            .value=${String(this.year)}
            @sl-change=${(e: Event) => this._year((e.target as HTMLInputElement).value)}
          ></sl-input>
          ${this._error('year')}
        </div>
        <div>
          <sl-input
            name="source"
            label="通知文号 · The notice's number"
            placeholder="如：国办发明电〔YYYY〕N号 · e.g. the notice's number"
            maxlength="200"
            .value=${this._source}
            @sl-input=${(e: Event) => this._set('source', () => (this._source = (e.target as HTMLInputElement).value))}
          ></sl-input>
          ${this._error('source')}
        </div>
      </div>
      <dc-holiday-lines
        .holidays=${this._holidays}
        .makeUps=${this._makeUps}
        .errors=${this._errors}
        @lines-change=${this._linesChanged}
      ></dc-holiday-lines>
      <div class="bar">
        ${
          has
            ? html`<div>
                <sl-checkbox
                  name="replace"
                  .checked=${this._replace}
                  @sl-change=${(e: Event) => this._set('replace', () => (this._replace = (e.target as HTMLInputElement).checked))}
                  >替换已录入的${this.year}年节假日 · Replace ${this.year}'s holidays</sl-checkbox
                >
                ${this._error('replace')}
              </div>`
            : this._error('replace')
        }
        <sl-button
          variant="primary"
          data-testid="save-holidays"
          ?loading=${this._busy}
          @click=${() => void this._save()}
        >
          <sl-icon slot="prefix" name="check2"></sl-icon>保存${this.year}年放假安排 · Save
          ${this.year}'s schedule
        </sl-button>
      </div>
    </div>`;
  }

  private readonly _linesChanged = (e: CustomEvent<LinesChange>) => {
    const { holidays, makeUps, field } = e.detail;
    this._set(field ?? '-', () => {
      this._holidays = holidays;
      this._makeUps = makeUps;
    });
  };

  private _error(f: string) {
    const e = this._errors[f];
    return e ? html`<div class="error" data-field=${f}>${e}</div>` : nothing;
  }

  /** Applies a change and clears the error of the field it touched. */
  private _set(field: string, apply: () => void): void {
    apply();
    if (this._errors[field] !== undefined) {
      this._errors = Object.fromEntries(Object.entries(this._errors).filter(([k]) => k !== field));
    }
  }

  /** The year as the calendar has it, in the form, to correct a line against the notice. */
  private _loadIntoForm(ex: YearAnswer): void {
    this._holidays = ex.holidays.length
      ? ex.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to !== h.from ? h.to : '' }))
      : [emptyHoliday()];
    this._makeUps = ex.makeUpDays.map((m) => ({ date: m.date, note: m.note ?? '' }));
    this._replace = true;
    this._errors = {};
  }

  private _year(text: string): void {
    const y = Number(text);
    if (Number.isInteger(y) && y >= 2000 && y <= 2100 && y !== this.year) {
      this.year = y;
      this._holidays = [emptyHoliday()];
      this._makeUps = [];
      this._source = '';
      this._replace = false;
      this._errors = {};
    }
  }

  private async _loadYear(): Promise<void> {
    const year = this.year;
    try {
      const r = await this.session.api.get<YearAnswer>(`/api/calendar/holidays?year=${year}`);
      if (year === this.year) this._existing = r;
    } catch (err) {
      toast(
        'warning',
        '节假日读取失败 · Could not read the year’s holidays',
        (err as Error).message,
      );
    }
  }

  private async _save(): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    this._errors = {};
    const body = {
      year: this.year,
      ...(this._source.trim() ? { source: this._source } : {}),
      holidays: this._holidays.map((h) => ({
        name: h.name,
        from: h.from,
        ...(h.to ? { to: h.to } : {}),
      })),
      makeUpDays: this._makeUps.map((m) =>
        m.note.trim() ? { date: m.date, note: m.note } : m.date,
      ),
      ...(this._replace ? { replace: true } : {}),
      ...(this._existing ? { baseRevision: this._existing.revision } : {}),
    };
    try {
      const r = await postForIssues<{ revision: number; holidays: number; makeUpDays: number }>(
        this.session.api,
        '/api/calendar/holidays',
        body,
      );
      toast(
        'success',
        `已保存${this.year}年放假安排 · ${this.year}'s holidays saved`,
        `${r.holidays} 个节日 holidays · ${r.makeUpDays} 个调休日 make-up days · 日历第 ${r.revision} 版 · calendar revision ${r.revision}`,
      );
      this._replace = false;
      this.dispatchEvent(
        new CustomEvent('calendar-changed', {
          detail: { revision: r.revision },
          bubbles: true,
          composed: true,
        }),
      );
      await this._loadYear();
    } catch (err) {
      this._errors = issuesByField(err, (f) => FIELD.test(f));
      toast('danger', '放假安排没有保存 · The schedule was not saved', (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-holiday-form': DcHolidayForm;
  }
}
