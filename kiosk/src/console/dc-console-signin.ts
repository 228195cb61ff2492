import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, type ConsoleApi } from './console-api.ts';
import type { Me, Site } from './console-context.ts';

export interface SignedIn {
  user: Me;
  csrfToken: string;
}

/**
 * The sign-in form, Chinese first. Fires `signed-in` with the user and the session's CSRF
 * token; a refusal (wrong password, too many attempts) is said under the form.
 */
@customElement('dc-console-signin')
export class DcConsoleSignin extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100vh;
      background: linear-gradient(160deg, #16324a 0%, #0f2233 60%, #0b1824 100%);
      font-family: var(--sl-font-sans);
    }
    .panel {
      width: min(26rem, calc(100vw - 2rem));
      background: var(--sl-color-neutral-0);
      border-radius: var(--sl-border-radius-x-large);
      box-shadow: var(--sl-shadow-x-large);
      padding: 2rem 2rem 1.5rem;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-bottom: 1.5rem;
    }
    .brand sl-icon {
      font-size: 2.25rem;
      color: var(--sl-color-primary-600);
    }
    .mall {
      font-size: 1.25rem;
      font-weight: 600;
    }
    .sub {
      color: var(--sl-color-neutral-500);
      font-size: 0.85rem;
    }
    form {
      display: grid;
      gap: 1rem;
    }
    .error {
      color: var(--sl-color-danger-700);
      font-size: 0.9rem;
    }
    .foot {
      margin-top: 1.25rem;
      color: var(--sl-color-neutral-500);
      font-size: 0.8rem;
    }
  `;

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) site?: Site;
  /** Why the form is shown again (the session ended), said above it. */
  @property() reason = '';
  /** Prefilled and locked when an expired session signs back in as the same person. */
  @property() username = '';
  @state() private _error = '';
  @state() private _busy = false;

  override render() {
    return html`<div class="panel">
      <div class="brand">
        <sl-icon name="broadcast-pin"></sl-icon>
        <div>
          <div class="mall">${this.site?.name ?? ''}</div>
          <div class="sub">客服部 播音与服务台 · ${this.site?.nameEn ?? ''} service desk</div>
        </div>
      </div>
      ${this.reason ? html`<sl-alert variant="warning" open>${this.reason}</sl-alert><br />` : ''}
      <form @submit=${this._submit}>
        <sl-input
          name="username"
          label="用户名 · Username"
          autocomplete="username"
          required
          value=${this.username}
          ?readonly=${!!this.username}
        ></sl-input>
        <sl-input
          name="password"
          type="password"
          label="密码 · Password"
          autocomplete="current-password"
          password-toggle
          required
        ></sl-input>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
        <sl-button type="submit" variant="primary" size="large" ?loading=${this._busy}>
          登录 · Sign in
        </sl-button>
      </form>
      <div class="foot">忘记密码请联系管理员 · Forgot your password? Ask an administrator.</div>
    </div>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const field = (name: string) =>
      (form.querySelector(`[name=${name}]`) as HTMLInputElement | null)?.value ?? '';
    this._busy = true;
    this._error = '';
    try {
      const r = await this.api.post<SignedIn>('/api/auth/login', {
        username: field('username').trim(),
        password: field('password'),
      });
      this.dispatchEvent(
        new CustomEvent('signed-in', { detail: r, bubbles: true, composed: true }),
      );
    } catch (err) {
      this._error =
        err instanceof ApiError && err.code === 'bad-credentials'
          ? '用户名或密码不对 · Wrong username or password'
          : err instanceof Error
            ? err.message
            : String(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-console-signin': DcConsoleSignin;
  }
}
