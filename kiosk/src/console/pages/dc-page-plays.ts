import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import { downloadFile } from '../plays/download.ts';
import { filterQuery, type PlayReport, type PlaysFilter } from '../plays/plays-types.ts';
import type { DcPlaysLog } from '../plays/dc-plays-log.ts';
import '../plays/dc-plays-filter.ts';
import '../plays/dc-plays-log.ts';
import '../plays/dc-plays-summary.ts';

/** The files an announcer may take away, each in the shape an invoice needs. */
const EXPORTS = [
  {
    id: 'xlsx',
    path: 'report.xlsx',
    zh: 'Excel 报表（汇总、按日、明细）',
    en: 'Excel report (.xlsx)',
  },
  {
    id: 'merchants',
    path: 'report.csv?table=merchants',
    zh: '商户汇总 CSV',
    en: 'Per merchant (.csv)',
  },
  { id: 'promos', path: 'report.csv?table=promos', zh: '促销汇总 CSV', en: 'Per promo (.csv)' },
  { id: 'days', path: 'report.csv?table=days', zh: '按日 CSV', en: 'Per day (.csv)' },
  { id: 'plays', path: 'report.csv?table=plays', zh: '播放明细 CSV', en: 'Every play (.csv)' },
] as const;

/**
 * Proof of play (播放记录): for a date range, player, slot and merchant, each promo's planned
 * and played counts and airtime (chart and table), the files a merchant's invoice is made from,
 * and the as-played log itself.
 */
@customElement('dc-page-plays')
export class DcPagePlays extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .filters {
        margin-bottom: 1rem;
      }
      .section {
        margin-bottom: 1rem;
      }
      .range {
        font-size: 0.9rem;
        color: var(--sl-color-neutral-600);
        margin: 0 0 0.75rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  @state() private _filter?: PlaysFilter;
  @state() private _exporting = false;
  @query('dc-plays-log') private _log?: DcPlaysLog;

  private readonly _report = new Task(this, {
    task: ([q]) => this.session.api.get<PlayReport>(`/api/plays/report?${q}`),
    args: () => [this._filter ? filterQuery(this._filter) : ''] as const,
  });

  protected override willUpdate(): void {
    const today = this.session.site.today;
    this._filter ??= { from: today, to: today };
  }

  override render() {
    const f = this._filter as PlaysFilter;
    return html`
      <div class="page-head">
        <h1>播放记录<span class="en">Proof of play</span></h1>
        <div class="row">
          <sl-button size="small" @click=${this._refresh}>
            <sl-icon slot="prefix" name="arrow-clockwise"></sl-icon>刷新 · Refresh
          </sl-button>
          <sl-dropdown placement="bottom-end">
            <sl-button
              slot="trigger"
              size="small"
              variant="primary"
              caret
              ?loading=${this._exporting}
            >
              <sl-icon slot="prefix" name="download"></sl-icon>导出 · Export
            </sl-button>
            <sl-menu @sl-select=${this._export}>
              ${EXPORTS.map(
                (x) =>
                  html`<sl-menu-item value=${x.id}>
                    <sl-icon
                      slot="prefix"
                      name=${x.id === 'xlsx' ? 'file-earmark-excel' : 'filetype-csv'}
                    ></sl-icon>
                    ${x.zh} · ${x.en}
                  </sl-menu-item>`,
              )}
            </sl-menu>
          </sl-dropdown>
        </div>
      </div>
      <div class="card filters">
        <dc-plays-filter
          .filter=${f}
          .options=${this._report.value?.options}
          today=${this.session.site.today}
          @filter-change=${(e: CustomEvent<PlaysFilter>) => (this._filter = e.detail)}
        ></dc-plays-filter>
      </div>
      <p class="range">
        ${f.from === f.to ? f.from : `${f.from} – ${f.to}`} ·
        计划来自当天节目单，播出来自各播放器的报告 · Planned is from each day's plan; played from
        the players' reports.
      </p>
      <div class="section">
        ${this._report.render({
          pending: () =>
            html`<div class="card empty"><sl-spinner></sl-spinner> 正在统计 · Counting…</div>`,
          error: (err) =>
            html`<sl-alert variant="danger" open data-testid="report-error">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              <strong>无法统计 · The report could not be made</strong
              ><br />${(err as Error).message}
            </sl-alert>`,
          complete: (r) => html`<dc-plays-summary .report=${r}></dc-plays-summary>`,
        })}
      </div>
      <dc-plays-log .api=${this.session.api} .filter=${f}></dc-plays-log>
    `;
  }

  private readonly _refresh = () => {
    void this._report.run();
    this._log?.reload();
  };

  private readonly _export = async (e: CustomEvent<{ item: { value: string } }>) => {
    const x = EXPORTS.find((k) => k.id === e.detail.item.value);
    if (!x || !this._filter) return;
    const sep = x.path.includes('?') ? '&' : '?';
    this._exporting = true;
    try {
      const name = await downloadFile(
        `/api/plays/${x.path}${sep}${filterQuery(this._filter)}`,
        'proof-of-play',
      );
      toast('success', `已导出 ${name} · Exported`, `${x.zh} · ${x.en}`);
    } catch (err) {
      toastError('导出失败 · The export failed', err);
    } finally {
      this._exporting = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-plays': DcPagePlays;
  }
}
