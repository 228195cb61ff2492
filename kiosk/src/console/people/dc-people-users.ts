import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Role } from '../console-context.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LiveResource } from '../devices/live-resource.ts';
import { toast, toastError } from '../toast.ts';
import { explain, ROLE_OPTIONS, roleName, type User } from './people-format.ts';
import './dc-people-reset.ts';
import './dc-people-user-new.ts';

type Dialog = { kind: 'new' } | { kind: 'reset'; user: User };

/**
 * The people who may sign in: their roles, and what an admin does for them — add someone,
 * change a role, reset a password, disable or enable, end their sessions.
 */
@customElement('dc-people-users')
export class DcPeopleUsers extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin-bottom: 0.75rem;
        gap: 1rem;
      }
      .head h2 {
        margin: 0;
      }
      .ops {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
      sl-select {
        width: 12.5rem;
      }
      td.fit {
        width: 1%;
        white-space: nowrap;
      }
      .tags {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.25rem;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
      tr.disabled td {
        color: var(--sl-color-neutral-400);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _users = new LiveResource<{ users: User[] }>(this, {
    load: () => this.session.api.get<{ users: User[] }>('/api/users'),
    events: () => this.session?.events,
    on: [],
    everyMs: 60_000,
  });
  @state() private _dialog?: Dialog;
  @state() private _busy = new Set<number>();

  override render() {
    const list = this._users.value?.users;
    return html`<div class="card">
      <div class="head">
        <h2>人员<span class="en">People</span></h2>
        <sl-button variant="primary" size="small" @click=${() => (this._dialog = { kind: 'new' })}>
          <sl-icon slot="prefix" name="person-plus"></sl-icon>添加人员 · Add a person
        </sl-button>
      </div>
      ${
        this._users.error && !list
          ? html`<sl-alert variant="danger" open>${explain(this._users.error)}</sl-alert>`
          : !list
            ? html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`
            : this._table(list)
      }
      ${this._dialogView()}
    </div>`;
  }

  private _table(users: User[]) {
    return html`<div class="table-wrap">
      <table data-testid="users">
        <thead>
          <tr>
            <th>用户<span class="en">User</span></th>
            <th>角色<span class="en">Role</span></th>
            <th>状态<span class="en">Status</span></th>
            <th>操作<span class="en">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${users.map((u) => this._row(u))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(u: User) {
    const self = u.id === this.session.me.id;
    const busy = this._busy.has(u.id);
    return html`<tr class=${u.disabled ? 'disabled' : ''} data-user=${u.username}>
      <td>
        <strong>${u.username}</strong>
        <span class="sub">${u.displayName || '—'}${self ? ' · 这是您 · You' : ''}</span>
      </td>
      <td>
        ${
          self
            ? roleName(u.role)
            : html`<sl-select
                size="small"
                value=${u.role}
                ?disabled=${busy}
                aria-label="角色 · Role"
                @sl-change=${(e: Event) => this._role(u, e)}
              >
                ${ROLE_OPTIONS.map(
                  (r) => html`<sl-option value=${r.value}>${r.zh} · ${r.en}</sl-option>`,
                )}
              </sl-select>`
        }
      </td>
      <td class="fit">
        <div class="tags">
          ${
            u.disabled
              ? html`<sl-tag size="small" variant="neutral">已停用 · Disabled</sl-tag>`
              : html`<sl-tag size="small" variant="success">正常 · Active</sl-tag>`
          }
          ${
            u.mustChangePassword
              ? html`<sl-tag size="small" variant="warning"
                  >待设新密码 · Must choose password</sl-tag
                >`
              : nothing
          }
        </div>
      </td>
      <td>
        <div class="ops">
          ${
            self
              ? html`<span class="muted"
                  >在右上角菜单修改密码 · Change yours in the top-right menu</span
                >`
              : html`<sl-button
                    size="small"
                    ?disabled=${busy}
                    @click=${() => (this._dialog = { kind: 'reset', user: u })}
                  >
                    <sl-icon slot="prefix" name="key"></sl-icon>重置密码 · Reset password
                  </sl-button>
                  <sl-button
                    size="small"
                    variant=${u.disabled ? 'success' : 'default'}
                    ?loading=${busy}
                    @click=${() => this._setDisabled(u, !u.disabled)}
                  >
                    <sl-icon
                      slot="prefix"
                      name=${u.disabled ? 'person-check' : 'person-slash'}
                    ></sl-icon
                    >${u.disabled ? '启用 · Enable' : '停用 · Disable'}
                  </sl-button>
                  <sl-button size="small" ?disabled=${busy} @click=${() => this._endSessions(u)}>
                    <sl-icon slot="prefix" name="box-arrow-right"></sl-icon>结束登录 · End sessions
                  </sl-button>`
          }
        </div>
      </td>
    </tr>`;
  }

  private _dialogView() {
    const d = this._dialog;
    const close = () => (this._dialog = undefined);
    return html`<sl-dialog
      label=${d?.kind === 'reset' ? '重置密码 · Reset password' : '添加人员 · Add a person'}
      ?open=${!!d}
      @sl-after-hide=${(e: Event) => e.target === e.currentTarget && close()}
      @close=${close}
      @user-saved=${() => void this._users.refresh()}
    >
      ${
        d?.kind === 'new'
          ? html`<dc-people-user-new .api=${this.session.api}></dc-people-user-new>`
          : d?.kind === 'reset'
            ? html`<dc-people-reset .api=${this.session.api} .user=${d.user}></dc-people-reset>`
            : nothing
      }
    </sl-dialog>`;
  }

  private async _act(u: User, action: () => Promise<void>) {
    this._busy = new Set(this._busy).add(u.id);
    try {
      await action();
    } finally {
      const next = new Set(this._busy);
      next.delete(u.id);
      this._busy = next;
      await this._users.refresh();
    }
  }

  private _role(u: User, e: Event) {
    const select = e.target as HTMLSelectElement;
    const role = select.value as Role;
    if (role === u.role) return;
    return this._act(u, async () => {
      try {
        await this.session.api.patch(`/api/users/${u.id}`, { role });
        toast(
          'success',
          `${u.username} 的角色已改为「${roleName(role)}」`,
          '其现有登录已结束，重新登录后生效 · Their sessions were ended; it applies at their next sign-in',
        );
      } catch (err) {
        select.value = u.role;
        toastError(`无法更改 ${u.username} 的角色 · Could not change the role`, explain(err));
      }
    });
  }

  private _setDisabled(u: User, disabled: boolean) {
    return this._act(u, async () => {
      try {
        await this.session.api.patch(`/api/users/${u.id}`, { disabled });
        toast(
          'success',
          disabled
            ? `已停用 ${u.username} · ${u.username} is disabled`
            : `已启用 ${u.username} · ${u.username} is enabled`,
          disabled ? '其所有登录已结束，不能再登录 · Signed out everywhere; cannot sign in' : '',
        );
      } catch (err) {
        toastError(`无法更改 ${u.username} · Could not change ${u.username}`, explain(err));
      }
    });
  }

  private _endSessions(u: User) {
    return this._act(u, async () => {
      try {
        const r = await this.session.api.delete<{ revoked: number }>(`/api/users/${u.id}/sessions`);
        toast(
          'success',
          `已结束 ${u.username} 的 ${r.revoked} 个登录 · Ended ${r.revoked} session(s)`,
          '需要重新登录 · They must sign in again',
        );
      } catch (err) {
        toastError(`无法结束 ${u.username} 的登录 · Could not end the sessions`, explain(err));
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-people-users': DcPeopleUsers;
  }
}
