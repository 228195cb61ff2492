import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { addDays } from '../../../../core/zoned-time.ts';
import { hoursText, shortName, waitText } from '../../queue/queue-format.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { downloadFile } from '../plays/download.ts';
import { QueueLiveController } from '../queue/queue-live.ts';
import { toast, toastError } from '../toast.ts';
import '../queue/dc-queue-charts.ts';
import '../queue/dc-queue-counters.ts';
import '../queue/dc-queue-waiting.ts';

/** The desk's exports: today's tickets, or this month's, as Excel or CSV. */
function exportsFor(today: string) {
  const monthStart = `${today.slice(0, 8)}01`;
  return [
    {
      id: 'today-xlsx',
      zh: '今天 Excel',
      en: "Today's tickets (.xlsx)",
      q: `export.xlsx?from=${today}&to=${today}`,
    },
    {
      id: 'today-csv',
      zh: '今天 CSV',
      en: "Today's tickets (.csv)",
      q: `export.csv?from=${today}&to=${today}`,
    },
    {
      id: 'month-xlsx',
      zh: '本月 Excel',
      en: 'This month (.xlsx)',
      q: `export.xlsx?from=${monthStart}&to=${today}`,
    },
    {
      id: 'week-xlsx',
      zh: '最近 7 天 Excel',
      en: 'Last 7 days (.xlsx)',
      q: `export.xlsx?from=${addDays(today, -6)}&to=${today}`,
    },
  ];
}

/**
 * Queue (排队叫号), today at a glance: the people waiting per service, each counter's state and
 * staff, the waiting tickets, tickets per hour and waits as charts, and the exports. Live: it
 * reads the queue again on every change the server announces.
 */
@customElement('dc-page-queue')
export class DcPageQueue extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .services {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .service .count {
        font-size: 2rem;
        font-weight: 700;
        line-height: 1.1;
      }
      .service .name {
        font-weight: 600;
      }
      .service .meta {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
      }
      .service.closed {
        opacity: 0.6;
      }
      .two {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr);
        margin-bottom: 1rem;
      }
      @media (max-width: 1500px) {
        .two {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .totals {
        font-size: 0.9rem;
        color: var(--sl-color-neutral-600);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _live = new QueueLiveController(this, () => this.session);
  @state() private _exporting = false;

  override render() {
    const d = this._live.data;
    const tz = this.session.site.timezone;
    const head = html`<div class="page-head">
      <h1>排队叫号<span class="en">Queue</span></h1>
      <div class="row">
        ${
          d
            ? html`<span class="totals" data-testid="day-totals"
                >${d.state.date} · 取号 ${d.figures.totals.taken} · 办结 ${d.figures.totals.served}
                · Taken ${d.figures.totals.taken}, served ${d.figures.totals.served}</span
              >`
            : ''
        }
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
            ${exportsFor(this._today()).map(
              (x) => html`<sl-menu-item value=${x.id}>${x.zh} · ${x.en}</sl-menu-item>`,
            )}
          </sl-menu>
        </sl-dropdown>
      </div>
    </div>`;
    if (!d)
      return html`${head}
      ${
        this._live.error
          ? html`<sl-alert variant="danger" open>
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              <strong>无法读取排队情况 · The queue could not be read</strong
              ><br />${this._live.error}
            </sl-alert>`
          : html`<div class="card empty"><sl-spinner></sl-spinner> 正在读取 · Loading…</div>`
      }`;
    const waiting = d.waiting.tickets.length;
    return html`${head}
      ${
        this._live.error
          ? html`<sl-alert variant="warning" open style="margin-bottom:.75rem">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              显示的是上次读取的情况 · Showing the last reading: ${this._live.error}
            </sl-alert>`
          : ''
      }
      <div class="services" data-testid="services">
        ${d.state.services.map((s) => {
          const wait = waitText(s.estimatedWaitMin, s.waiting);
          return html`<div class="card service ${s.open ? '' : 'closed'}" data-service=${s.id}>
            <div class="name" title=${s.name}>${s.prefix} · ${shortName(s.name)}</div>
            <div class="meta">${shortName(s.nameEn)}</div>
            <div class="count" data-testid="waiting-count">${s.waiting}</div>
            <div class="meta">人等候 · waiting · ${wait.zh} · ${wait.en}</div>
            <div class="meta">
              ${
                s.open
                  ? html`<sl-badge variant="success" pill>取号中 · Open</sl-badge>`
                  : html`<sl-badge variant="neutral" pill>未开放 · Closed</sl-badge>`
              }
              ${hoursText(s.hours)}
            </div>
          </div>`;
        })}
      </div>
      <div class="grid two">
        <div class="card">
          <h2>窗口<span class="en">Counters</span></h2>
          <dc-queue-counters
            .counters=${d.counters.counters}
            .services=${d.state.services}
            timezone=${tz}
          ></dc-queue-counters>
        </div>
        <div class="card">
          <h2>等候中 (${waiting})<span class="en">Waiting tickets</span></h2>
          <dc-queue-waiting
            .tickets=${d.waiting.tickets}
            now=${this._live.now}
            timezone=${tz}
          ></dc-queue-waiting>
        </div>
      </div>
      <dc-queue-charts .figures=${d.figures}></dc-queue-charts>`;
  }

  /** The queue's day (it turns at midnight while the page stays open). */
  private _today(): string {
    return this._live.data?.state.date ?? this.session.site.today;
  }

  private readonly _export = async (e: CustomEvent<{ item: { value: string } }>) => {
    const x = exportsFor(this._today()).find((k) => k.id === e.detail.item.value);
    if (!x) return;
    this._exporting = true;
    try {
      const name = await downloadFile(`/api/queue/${x.q}`, 'queue');
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
    'dc-page-queue': DcPageQueue;
  }
}
