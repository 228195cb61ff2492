import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { toast } from '../toast.ts';
import { explain, fieldOf, ROLE_OPTIONS, temporaryPassword, type User } from './people-format.ts';
import { formStyles } from './people-styles.ts';

/**
 * Adding a person: username, name, role and a first password the admin reads out to them;
 * they choose their own at their first sign-in. Fires `user-saved` once created and `close`
 * when done.
 */
@customElement('dc-people-user-new')
export class DcPeopleUserNew extends LitElement {
  static override styles = formStyles;

  @property({ attribute: false }) api!: ConsoleApi;
  @state() private _password = temporaryPassword();
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @state() private _created?: User;

  override render() {
    if (this._created) {
      const u = this._created;
      return html`<div class="result" data-testid="created">
        <p>
          已创建
          <strong>${u.username}</strong>。请把初始密码告诉本人，对方首次登录时须设置自己的密码。
          <br /><span class="en"
            >Created ${u.username}. Tell them this first password; they choose their own at their
            first sign-in.</span
          >
        </p>
        <div class="secret" data-testid="secret">${this._password}</div>
        <div class="actions">
          <sl-button variant="primary" @click=${this._done}>完成 · Done</sl-button>
        </div>
      </div>`;
    }
    const err = (f: string) =>
      this._errors[f] ? html`<div class="field-error">${this._errors[f]}</div>` : nothing;
    return html`<form @submit=${this._submit}>
      <div>
        <sl-input
          name="username"
          label="用户名 · Username"
          required
          help-text="字母、数字、. _ - 或中文 · Letters, digits, . _ - or Chinese"
        ></sl-input>
        ${err('username')}
      </div>
      <div>
        <sl-input name="displayName" label="姓名（可选）· Name (optional)"></sl-input>
        ${err('displayName')}
      </div>
      <div>
        <sl-select name="role" label="角色 · Role" value="desk">
          ${ROLE_OPTIONS.map(
            (r) =>
              html`<sl-option value=${r.value}
                >${r.zh} · ${r.en}<small slot="suffix">${r.what}</small></sl-option
              >`,
          )}
        </sl-select>
        ${err('role')}
      </div>
      <div>
        <div class="inline">
          <sl-input
            name="password"
            label="初始密码 · First password"
            required
            minlength="8"
            .value=${this._password}
            @sl-input=${(e: Event) => (this._password = (e.target as HTMLInputElement).value)}
          ></sl-input>
          <sl-button @click=${() => (this._password = temporaryPassword())}>
            <sl-icon slot="prefix" name="shuffle"></sl-icon>换一个 · Another
          </sl-button>
        </div>
        ${err('password')}
      </div>
      ${err('')}
      <div class="actions">
        <sl-button @click=${this._done}>取消 · Cancel</sl-button>
        <sl-button type="submit" variant="primary" ?loading=${this._busy}>
          <sl-icon slot="prefix" name="person-plus"></sl-icon>创建 · Create
        </sl-button>
      </div>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const value = (name: string) =>
      (this.renderRoot.querySelector(`[name=${name}]`) as HTMLInputElement | null)?.value ?? '';
    const body = {
      username: value('username').trim(),
      displayName: value('displayName').trim(),
      role: value('role'),
      password: this._password,
    };
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.api.post<{ user: User }>('/api/users', body);
      this._created = r.user;
      toast('success', `已创建用户 ${r.user.username} · User created`);
      this.dispatchEvent(
        new CustomEvent('user-saved', { detail: r.user, bubbles: true, composed: true }),
      );
    } catch (err) {
      this._errors = { [fieldOf(err) ?? '']: explain(err) };
    } finally {
      this._busy = false;
    }
  }

  private _done() {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-people-user-new': DcPeopleUserNew;
  }
}
