import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../queue-theme.ts';
import { counterStyles } from './counter-styles.ts';

export type CounterLoginEvent = CustomEvent<{ username: string; password: string }>;

/** The desk user's sign-in form; sends `dc-counter-login` up. */
@customElement('dc-counter-login')
export class DcCounterLogin extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    counterStyles,
    css`
      form {
        max-width: 360px;
        margin: 8vh auto 0;
      }
      button {
        width: 100%;
        margin-top: 16px;
      }
      .error {
        margin-top: 12px;
        color: var(--dc-bad);
      }
    `,
  ];

  @property({ type: Boolean }) busy = false;
  @property() error = '';

  override render() {
    return html`<form class="panel" @submit=${this._submit}>
      <h2>窗口登录 <span class="en">Counter sign-in</span></h2>
      <label for="u">用户名 <span class="en">Username</span></label>
      <input id="u" name="username" autocomplete="username" required />
      <label for="p">密码 <span class="en">Password</span></label>
      <input id="p" name="password" type="password" autocomplete="current-password" required />
      <button class="primary" type="submit" ?disabled=${this.busy}>
        登录 <span class="en">Sign in</span>
      </button>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
    </form>`;
  }

  private _submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.dispatchEvent(
      new CustomEvent('dc-counter-login', {
        detail: { username: String(data.get('username')), password: String(data.get('password')) },
        bubbles: true,
        composed: true,
      }) satisfies CounterLoginEvent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-counter-login': DcCounterLogin;
  }
  interface HTMLElementEventMap {
    'dc-counter-login': CounterLoginEvent;
  }
}
