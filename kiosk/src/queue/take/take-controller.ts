import { mallTimezone } from '../../lib/api.ts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deviceToken } from '../../lib/api.ts';
import { LiveQuery } from '../live-query.ts';
import { QueueClient, QueueError } from '../queue-client.ts';
import { DEFAULT_TIMEZONE } from '../queue-format.ts';
import type { Priority, Service, Ticket } from '../queue-types.ts';
import { ticketPageRule } from './print-page.ts';

/** The ticket stays on screen this long after the last touch, then the buttons come back. */
export const TICKET_IDLE_MS = 10_000;
/** A priority chosen and then left (the person walked off) goes back to normal. */
const PRIORITY_IDLE_MS = 30_000;

/**
 * Owns the ticket machine's state: the services (live, with waiting counts), the chosen
 * priority, the ticket just taken and its printing, and the idle clock that resets the screen.
 */
export class TakeController implements ReactiveController {
  token = deviceToken();
  readonly live: LiveQuery<{ services: Service[] }>;
  timezone = DEFAULT_TIMEZONE;
  priority: Priority = 'normal';
  ticket?: Ticket;
  taking = false;
  error = '';
  /** How many times the page asked the browser to print (for tests and the screen). */
  prints = 0;
  /** The time on the screen's clock. */
  now = Date.now();
  private _client?: QueueClient;
  private _idle?: ReturnType<typeof setTimeout>;
  private _clock?: ReturnType<typeof setInterval>;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
    this.live = new LiveQuery(() => _host.requestUpdate());
  }

  hostConnected(): void {
    const token = this.token;
    if (!token) return;
    const client = (this._client = new QueueClient({ kind: 'device', token }));
    this.live.start({
      load: () => client.get<{ services: Service[] }>('/api/queue/services'),
      streamToken: token,
      // Opening hours pass without any event: look again every half minute.
      refreshMs: 30_000,
      refetchOn: ['queue-changed'],
    });
    this._clock = setInterval(() => {
      this.now = Date.now();
      this._host.requestUpdate();
    }, 5000);
    Object.defineProperty(globalThis, '__deskcastTake', {
      value: takeView(this),
      configurable: true,
    });
    void mallTimezone(this.timezone).then((tz) => (this.timezone = tz));
  }

  hostDisconnected(): void {
    this.live.stop();
    clearTimeout(this._idle);
    clearInterval(this._clock);
  }

  get services(): Service[] {
    return [...(this.live.value?.services ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  setPriority(p: Priority): void {
    this.priority = p;
    this.touch();
    this._host.requestUpdate();
  }

  /** Someone touched the screen: the idle clock starts again. */
  touch(): void {
    clearTimeout(this._idle);
    if (this.ticket) this._idle = setTimeout(() => this.reset(), TICKET_IDLE_MS);
    else if (this.priority !== 'normal')
      this._idle = setTimeout(() => this.reset(), PRIORITY_IDLE_MS);
  }

  /** Back to the service buttons. */
  reset(): void {
    clearTimeout(this._idle);
    this.ticket = undefined;
    this.priority = 'normal';
    this.error = '';
    this._host.requestUpdate();
  }

  async take(service: string): Promise<void> {
    if (this.taking || !this._client) return;
    this.taking = true;
    this.error = '';
    this._host.requestUpdate();
    try {
      const r = await this._client.post<{ ticket: Ticket }>('/api/queue/tickets', {
        service,
        priority: this.priority,
        source: 'kiosk',
      });
      this.ticket = r.ticket;
      this.touch();
    } catch (err) {
      this.error =
        err instanceof QueueError && err.code === 'service-closed'
          ? '该业务现在不办理，请留意办理时间。 This service is closed now.'
          : `取号失败，请稍后再试或到服务台咨询。 (${(err as Error).message})`;
      void this.live.refresh();
    } finally {
      this.taking = false;
      this._host.requestUpdate();
    }
  }

  /**
   * The ticket is on the page with its QR code: send it to the printer, on a page as long as
   * the ticket (`size` given the ticket's size on screen; a reprint uses the last one).
   */
  print(size?: { width: number; height: number }): void {
    if (size && size.width > 0) {
      let style = document.getElementById('dc-ticket-page');
      if (!style) {
        style = document.createElement('style');
        style.id = 'dc-ticket-page';
        document.head.append(style);
      }
      style.textContent = ticketPageRule(size);
    }
    this.prints++;
    // With Chromium's --kiosk-printing this prints at once to the default printer (README).
    window.print();
    this.touch();
  }
}

/**
 * What a test may wait on, and a look from the browser's console: getters over copies, never the
 * controller, so nothing outside the page can take or print a ticket through it.
 */
function takeView(c: TakeController) {
  return Object.freeze({
    get ticket() {
      return c.ticket?.code;
    },
    get priority() {
      return c.priority;
    },
    get taking() {
      return c.taking;
    },
    get prints() {
      return c.prints;
    },
    get error() {
      return c.error;
    },
  });
}
