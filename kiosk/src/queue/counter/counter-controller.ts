import { mallSite, type MallSite } from '../../lib/api.ts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveQuery } from '../live-query.ts';
import { QueueClient, QueueError } from '../queue-client.ts';
import { DEFAULT_SITE } from '../queue-format.ts';
import type { CounterDetail, CounterList, Priority, QueueState, Ticket } from '../queue-types.ts';
import { refusalText, type CounterAction } from './counter-actions.ts';

/** This desk PC's counter, remembered across reloads. */
const COUNTER_KEY = 'deskcast.counter';

export interface SignedIn {
  username: string;
  displayName?: string;
  role: string;
}

export interface FinishInput {
  category: string;
  note?: string;
  askRating: boolean;
  complaint?: boolean;
}

export type Flash = { kind: 'ok' | 'error'; text: string };

/** The queue as the board sees it (services, waiting) and the counters' own view. */
export interface CounterData {
  state: QueueState;
  list: CounterList;
}

/**
 * Owns the counter page's session and work: signing in (cookie + CSRF token), the queue state
 * (live), this PC's counter, and every button's request, one at a time: while one is in flight
 * the page disables the others, so a double click never calls two customers.
 */
export class CounterController implements ReactiveController {
  readonly live: LiveQuery<CounterData>;
  user?: SignedIn;
  /** Signing-in state: unknown until GET /api/auth/me has answered. */
  checked = false;
  counterNumber?: number;
  /** The action whose request is in flight. */
  busy?: CounterAction | 'open' | 'take' | 'login';
  flash?: Flash;
  /** The ticket just taken for a customer, to tell them their number. */
  takenFor?: Ticket;
  /** The mall's name for the header, and its zone for every time shown. */
  site: MallSite = DEFAULT_SITE;
  get timezone(): string {
    return this.site.timezone;
  }
  private readonly _client = new QueueClient({ kind: 'none' });

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
    this.live = new LiveQuery(() => _host.requestUpdate());
    const kept = Number(localStorage.getItem(COUNTER_KEY));
    if (Number.isInteger(kept) && kept > 0) this.counterNumber = kept;
  }

  hostConnected(): void {
    void this._client
      .get<{ user: SignedIn; csrfToken: string }>('/api/auth/me')
      .then((r) => this._signedIn(r.user, r.csrfToken))
      .catch(() => undefined)
      .finally(() => {
        this.checked = true;
        this._host.requestUpdate();
      });
    void mallSite(this.site).then((site) => {
      this.site = site;
      this._host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.live.stop();
  }

  /** This PC's counter as the server sees it now, with its current ticket. */
  get counter(): CounterDetail | undefined {
    return this.live.value?.list.counters.find((k) => k.number === this.counterNumber);
  }

  async login(username: string, password: string): Promise<void> {
    await this._run('login', async () => {
      const r = await this._client.post<{ user: SignedIn; csrfToken: string }>('/api/auth/login', {
        username,
        password,
      });
      this._signedIn(r.user, r.csrfToken);
    });
  }

  async logout(): Promise<void> {
    await this._client.post('/api/auth/logout').catch(() => undefined);
    this._signedOut();
  }

  /** Chooses this PC's counter (before opening it). */
  choose(n: number | undefined): void {
    this.counterNumber = n;
    if (n) localStorage.setItem(COUNTER_KEY, String(n));
    else localStorage.removeItem(COUNTER_KEY);
    this.flash = undefined;
    this._host.requestUpdate();
  }

  /** Opens the counter; `takeover` once the person confirmed taking it from another desk PC. */
  open(n: number, services: string[], takeover = false): Promise<void> {
    this.choose(n);
    const body = takeover ? { services, takeover } : { services };
    return this._run('open', () => this._post(`open`, body), `${n} 号窗口已开放`);
  }

  act(action: Exclude<CounterAction, 'call' | 'finish' | 'transfer'>): Promise<void> {
    const path = action === 'resume' ? 'pause' : action;
    const body = action === 'pause' || action === 'resume' ? { paused: action === 'pause' } : {};
    return this._run(action, () => this._post(path, body), DONE_TEXT[action]);
  }

  call(code: string): Promise<void> {
    return this._run('call', () => this._post('call', { code }), `已呼叫 ${code}`);
  }

  finish(input: FinishInput): Promise<void> {
    const body = {
      category: input.category,
      ...(input.note ? { note: input.note } : {}),
      askRating: input.askRating,
    };
    return this._run(
      'finish',
      async () => {
        const r = await this._post('finish', body);
        if (input.complaint && r.ticket) openComplaintForm(r.ticket.id);
        return r;
      },
      input.complaint
        ? '已完成，请在新窗口登记投诉'
        : input.askRating
          ? '已完成，已请顾客在大屏上评价'
          : '已完成',
    );
  }

  transfer(service: string): Promise<void> {
    return this._run('transfer', () => this._post('transfer', { service }), '已转到其他业务排队');
  }

  /** A ticket for a customer at the desk (no printer here: the page shows the number). */
  takeFor(service: string, priority: Priority): Promise<void> {
    return this._run('take', async () => {
      const r = await this._client.post<{ ticket: Ticket }>('/api/queue/tickets', {
        service,
        priority,
        source: 'counter',
      });
      this.takenFor = r.ticket;
      this.flash = { kind: 'ok', text: `已取号 ${r.ticket.code}` };
    });
  }

  private _post(path: string, body: unknown): Promise<{ ticket?: Ticket }> {
    const n = this.counterNumber;
    if (!n) return Promise.reject(new QueueError(400, 'no-counter', '请先选择窗口'));
    return this._client.post<{ ticket?: Ticket }>(`/api/queue/counters/${n}/${path}`, body);
  }

  /** One request at a time; its outcome becomes the page's message; the state is re-read. */
  private async _run(
    name: NonNullable<CounterController['busy']>,
    request: () => Promise<unknown>,
    done?: string,
  ): Promise<void> {
    if (this.busy) return;
    this.busy = name;
    // The last message stays until this one's outcome replaces it: no jump in the layout
    // between the two clicks of a double click.
    this._host.requestUpdate();
    try {
      const r = (await request()) as { ticket?: Ticket } | undefined;
      if (done) this.flash = { kind: 'ok', text: r?.ticket ? `${done}：${r.ticket.code}` : done };
    } catch (err) {
      const e = err instanceof QueueError ? err : new QueueError(0, 'error', String(err));
      this.flash = { kind: 'error', text: refusalText(e.code, e.message) };
      if (e.status === 401 && name !== 'login') this._signedOut();
    } finally {
      this.busy = undefined;
      this._host.requestUpdate();
      if (this.user) void this.live.refresh();
    }
  }

  private _signedIn(user: SignedIn, csrfToken: string): void {
    this.user = user;
    this._client.credentials = { kind: 'session', csrfToken };
    this.live.start({
      load: async () => {
        const [state, list] = await Promise.all([
          this._client.get<QueueState>('/api/queue/state'),
          this._client.get<CounterList>('/api/queue/counters'),
        ]);
        return { state, list };
      },
      refreshMs: 30_000,
      refetchOn: ['queue-changed', 'queue-called'],
      onUnauthorised: () => this._signedOut(),
    });
  }

  private _signedOut(): void {
    this.live.stop();
    this.live.value = undefined;
    this.user = undefined;
    this._client.credentials = { kind: 'none' };
    this._host.requestUpdate();
  }
}

/**
 * The console's complaint form on the ticket just finished, in a window of its own so this
 * page stays at the counter; where pop-ups are blocked, in this one (it comes back signed in).
 */
function openComplaintForm(ticketId: number): void {
  const url = `/console/complaints?ticket=${ticketId}`;
  if (!window.open(url, '_blank')) location.assign(url);
}

const DONE_TEXT: Record<Exclude<CounterAction, 'call' | 'finish' | 'transfer'>, string> = {
  'call-next': '已呼叫',
  recall: '已再次呼叫',
  'no-show': '已标记过号',
  start: '开始办理',
  pause: '窗口已暂停',
  resume: '窗口已恢复服务',
  close: '窗口已关闭',
};
