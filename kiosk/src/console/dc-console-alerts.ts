import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from './console-context.ts';
import { pagesFor } from './nav.ts';
import type { NavBadge } from './nav-badges.ts';

/** One warning the server raises about the mall's devices (GET /api/alerts). */
export interface ConsoleAlert {
  level: 'warning' | 'danger';
  zh: string;
  en: string;
  /** The console page that deals with it. */
  page?: string;
}

const POLL_MS = 30_000;
/** Events after which the warnings may have changed. */
const WATCH = ['playback-state', 'devices-changed', 'plan-changed', 'resync'];

/**
 * The warning banner on every console page: a player offline or blocked, or one that has not
 * reported the last planned item. Re-read every half minute and on the events that change it.
 */
@customElement('dc-console-alerts')
export class DcConsoleAlerts extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    sl-alert {
      margin-bottom: 0.5rem;
    }
    sl-alert::part(base) {
      box-shadow: none;
    }
    sl-alert::part(message) {
      padding: 0.55rem 1rem;
      font-size: var(--sl-font-size-small);
    }
    a {
      color: inherit;
      font-weight: 600;
    }
    .en {
      opacity: 0.75;
      margin-left: 0.5rem;
    }
  `;

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** The page on screen: its own warnings it shows itself, with the means to fix them. */
  @property() current = '';
  /** The pages' reminders (a deadline near or past): each shown but on its own page. */
  @property({ attribute: false }) badges = new Map<string, NavBadge>();
  @state() private _alerts: ConsoleAlert[] = [];
  private _timer?: ReturnType<typeof setInterval>;
  private readonly _refresh = () => void this._load();

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
    this._timer = setInterval(this._refresh, POLL_MS);
    for (const t of WATCH) this.session.events.addEventListener(t, this._refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    for (const t of WATCH) this.session.events.removeEventListener(t, this._refresh);
  }

  override render() {
    // A link only to a page this person may open: the desk is told, the announcer acts.
    const open = new Set(pagesFor(this.session.me.role).map((p) => p.path));
    const reminders = [...this.badges]
      .filter(([page]) => page !== this.current)
      .map(
        ([page, b]) =>
          html`<sl-alert variant=${b.variant} open data-testid="reminder" data-page=${page}>
            <sl-icon slot="icon" name="alarm"></sl-icon>
            <a href="/console/${page}">${b.zh}</a><span class="en">${b.en}</span>
          </sl-alert>`,
      );
    const alerts = this._alerts
      .filter((a) => a.page !== this.current || a.page === 'players')
      .map(
        (a) =>
          html`<sl-alert variant=${a.level} open data-testid="device-alert">
            <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
            ${a.page && open.has(a.page) ? html`<a href="/console/${a.page}">${a.zh}</a>` : a.zh}<span
              class="en"
              >${a.en}</span
            >
          </sl-alert>`,
      );
    return [...reminders, ...alerts];
  }

  private async _load(): Promise<void> {
    try {
      this._alerts = (await this.session.api.get<{ alerts: ConsoleAlert[] }>('/api/alerts')).alerts;
    } catch {
      // Not reachable: the connection banner says so already.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-console-alerts': DcConsoleAlerts;
  }
}
