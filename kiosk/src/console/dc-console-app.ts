import { provide } from '@lit/context';
import { Router } from '@lit-labs/router';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { ApiError, CONNECTION, ConsoleApi, SESSION_EXPIRED } from './console-api.ts';
import { sessionContext, type ConsoleSession, type Me, type Site } from './console-context.ts';
import { ConsoleEvents } from './console-events.ts';
import type { SignedIn } from './dc-console-signin.ts';
import { mayUse, PAGES, pagesFor } from './nav.ts';
import { NavBadges } from './nav-badges.ts';
import { PAGE_LOADERS } from './pages/page-loaders.ts';
import './dc-console-alerts.ts';
import './dc-console-nav.ts';
import './dc-console-password.ts';
import './dc-console-signin.ts';

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-out'; reason: string; username: string }
  | { kind: 'in' };

const ROLE_NAMES = {
  admin: '管理员 · Admin',
  announcer: '播音员 · Announcer',
  desk: '前台 · Front desk',
  manager: '部门经理 · Department manager',
} as const;

/**
 * The announcer console at /console: sign-in, then the pages the person's role may use, each
 * under one header with the mall's name, its clock, the connection state and the device
 * warnings. An expired session brings the sign-in back over the page; a lost connection is a
 * banner until the server answers again.
 */
@customElement('dc-console-app')
export class DcConsoleApp extends LitElement {
  static override styles = css`
    :host {
      --dc-header-height: 3.6rem;
      display: block;
      min-height: 100vh;
      font-family: var(--sl-font-sans);
      color: var(--sl-color-neutral-900);
      background: var(--sl-color-neutral-50);
    }
    .shell {
      display: grid;
      grid-template-columns: 14.5rem minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
      min-height: 100vh;
    }
    header {
      grid-column: 1 / -1;
      box-sizing: border-box;
      height: var(--dc-header-height);
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 0.6rem 1.25rem;
      background: #0f2233;
      color: #fff;
      position: sticky;
      top: 0;
      z-index: 5;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      min-width: 0;
    }
    .brand sl-icon {
      font-size: 1.6rem;
      color: var(--sl-color-primary-400);
    }
    .mall {
      font-weight: 600;
      font-size: 1.05rem;
      white-space: nowrap;
    }
    .mall .en {
      display: block;
      font-size: 0.72rem;
      font-weight: 400;
      opacity: 0.7;
    }
    .spacer {
      flex: 1;
    }
    .clock {
      font-variant-numeric: tabular-nums;
      text-align: right;
      line-height: 1.2;
    }
    .clock .date {
      font-size: 0.72rem;
      opacity: 0.7;
    }
    .user::part(base) {
      color: #fff;
    }
    /* The navigation stays in view while a long page scrolls, and scrolls itself on a short screen. */
    aside {
      background: #142b40;
      overflow-y: auto;
      position: sticky;
      top: var(--dc-header-height);
      height: calc(100vh - var(--dc-header-height));
      align-self: start;
    }
    main {
      padding: 1.25rem 1.5rem 2rem;
      min-width: 0;
    }
    .center {
      display: grid;
      place-items: center;
      min-height: 100vh;
    }
    .offline {
      margin-bottom: 0.75rem;
    }
  `;

  private readonly _api = new ConsoleApi();
  private readonly _events = new ConsoleEvents();
  private readonly _badges = new NavBadges(
    this,
    () =>
      this._view.kind === 'in' && this._session && !this._session.me.mustChangePassword
        ? { api: this._api, role: this._session.me.role }
        : undefined,
    this._events,
  );
  @provide({ context: sessionContext }) @state() private _session?: ConsoleSession;
  @state() private _view: View = { kind: 'loading' };
  @state() private _site?: Site;
  @state() private _online = true;
  @state() private _now = new Date();
  @state() private _passwordOpen = false;
  private _clock?: ReturnType<typeof setInterval>;

  private readonly _router = new Router(
    this,
    [
      { path: '/console', render: () => this._home() },
      {
        path: '/console/:page',
        enter: async ({ page }) => {
          this._checkSession();
          const load = page ? PAGE_LOADERS[page] : undefined;
          if (load) await load();
          return true;
        },
        render: ({ page }) => this._page(page ?? ''),
      },
    ],
    { fallback: { render: () => this._page('') } },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this._api.addEventListener(SESSION_EXPIRED, () => this._expired());
    this._api.addEventListener(CONNECTION, (e) => {
      this._online = (e as CustomEvent<boolean>).detail;
    });
    this._clock = setInterval(() => {
      this._now = new Date();
      if (this._now.getSeconds() === 0) this._checkSession();
    }, 1000);
    void this._start();
  }

  /**
   * Asks whether the session still holds (a 401 brings the sign-in back by itself): on every
   * page change, every minute, and when the event stream drops, so a session ended elsewhere
   * shows at once rather than at the next save.
   */
  private _checkSession(): void {
    if (this._view.kind === 'in' && this._session && !this._session.me.mustChangePassword)
      void this._api.get('/api/auth/me').catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._clock);
    this._events.stop();
  }

  override render() {
    const v = this._view;
    switch (v.kind) {
      case 'loading':
        return html`<div class="center"><sl-spinner style="font-size:2.5rem"></sl-spinner></div>`;
      case 'failed':
        return html`<div class="center">
          <sl-alert variant="danger" open>
            <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
            <strong>无法连接服务器 · The server cannot be reached</strong><br />${v.message}
            <br /><sl-button size="small" @click=${() => location.reload()}>重试 · Retry</sl-button>
          </sl-alert>
        </div>`;
      case 'signed-out':
        return html`<dc-console-signin
          .api=${this._api}
          .site=${this._site}
          reason=${v.reason}
          username=${v.username}
          @signed-in=${this._signedIn}
        ></dc-console-signin>`;
      case 'in': {
        const s = this._session;
        if (!s) return nothing;
        return s.me.mustChangePassword ? this._mustChange(s) : this._shell(s);
      }
      default: {
        const never: never = v;
        return never;
      }
    }
  }

  private _shell(s: ConsoleSession) {
    const tz = s.site.timezone;
    const time = this._now.toLocaleTimeString('zh-CN', { timeZone: tz, hour12: false });
    const date = this._now.toLocaleDateString('zh-CN', {
      timeZone: tz,
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    });
    return html`<div class="shell">
      <header>
        <div class="brand">
          <sl-icon name="broadcast-pin"></sl-icon>
          <div class="mall">
            ${s.site.name} · 客服部<span class="en">${s.site.nameEn} · Service desk console</span>
          </div>
        </div>
        <div class="spacer"></div>
        ${
          this._events.state === 'open' && this._online
            ? nothing
            : html`<sl-tag variant="warning" size="small">连接中断 · Offline</sl-tag>`
        }
        <div class="clock" title=${tz}>
          <div>${time}</div>
          <div class="date">${date}</div>
        </div>
        <sl-dropdown placement="bottom-end">
          <sl-button slot="trigger" class="user" variant="text" caret>
            <sl-icon slot="prefix" name="person-circle"></sl-icon>
            ${s.me.displayName || s.me.username}
          </sl-button>
          <sl-menu @sl-select=${this._menu}>
            <sl-menu-label>${ROLE_NAMES[s.me.role]}</sl-menu-label>
            <sl-menu-item value="password">
              <sl-icon slot="prefix" name="key"></sl-icon>修改密码 · Change password
            </sl-menu-item>
            <sl-menu-item value="logout">
              <sl-icon slot="prefix" name="box-arrow-right"></sl-icon>退出登录 · Sign out
            </sl-menu-item>
          </sl-menu>
        </sl-dropdown>
      </header>
      <aside>
        <dc-console-nav
          user-role=${s.me.role}
          current=${this._router.params['page'] ?? ''}
          .badges=${this._badges.badges}
        ></dc-console-nav>
      </aside>
      <main>
        ${
          this._online && this._events.state !== 'down'
            ? nothing
            : html`<sl-alert class="offline" variant="danger" open data-testid="offline">
                <sl-icon slot="icon" name="wifi-off"></sl-icon>
                <strong>与服务器的连接已断开，正在重试… </strong>The connection to the server is
                lost; retrying. 改动在连接恢复前不会保存 · Changes are not saved until it is back.
              </sl-alert>`
        }
        <dc-console-alerts
          current=${this._router.params['page'] ?? ''}
          .badges=${this._badges.badges}
        ></dc-console-alerts>
        ${this._router.outlet()}
      </main>
      <sl-dialog
        label="修改密码 · Change password"
        ?open=${this._passwordOpen}
        @sl-after-hide=${(e: Event) => e.target === e.currentTarget && (this._passwordOpen = false)}
      >
        ${
          this._passwordOpen
            ? html`<dc-console-password
                .api=${this._api}
                .me=${s.me}
                @signed-in=${(e: CustomEvent<SignedIn>) => {
                  this._passwordOpen = false;
                  this._signedIn(e);
                }}
              ></dc-console-password>`
            : nothing
        }
      </sl-dialog>
    </div>`;
  }

  private _mustChange(s: ConsoleSession) {
    return html`<div class="center">
      <sl-card style="width:min(28rem, calc(100vw - 2rem))">
        <div slot="header"><strong>设置新密码 · Choose a new password</strong></div>
        <dc-console-password .api=${this._api} .me=${s.me} @signed-in=${this._signedIn}>
        </dc-console-password>
      </sl-card>
    </div>`;
  }

  /** `/console`: the first page this role may use. */
  private _home() {
    const first = this._session ? pagesFor(this._session.me.role)[0] : undefined;
    if (first) queueMicrotask(() => void this._router.goto(`/console/${first.path}`));
    if (first) history.replaceState(null, '', `/console/${first.path}`);
    return nothing;
  }

  private _page(path: string) {
    const page = PAGES.find((p) => p.path === path);
    const s = this._session;
    if (!page || !s)
      return html`<sl-alert variant="neutral" open>
        没有这个页面 · There is no such page. <a href="/console">返回首页 · Back to the start</a>
      </sl-alert>`;
    if (!mayUse(s.me.role, page))
      return html`<sl-alert variant="warning" open data-testid="not-allowed">
        <sl-icon slot="icon" name="shield-lock"></sl-icon>
        您的角色不能使用「${page.zh}」· Your role may not use ${page.en}.
      </sl-alert>`;
    const tag = unsafeStatic(`dc-page-${page.path}`);
    return staticHtml`<${tag}></${tag}>`;
  }

  private async _start(): Promise<void> {
    try {
      this._site = await this._api.get<Site>('/api/site');
    } catch (err) {
      this._view = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
      return;
    }
    try {
      const r = await this._api.get<{ user: Me; csrfToken: string }>('/api/auth/me');
      this._begin(r.user, r.csrfToken);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401)
        this._view = { kind: 'signed-out', reason: '', username: '' };
      else
        this._view = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
  }

  private _begin(me: Me, csrfToken: string): void {
    const site = this._site;
    if (!site) return;
    this._api.csrfToken = csrfToken;
    this._session = { api: this._api, me, site, events: this._events };
    this._view = { kind: 'in' };
    void this._badges.read();
    this._events.stop();
    if (!me.mustChangePassword) {
      this._events.addEventListener('stream-state', () => {
        if (this._events.state !== 'open') this._checkSession();
        this.requestUpdate();
      });
      this._events.start();
    }
  }

  private readonly _signedIn = (e: CustomEvent<SignedIn>) => {
    this._begin(e.detail.user, e.detail.csrfToken);
    void this._router.goto(location.pathname);
  };

  private _expired(): void {
    if (this._view.kind !== 'in') return;
    this._events.stop();
    this._view = {
      kind: 'signed-out',
      reason: '登录已过期或已在别处退出，请重新登录 · Your session has ended; sign in again.',
      username: this._session?.me.username ?? '',
    };
  }

  private async _menu(e: CustomEvent<{ item: { value: string } }>) {
    const choice = e.detail.item.value;
    if (choice === 'password') this._passwordOpen = true;
    if (choice === 'logout') {
      await this._api.post('/api/auth/logout').catch(() => undefined);
      this._events.stop();
      this._session = undefined;
      this._view = { kind: 'signed-out', reason: '', username: '' };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-console-app': DcConsoleApp;
  }
}
