import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { toast } from '../toast.ts';
import { explain, temporaryPassword, type User } from './people-format.ts';
import { formStyles } from './people-styles.ts';

/**
 * Resetting someone's password: the admin gives a temporary one (read out to the person); the
 * server ends their sessions, and at their next sign-in they must choose their own. Fires
 * `user-saved` and `close`.
 */
@customElement('dc-people-reset')
export class DcPeopleReset extends LitElement {
  static override styles = formStyles;

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) user!: User;
  @state() private _password = temporaryPassword();
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _done = false;

  override render() {
    const u = this.user;
    if (this._done)
      return html`<div class="result" data-testid="reset-done">
        <p>
          已重置
          <strong>${u.username}</strong>
          的密码，并结束了其所有登录。请把临时密码告诉本人，下次登录时须设置新密码。 <br /><span
            class="en"
            >${u.username}'s password was reset and their sessions ended. Tell them this temporary
            password; they must choose a new one at their next sign-in.</span
          >
        </p>
        <div class="secret" data-testid="secret">${this._password}</div>
        <div class="actions">
          <sl-button variant="primary" @click=${this._close}>完成 · Done</sl-button>
        </div>
      </div>`;
    return html`<form @submit=${this._submit}>
      <p>
        为 <strong>${u.username}</strong> 设置临时密码。<span class="en"
          >A temporary password for ${u.username}.</span
        >
      </p>
      <div>
        <div class="inline">
          <sl-input
            name="password"
            label="临时密码 · Temporary password"
            required
            minlength="8"
            .value=${this._password}
            @sl-input=${(e: Event) => (this._password = (e.target as HTMLInputElement).value)}
          ></sl-input>
          <sl-button @click=${() => (this._password = temporaryPassword())}>
            <sl-icon slot="prefix" name="shuffle"></sl-icon>换一个 · Another
          </sl-button>
        </div>
        ${this._error ? html`<div class="field-error">${this._error}</div>` : nothing}
      </div>
      <div class="actions">
        <sl-button @click=${this._close}>取消 · Cancel</sl-button>
        <sl-button type="submit" variant="primary" ?loading=${this._busy}>
          <sl-icon slot="prefix" name="key"></sl-icon>重置密码 · Reset password
        </sl-button>
      </div>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    this._busy = true;
    this._error = '';
    try {
      const r = await this.api.patch<{ user: User }>(`/api/users/${this.user.id}`, {
        password: this._password,
      });
      this._done = true;
      toast(
        'success',
        `已重置 ${this.user.username} 的密码 · Password reset`,
        '下次登录时须设置新密码 · They choose a new one at their next sign-in',
      );
      this.dispatchEvent(
        new CustomEvent('user-saved', { detail: r.user, bubbles: true, composed: true }),
      );
    } catch (err) {
      this._error = explain(err);
    } finally {
      this._busy = false;
    }
  }

  private _close() {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-people-reset': DcPeopleReset;
  }
}
