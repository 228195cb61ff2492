import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from './console-api.ts';
import type { Me } from './console-context.ts';
import type { SignedIn } from './dc-console-signin.ts';
import { toast } from './toast.ts';

/**
 * Choosing a new password: forced after signing in with one somebody else set (the printed
 * first-start password, an admin's reset), and offered to everyone from the user menu. The
 * server ends every session of the person on a change, so the page signs in again with the
 * new password and fires `signed-in`.
 */
@customElement('dc-console-password')
export class DcConsolePassword extends LitElement {
  static override styles = css`
    form {
      display: grid;
      gap: 1rem;
    }
    .error {
      color: var(--sl-color-danger-700);
      font-size: 0.9rem;
    }
    p {
      margin: 0;
      color: var(--sl-color-neutral-600);
    }
  `;

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) me!: Me;
  @state() private _error = '';
  @state() private _busy = false;

  override render() {
    return html`<form @submit=${this._submit}>
      ${
        this.me.mustChangePassword
          ? html`<p>
              请先设置您自己的密码：当前密码是别人设置的。<br /><span class="en"
                >Choose your own password first: the current one was set by someone else.</span
              >
            </p>`
          : ''
      }
      <sl-input
        name="current"
        type="password"
        label="当前密码 · Current password"
        required
        autocomplete="current-password"
        password-toggle
      ></sl-input>
      <sl-input
        name="next"
        type="password"
        label="新密码 · New password"
        required
        minlength="8"
        help-text="至少 8 个字符 · At least 8 characters"
        autocomplete="new-password"
        password-toggle
      ></sl-input>
      <sl-input
        name="again"
        type="password"
        label="再输一次 · New password again"
        required
        autocomplete="new-password"
        password-toggle
      ></sl-input>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <sl-button type="submit" variant="primary" ?loading=${this._busy}>
        保存新密码 · Save the new password
      </sl-button>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) =>
      (form.querySelector(`[name=${name}]`) as HTMLInputElement | null)?.value ?? '';
    const [current, next, again] = ['current', 'next', 'again'].map(value) as [
      string,
      string,
      string,
    ];
    if (next !== again) {
      this._error = '两次输入的新密码不一样 · The two new passwords differ';
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      await this.api.post('/api/auth/password', { current, next });
      const r = await this.api.post<SignedIn>('/api/auth/login', {
        username: this.me.username,
        password: next,
      });
      toast('success', '密码已更改 · Password changed');
      this.dispatchEvent(
        new CustomEvent('signed-in', { detail: r, bubbles: true, composed: true }),
      );
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-console-password': DcConsolePassword;
  }
}
