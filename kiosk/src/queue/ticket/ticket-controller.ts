import { mallSite, type MallSite } from '../../lib/api.ts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { QueueClient, QueueError } from '../queue-client.ts';
import { DEFAULT_SITE, tokenFromPath } from '../queue-format.ts';
import type { PublicTicket } from '../queue-types.ts';

/** How often the phone asks again while the ticket is still open. */
export const TICKET_REFRESH_MS = 4000;

const FINAL = new Set(['done', 'no-show', 'closed']);

/**
 * Keeps a customer's ticket current on their phone: asks every few seconds (and as soon as the
 * page is looked at again) until the ticket is finished. No sign-in: the token is the secret.
 */
export class TicketController implements ReactiveController {
  readonly token = tokenFromPath(location.pathname);
  ticket?: PublicTicket;
  error = '';
  missing = false;
  updatedAt = 0;
  /** The mall's name for the header, and its zone for every time shown. */
  site: MallSite = DEFAULT_SITE;
  get timezone(): string {
    return this.site.timezone;
  }
  private readonly _client = new QueueClient({ kind: 'none' });
  private _timer?: ReturnType<typeof setInterval>;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (!this.token) return;
    void this.refresh();
    this._timer = setInterval(() => void this.refresh(), TICKET_REFRESH_MS);
    document.addEventListener('visibilitychange', this._onVisible);
    void mallSite(this.site).then((site) => {
      this.site = site;
      this._host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    clearInterval(this._timer);
    document.removeEventListener('visibilitychange', this._onVisible);
  }

  async refresh(): Promise<void> {
    if (!this.token || document.visibilityState === 'hidden') return;
    try {
      const before = this.ticket?.status;
      this.ticket = await this._client.get<PublicTicket>(
        `/api/queue/public/${encodeURIComponent(this.token)}`,
      );
      this.updatedAt = Date.now();
      this.error = '';
      // Called: a buzz for a phone in a pocket (where the browser allows it).
      if (this.ticket.status === 'called' && before && before !== 'called')
        navigator.vibrate?.([300, 150, 300]);
      if (FINAL.has(this.ticket.status)) clearInterval(this._timer);
    } catch (err) {
      if (err instanceof QueueError && err.status === 404) {
        this.missing = true;
        clearInterval(this._timer);
      } else this.error = '暂时无法连接，稍后自动重试';
    }
    this._host.requestUpdate();
  }

  private readonly _onVisible = () => void this.refresh();
}
