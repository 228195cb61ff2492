import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dateInZone } from '../../../../core/zoned-time.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import {
  KIND_NAMES,
  sortDevices,
  whenText,
  type DeviceStatus,
  type DeviceStatusList,
} from '../devices/device-types.ts';
import { LiveResource } from '../devices/live-resource.ts';
import { toast, toastError } from '../toast.ts';
import { explain } from './people-format.ts';
import { formStyles } from './people-styles.ts';
import './dc-people-pair.ts';
import '../devices/dc-guide-place.ts';

type Dialog =
  | { kind: 'pair'; code: string }
  | { kind: 'rename'; device: DeviceStatus }
  | { kind: 'revoke'; device: DeviceStatus };

/**
 * The registered players and guide screens: pair a new one by the code its page shows, rename
 * one, revoke one (its token stops working and its page stops at once).
 */
@customElement('dc-people-devices')
export class DcPeopleDevices extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
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
      td.ops {
        white-space: nowrap;
      }
      td.ops sl-button + sl-button {
        margin-left: 0.25rem;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  /** Open the pairing form with this code (from a device's QR code). */
  @property({ attribute: false }) pairCode = '';
  private readonly _devices = new LiveResource<DeviceStatusList>(this, {
    load: () => this.session.api.get<DeviceStatusList>('/api/devices/status'),
    events: () => this.session?.events,
    on: ['devices-changed', 'playback-state'],
    everyMs: 15_000,
  });
  @state() private _dialog?: Dialog;
  @state() private _error = '';
  @state() private _busy = false;

  override willUpdate(): void {
    if (this.pairCode && !this._dialog) {
      this._dialog = { kind: 'pair', code: this.pairCode };
      this.pairCode = '';
    }
  }

  override render() {
    const list = this._devices.value?.devices;
    return html`<div class="card">
      <div class="head">
        <h2>设备<span class="en">Devices</span></h2>
        <sl-button
          variant="primary"
          size="small"
          @click=${() => this._open({ kind: 'pair', code: '' })}
        >
          <sl-icon slot="prefix" name="link-45deg"></sl-icon>配对设备 · Pair a device
        </sl-button>
      </div>
      ${
        this._devices.error && !list
          ? html`<sl-alert variant="danger" open>${explain(this._devices.error)}</sl-alert>`
          : !list
            ? html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`
            : list.length
              ? this._table(list)
              : html`<div class="empty" data-testid="no-devices">
                  还没有设备。在播放器或导视屏上打开它的页面，再点「配对设备」输入屏幕上的配对码。<br />No
                  devices yet. Open the page on the player or guide screen, then Pair a device with
                  the code it shows.
                </div>`
      }
      ${this._dialogView()}
    </div>`;
  }

  private _table(devices: DeviceStatus[]) {
    const today = dateInZone(this.session.site.timezone, Date.now());
    return html`<div class="table-wrap">
      <table data-testid="device-list">
        <thead>
          <tr>
            <th>名称<span class="en">Name</span></th>
            <th>类型<span class="en">Kind</span></th>
            <th>状态<span class="en">Status</span></th>
            <th>配对于<span class="en">Paired</span></th>
            <th>操作<span class="en">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${sortDevices(devices).map(
            (d) =>
              html`<tr data-device=${d.name}>
                <td><strong>${d.name}</strong></td>
                <td>
                  ${KIND_NAMES[d.kind].zh}<span class="sub">${KIND_NAMES[d.kind].en}</span>
                  ${
                    d.kind === 'guide'
                      ? html`<dc-guide-place
                          .api=${this.session.api}
                          .deviceId=${d.id}
                        ></dc-guide-place>`
                      : nothing
                  }
                </td>
                <td>
                  ${
                    d.online
                      ? html`<sl-tag size="small" variant="success">在线 · Online</sl-tag>`
                      : d.lastSeenAt
                        ? html`<sl-tag size="small" variant="danger">离线 · Offline</sl-tag>`
                        : html`<sl-tag size="small" variant="warning"
                            >等待设备连接 · Waiting for the device</sl-tag
                          >`
                  }
                  <span class="sub"
                    >最后联系 · Last seen ${whenText(d.heardAt ?? d.lastSeenAt, today)}</span
                  >
                </td>
                <td>${whenText(d.createdAt, today)}</td>
                <td class="ops">
                  <sl-button size="small" @click=${() => this._open({ kind: 'rename', device: d })}>
                    <sl-icon slot="prefix" name="pencil"></sl-icon>重命名 · Rename
                  </sl-button>
                  <sl-button
                    size="small"
                    variant="danger"
                    outline
                    @click=${() => this._open({ kind: 'revoke', device: d })}
                  >
                    <sl-icon slot="prefix" name="x-octagon"></sl-icon>撤销 · Revoke
                  </sl-button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _open(d: Dialog) {
    this._error = '';
    this._dialog = d;
  }

  private _dialogView() {
    const d = this._dialog;
    const label =
      d?.kind === 'pair'
        ? '配对设备 · Pair a device'
        : d?.kind === 'rename'
          ? '重命名设备 · Rename a device'
          : '撤销设备 · Revoke a device';
    const close = () => (this._dialog = undefined);
    return html`<sl-dialog
      label=${label}
      ?open=${!!d}
      @sl-after-hide=${(e: Event) => e.target === e.currentTarget && close()}
      @close=${close}
      @device-paired=${() => void this._devices.refresh()}
    >
      ${
        d?.kind === 'pair'
          ? html`<dc-people-pair .api=${this.session.api} code=${d.code}></dc-people-pair>`
          : d?.kind === 'rename'
            ? this._renameForm(d.device)
            : d?.kind === 'revoke'
              ? this._revokeForm(d.device)
              : nothing
      }
    </sl-dialog>`;
  }

  private _renameForm(device: DeviceStatus) {
    return html`<form @submit=${(e: SubmitEvent) => this._rename(e, device)}>
      <div>
        <sl-input
          name="rename"
          label="新名称 · New name"
          required
          maxlength="60"
          value=${device.name}
        ></sl-input>
        ${this._error ? html`<div class="field-error">${this._error}</div>` : nothing}
      </div>
      <div class="actions">
        <sl-button @click=${() => (this._dialog = undefined)}>取消 · Cancel</sl-button>
        <sl-button type="submit" variant="primary" ?loading=${this._busy}>保存 · Save</sl-button>
      </div>
    </form>`;
  }

  private _revokeForm(device: DeviceStatus) {
    return html`<div class="result">
      <p>
        撤销「<strong>${device.name}</strong>」后，它立即停止接收节目和通知，要再用须重新配对。
        <br /><span class="en"
          >Once revoked, ${device.name} stops receiving the program and announcements at once; it
          must be paired again to be used.</span
        >
      </p>
      ${this._error ? html`<div class="error">${this._error}</div>` : nothing}
      <div class="actions">
        <sl-button @click=${() => (this._dialog = undefined)}>取消 · Cancel</sl-button>
        <sl-button variant="danger" ?loading=${this._busy} @click=${() => this._revoke(device)}>
          <sl-icon slot="prefix" name="x-octagon"></sl-icon>撤销 · Revoke
        </sl-button>
      </div>
    </div>`;
  }

  private async _rename(e: SubmitEvent, device: DeviceStatus) {
    e.preventDefault();
    const input = this.renderRoot.querySelector('[name=rename]') as HTMLInputElement | null;
    const name = input?.value.trim() ?? '';
    this._busy = true;
    this._error = '';
    try {
      await this.session.api.patch(`/api/devices/${device.id}`, { name });
      toast('success', `已将「${device.name}」改名为「${name}」· Renamed`);
      this._dialog = undefined;
      await this._devices.refresh();
    } catch (err) {
      this._error = explain(err);
    } finally {
      this._busy = false;
    }
  }

  private async _revoke(device: DeviceStatus) {
    this._busy = true;
    try {
      await this.session.api.delete(`/api/devices/${device.id}`);
      toast(
        'success',
        `已撤销「${device.name}」· ${device.name} revoked`,
        '它已停止工作 · It has stopped',
      );
      this._dialog = undefined;
      await this._devices.refresh();
    } catch (err) {
      toastError(`无法撤销「${device.name}」· Could not revoke`, explain(err));
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-people-devices': DcPeopleDevices;
  }
}
