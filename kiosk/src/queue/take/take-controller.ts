import { mallSite, type MallSite } from '../../lib/api.ts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deviceToken } from '../../lib/api.ts';
import { LiveQuery } from '../live-query.ts';
import { QueueClient, QueueError } from '../queue-client.ts';
import { DEFAULT_SITE } from '../queue-format.ts';
import type { Priority, Service, Ticket } from '../queue-types.ts';
import { ticketPageRule } from './print-page.ts';

/** The ticket stays on screen this long after the last touch, then the buttons come back. */
export const TICKET_IDLE_MS = 10_000;
/** A priority chosen and then left (the person walked off) goes back to normal. */
const PRIORITY_IDLE_MS = 30_000;
/** A take whose answer did not arrive is sent again this often, after these pauses. */
const RETRY_PAUSES_MS = [500, 1500];

/**
 * A fresh random Idempotency-Key for one tap. `crypto.getRandomValues` rather than
 * `randomUUID`: the machine may load the page over plain http on the mall's network, where
 * `randomUUID` does not exist.
 */
export function newTakeKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `take-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Owns the ticket machine's state: the services (live, with waiting counts), the chosen
 * priority, the ticket just taken and its printing, and the idle clock that resets the screen.
 */
export class TakeController implements ReactiveController {
  token = deviceToken();
  readonly live: LiveQuery<{ services: Service[] }>;
  /** The mall's name for the header, and its zone for every time shown. */
  site: MallSite = DEFAULT_SITE;
  get timezone(): string {
    return this.site.timezone;
  }
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
  /** A take whose answer never came: the same tap again reuses its key (the same ticket). */
  private _unanswered?: { service: string; priority: Priority; key: string };

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
    void mallSite(this.site).then((site) => {
      this.site = site;
      this._host.requestUpdate();
    });
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

  /**
   * One tap on a service: a fresh Idempotency-Key, sent again on a network failure (the server
   * may have stored the ticket and died before answering, or the answer got lost), so a retry
   * gets the ticket already issued rather than a second one nobody holds. If every attempt fails,
   * the next tap on the same service keeps the key.
   */
  async take(service: string): Promise<void> {
    if (this.taking || !this._client) return;
    const client = this._client;
    this.taking = true;
    this.error = '';
    this._host.requestUpdate();
    const priority = this.priority;
    const pending = this._unanswered;
    const key =
      pending && pending.service === service && pending.priority === priority
        ? pending.key
        : newTakeKey();
    this._unanswered = { service, priority, key };
    try {
      const body = { service, priority, source: 'kiosk' };
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await client.post<{ ticket: Ticket }>('/api/queue/tickets', body, {
            'Idempotency-Key': key,
          });
          this.ticket = r.ticket;
          break;
        } catch (err) {
          const pause = RETRY_PAUSES_MS[attempt];
          if (!(err instanceof QueueError && err.status === 0) || pause === undefined) throw err;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
      this._unanswered = undefined;
      this.touch();
    } catch (err) {
      // The server answered (a refusal): that take is settled, the next tap is a new one.
      if (!(err instanceof QueueError && err.status === 0)) this._unanswered = undefined;
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
