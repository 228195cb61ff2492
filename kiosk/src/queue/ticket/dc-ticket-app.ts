import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { clockTime, positionText, positionTextEn, STATUS_TEXT, waitText } from '../queue-format.ts';
import { baseStyles, lightTheme } from '../queue-theme.ts';
import { TicketController } from './ticket-controller.ts';

/**
 * `/ticket/<token>`: a customer's ticket on their own phone, reached from the QR code on the
 * printed ticket. Where they are in the queue, and which counter once they are called.
 */
@customElement('dc-ticket-app')
export class DcTicketApp extends LitElement {
  static override styles = [
    lightTheme,
    baseStyles,
    css`
      :host {
        min-height: 100vh;
        padding: 20px 16px 32px;
        text-align: center;
      }
      header {
        font-size: 15px;
        color: var(--dc-muted);
        letter-spacing: 0.1em;
      }
      header .mall {
        font-size: 17px;
        font-weight: 600;
        color: var(--dc-text, inherit);
        margin-bottom: 2px;
      }
      header .mall .en {
        margin-left: 0.5em;
        font-weight: 400;
      }
      .card {
        max-width: 420px;
        margin: 16px auto 0;
        padding: 20px 16px;
        border-radius: 16px;
        background: var(--dc-panel);
        box-shadow: 0 2px 12px rgba(0, 0, 0, 0.08);
      }
      .code {
        font-size: 80px;
        line-height: 1.1;
      }
      .service {
        font-size: 20px;
        font-weight: 600;
      }
      .status {
        display: inline-block;
        margin: 12px 0 4px;
        padding: 4px 14px;
        border-radius: 999px;
        background: var(--dc-panel-2);
        font-size: 16px;
      }
      .status.called {
        background: var(--dc-accent);
        color: var(--dc-accent-text);
        font-weight: 600;
      }
      .status.called .en {
        color: inherit;
        opacity: 0.8;
      }
      .position {
        margin: 12px 0;
        font-size: 26px;
        font-weight: 600;
        line-height: 1.25;
      }
      .position .en {
        display: block;
        margin-top: 2px;
        font-size: 15px;
        font-weight: 500;
      }
      .en {
        font-size: max(0.7em, 11px);
      }
      dd .en {
        display: block;
      }
      .called .position {
        color: var(--dc-accent);
        font-size: 34px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 8px 12px;
        margin: 16px 0 0;
        padding-top: 12px;
        border-top: 1px solid var(--dc-line);
        text-align: left;
        font-size: 16px;
      }
      dd {
        margin: 0;
        text-align: right;
        font-weight: 600;
      }
      .foot {
        margin-top: 16px;
        font-size: 13px;
        color: var(--dc-muted);
      }
      .banner {
        max-width: 420px;
        margin: 16px auto 0;
      }
    `,
  ];

  private readonly _c = new TicketController(this);

  override render() {
    const c = this._c;
    const t = c.ticket;
    return html`
      <header>
        <div class="mall" data-testid="mall-name">
          ${c.site.name}<span class="en">${c.site.nameEn}</span>
        </div>
        客户服务中心 · 排队进度 <span class="en">Your place in the queue</span>
      </header>
      ${
        !c.token || c.missing
          ? html`<p class="banner" role="alert">
              找不到这张号票（可能已过期）。<br /><span class="en">Ticket not found.</span>
            </p>`
          : !t
            ? html`<p class="foot">正在载入… Loading…</p>`
            : html`<div class="card ${t.status}" data-status=${t.status}>
                <div class="code" data-testid="code">${t.code}</div>
                <div class="service">${t.serviceName}</div>
                <div class="status ${t.status}">
                  ${STATUS_TEXT[t.status].zh} <span class="en">${STATUS_TEXT[t.status].en}</span>
                </div>
                <div class="position" role="status" aria-live="polite" data-testid="position">
                  ${positionText(t)}
                  <span class="en">${positionTextEn(t)}</span>
                </div>
                <dl>
                  ${
                    t.status === 'waiting'
                      ? html`<dt>前面等候 <span class="en">Ahead</span></dt>
                          <dd>${t.ahead} 人</dd>
                          <dt>预计等候 <span class="en">Est. wait</span></dt>
                          <dd>
                            ${waitText(t.estimatedWaitMin, t.ahead).zh}
                            <span class="en">${waitText(t.estimatedWaitMin, t.ahead).en}</span>
                          </dd>`
                      : nothing
                  }
                  ${
                    t.counter
                      ? html`<dt>窗口 <span class="en">Counter</span></dt>
                          <dd>${t.counter.name}</dd>`
                      : nothing
                  }
                  <dt>取号时间 <span class="en">Taken</span></dt>
                  <dd>${clockTime(t.takenAt, c.timezone)}</dd>
                </dl>
              </div>`
      }
      ${c.error ? html`<p class="banner" role="status">${c.error}</p>` : nothing}
      ${
        c.updatedAt
          ? html`<p class="foot">
              自动刷新 · 更新于 ${clockTime(c.updatedAt, c.timezone)}<br />
              请留意现场叫号，过号请到服务台。<br />
              <span class="en">
                Updates by itself. Listen for your number; if you miss it, ask at the desk.
              </span>
            </p>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-ticket-app': DcTicketApp;
  }
}
