import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LiveLoad } from '../merchants/live-load.ts';
import { downloadFile } from '../plays/download.ts';
import type { Completion, Digest, StoredReport, WeekSummary } from '../reports/report-types.ts';
import { monthDates, weekAfter, weekOf, type Week } from '../reports/report-weeks.ts';
import { toast, toastError } from '../toast.ts';
import '../reports/dc-report-callbacks.ts';
import '../reports/dc-report-files.ts';
import '../reports/dc-report-week.ts';

/** The ledgers the group checks by name, each as a month's workbook (server/reports/ledgers.ts). */
const MONTH_LEDGERS = [
  { id: 'complaints', zh: '顾客投诉登记表+汇总表', en: 'Complaints' },
  { id: 'callbacks', zh: '电话回访记录台帐', en: 'Callbacks' },
  { id: 'returns', zh: '30天无理由退货登记表+汇总表', en: '30-day returns' },
  { id: 'compensations', zh: '先行赔偿审批表', en: 'Advance compensation' },
  { id: 'merchant-fees', zh: '商户服务收费登记表', en: 'Merchant service fees' },
  { id: 'prizes', zh: '奖品发放登记表', en: 'Prize handouts' },
  { id: 'visits', zh: '月度上门拜访顾客填报表', en: 'Customer visits' },
] as const;

/**
 * Reports (报表): a week's complaint summary on screen with its workbook to take away (and
 * the month's), callback completion for the week's month, the workbooks made every Monday and
 * the latest nightly digest, which the server pushes as `records-digest`.
 */
@customElement('dc-page-reports')
export class DcPageReports extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .picker {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .week-label {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        min-width: 13rem;
        text-align: center;
      }
      .section {
        margin-bottom: 1rem;
      }
      .section-head {
        display: flex;
        align-items: baseline;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin: 0 0 0.75rem;
      }
      .section-head h2 {
        margin: 0;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _files = new LiveLoad<{ reports: StoredReport[] }>(
    this,
    () => this.session,
    '/api/reports',
    ['records-digest'],
  );
  private readonly _digest = new LiveLoad<{ digest: Digest | null }>(
    this,
    () => this.session,
    '/api/reports/digest/latest',
    ['records-digest'],
  );
  @state() private _week?: Week;
  @state() private _exporting?: 'week' | 'month';

  private readonly _summary = new Task(this, {
    task: ([week]) =>
      this.session.api.get<WeekSummary>(`/api/reports/complaints/week?week=${week}`),
    args: () => [this._week?.label ?? ''] as const,
  });

  private readonly _completion = new Task(this, {
    task: async ([month]) => {
      const { from, to } = monthDates(month);
      const q = `from=${from}&to=${to}`;
      const [weeks, months] = await Promise.all([
        this.session.api.get<Completion>(`/api/callbacks/completion?by=week&${q}`),
        this.session.api.get<Completion>(`/api/callbacks/completion?by=month&${q}`),
      ]);
      return { weeks: weeks.periods, month: months.periods[0] };
    },
    args: () => [this._week?.month ?? ''] as const,
  });

  protected override willUpdate(): void {
    // Last week, the one the Monday workbook is made of, on the mall's today.
    this._week ??= weekAfter(weekOf(this.session.site.today), -1);
  }

  override render() {
    const w = this._week as Week;
    const latest = weekAfter(weekOf(this.session.site.today), 0);
    return html`
      <div class="page-head">
        <h1>报表<span class="en">Reports</span></h1>
        <div class="picker" data-testid="week-picker">
          <sl-icon-button
            name="chevron-left"
            label="上一周 Previous week"
            data-testid="week-prev"
            @click=${() => (this._week = weekAfter(w, -1))}
          ></sl-icon-button>
          <span class="week-label" data-testid="week-label"
            >${w.label} · ${w.from.slice(5)} 至 ${w.to.slice(5)}</span
          >
          <sl-icon-button
            name="chevron-right"
            label="下一周 Next week"
            data-testid="week-next"
            ?disabled=${w.label === latest.label}
            @click=${() => (this._week = weekAfter(w, 1))}
          ></sl-icon-button>
          <sl-button size="small" @click=${() => (this._week = weekAfter(latest, -1))}
            >上周 · Last week</sl-button
          >
          <sl-button
            size="small"
            variant="primary"
            data-testid="export-week"
            ?loading=${this._exporting === 'week'}
            @click=${() => this._export('week')}
          >
            <sl-icon slot="prefix" name="file-earmark-excel"></sl-icon>导出 Excel · Export
            ${w.label}
          </sl-button>
          <sl-dropdown placement="bottom-end">
            <sl-button
              slot="trigger"
              size="small"
              caret
              data-testid="export-month"
              ?loading=${this._exporting === 'month'}
            >
              <sl-icon slot="prefix" name="calendar3"></sl-icon>导出月报 · ${w.month}
            </sl-button>
            <sl-menu
              @sl-select=${(e: CustomEvent<{ item: { value: string } }>) =>
                this._export('month', e.detail.item.value)}
            >
              ${MONTH_LEDGERS.map(
                (l) =>
                  html`<sl-menu-item value=${l.id}>
                    <sl-icon slot="prefix" name="file-earmark-excel"></sl-icon>${l.zh} · ${l.en}
                  </sl-menu-item>`,
              )}
            </sl-menu>
          </sl-dropdown>
        </div>
      </div>

      <div class="section">
        <div class="section-head">
          <h2>投诉周汇总<span class="en">Weekly complaint summary</span></h2>
          <span class="muted">${w.from} 至 ${w.to} · ${this.session.site.timezone}</span>
        </div>
        ${this._summary.render({
          pending: () =>
            html`<div class="card empty"><sl-spinner></sl-spinner> 正在统计 · Counting…</div>`,
          error: (err) => this._error('无法统计这一周 · The week could not be summed up', err),
          complete: (s) => html`<dc-report-week .summary=${s}></dc-report-week>`,
        })}
      </div>

      <div class="card section">
        <div class="section-head">
          <h2>回访完成率<span class="en">Callback completion</span></h2>
          <span class="muted">${w.month} · 已回访 ÷ 应回访 · done ÷ due, 目标 100% target</span>
        </div>
        ${this._completion.render({
          pending: () => html`<sl-spinner></sl-spinner>`,
          error: (err) => this._error('回访完成率读取失败 · Could not read the completion', err),
          complete: (c) =>
            html`<dc-report-callbacks .weeks=${c.weeks} .month=${c.month}></dc-report-callbacks>`,
        })}
      </div>

      <div class="card section">
        <div class="section-head">
          <h2>
            自动报表与逾期汇总<span class="en">Scheduled workbooks and the nightly digest</span>
          </h2>
        </div>
        ${
          this._files.error || this._digest.error
            ? this._error('读取失败 · Could not read', this._files.error ?? this._digest.error)
            : ''
        }
        <dc-report-files
          .files=${this._files.value?.reports}
          .digest=${this._digest.value?.digest}
          timezone=${this.session.site.timezone}
        ></dc-report-files>
      </div>
    `;
  }

  private _error(title: string, err: unknown) {
    return html`<sl-alert variant="danger" open>
      <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
      <strong>${title}</strong><br />${err instanceof Error ? err.message : String(err)}
    </sl-alert>`;
  }

  private async _export(which: 'week' | 'month', ledger = 'complaints'): Promise<void> {
    const w = this._week as Week;
    const q = which === 'week' ? `week=${w.label}` : `month=${w.month}`;
    const title = MONTH_LEDGERS.find((l) => l.id === ledger)?.zh ?? ledger;
    this._exporting = which;
    try {
      const name = await downloadFile(`/api/reports/${ledger}.xlsx?${q}`, `${ledger}.xlsx`);
      toast('success', `已导出 ${name} · Exported`, title);
    } catch (err) {
      toastError('导出失败 · The export failed', err);
    } finally {
      this._exporting = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-reports': DcPageReports;
  }
}
