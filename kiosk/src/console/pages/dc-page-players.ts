import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
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

/** Offline is the absence of news: look again this often even when no event comes. */
const REFRESH_MS = 10_000;
/** A player whose clock is further off than this plays noticeably early or late. */
const CLOCK_WARN_MS = 500;

const STATE_NAMES = {
  playing: { zh: '播放中', en: 'Playing', variant: 'success' },
  idle: { zh: '静音', en: 'Idle', variant: 'neutral' },
  blocked: { zh: '声音被阻止', en: 'Sound blocked', variant: 'danger' },
  'offline-recovered': { zh: '离线后恢复', en: 'Back from offline', variant: 'warning' },
} as const;

/**
 * Players & screens (播放器与屏幕): every registered player and guide screen, whether it is
 * online, when it was last heard from, what it is playing, its clock offset, the plan version
 * it holds and the reports it has not uploaded yet. Live: each player's report is an event.
 */
@customElement('dc-page-players')
export class DcPagePlayers extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .summary {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .updated {
        font-size: 0.8rem;
      }
      .name {
        font-weight: 600;
      }
      .sub {
        display: block;
        font-size: 0.75rem;
        color: var(--sl-color-neutral-500);
        overflow-wrap: anywhere;
      }
      .kind {
        white-space: nowrap;
      }
      .tags {
        display: flex;
        gap: 0.3rem;
        flex-wrap: wrap;
      }
      .warn {
        color: var(--sl-color-warning-700);
      }
      .bad {
        color: var(--sl-color-danger-600);
      }
      .alert {
        display: block;
        margin-top: 0.3rem;
        font-size: 0.78rem;
        max-width: 22rem;
      }
      td.now {
        max-width: 18rem;
      }
      tr.offline td {
        background: var(--sl-color-danger-50);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  private readonly _status = new LiveResource<DeviceStatusList>(this, {
    load: () => this.session.api.get<DeviceStatusList>('/api/devices/status'),
    events: () => this.session?.events,
    on: ['playback-state', 'devices-changed', 'plan-changed'],
    everyMs: REFRESH_MS,
  });

  override render() {
    const r = this._status;
    const list = r.value;
    return html`<div class="page-head">
        <h1>播放器与屏幕<span class="en">Players & screens</span></h1>
        <div class="summary">
          ${list ? this._summary(list) : nothing}
          <sl-button size="small" @click=${() => void r.refresh()}>
            <sl-icon slot="prefix" name="arrow-clockwise"></sl-icon>刷新 · Refresh
          </sl-button>
        </div>
      </div>
      ${
        r.error
          ? html`<sl-alert variant="danger" open style="margin-bottom:0.75rem">
              <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
              无法读取设备状态 · Could not read the devices' state:
              ${r.error instanceof Error ? r.error.message : String(r.error)}
            </sl-alert>`
          : nothing
      }
      ${list ? this._table(list) : this._loading()}`;
  }

  private _loading() {
    return html`<div class="card empty" data-testid="loading">
      <sl-spinner></sl-spinner> 正在读取… · Loading…
    </div>`;
  }

  private _summary(list: DeviceStatusList) {
    if (!list.devices.length) return nothing;
    const online = list.devices.filter((d) => d.online).length;
    const offline = list.devices.length - online;
    return html`<sl-tag size="small" variant="success">${online} 在线 · online</sl-tag>
      ${
        offline
          ? html`<sl-tag size="small" variant="danger">${offline} 离线 · offline</sl-tag>`
          : nothing
      }
      <span class="muted updated"
        >更新于 · Updated
        ${new Date(this._status.loadedAt).toLocaleTimeString('zh-CN', {
          timeZone: this.session.site.timezone,
          hourCycle: 'h23',
        })}</span
      >`;
  }

  private _table(list: DeviceStatusList) {
    if (!list.devices.length)
      return html`<div class="card empty" data-testid="no-devices">
        还没有登记的播放器或屏幕 · No players or screens are registered yet.
        ${
          this.session.me.role === 'admin'
            ? html`<br /><a href="/console/people"
                  >在「人员与设备」配对设备 · Pair one under People & devices</a
                >`
            : html`<br />请管理员配对设备 · Ask an admin to pair one.`
        }
      </div>`;
    const today = dateInZone(this.session.site.timezone, Date.now());
    return html`<div class="card table-wrap">
      <table data-testid="devices">
        <thead>
          <tr>
            <th>设备<span class="en">Device</span></th>
            <th>状态<span class="en">Status</span></th>
            <th>正在播放<span class="en">Playing now</span></th>
            <th>最后联系<span class="en">Last heard</span></th>
            <th class="num">时钟偏差<span class="en">Clock offset</span></th>
            <th>节目单<span class="en">Plan held</span></th>
            <th class="num">待上传<span class="en">Reports pending</span></th>
          </tr>
        </thead>
        <tbody>
          ${sortDevices(list.devices).map((d) => this._row(d, today))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(d: DeviceStatus, today: string) {
    const kind = KIND_NAMES[d.kind];
    const s = d.state;
    const player = d.kind === 'player';
    const state = s && d.online ? STATE_NAMES[s.audioBlocked ? 'blocked' : s.state] : undefined;
    return html`<tr class=${d.online ? '' : 'offline'} data-device=${d.name}>
      <td>
        <span class="name">${d.name}</span>
        <span class="sub kind">${kind.zh} · ${kind.en}</span>
      </td>
      <td>
        <div class="tags">
          ${
            d.online
              ? html`<sl-tag size="small" variant="success" data-testid="online"
                  >在线 · Online</sl-tag
                >`
              : html`<sl-tag size="small" variant="danger" data-testid="offline"
                  >离线 · Offline</sl-tag
                >`
          }
          ${
            state
              ? html`<sl-tag size="small" variant=${state.variant}
                  >${state.zh} · ${state.en}</sl-tag
                >`
              : nothing
          }
        </div>
        ${
          !player && d.online
            ? html`<span class="sub"
                >${d.streams} 个页面已连接 · ${d.streams} page(s) connected</span
              >`
            : nothing
        }
        ${d.alerts
          .filter((a) => a.kind === 'missed')
          .map((a) => html`<span class="alert warn">${a.zh}<br />${a.en}</span>`)}
      </td>
      <td class="now" data-testid="playing">
        ${
          player && s?.title && d.online
            ? html`${s.title}<span class="sub">${s.itemId ?? ''}</span>`
            : html`<span class="muted">—</span>`
        }
      </td>
      <td>
        ${whenText(d.heardAt, today)}
        ${
          d.heardAt
            ? html`<span class="sub"
                ><sl-relative-time
                  lang="zh-CN"
                  sync
                  date=${new Date(d.heardAt).toISOString()}
                ></sl-relative-time
              ></span>`
            : html`<span class="sub">从未 · never</span>`
        }
      </td>
      <td class="num">${player ? this._offset(s?.clockOffsetMs) : '—'}</td>
      <td>${player ? this._plan(d) : '—'}</td>
      <td class="num">
        ${
          player && s?.pendingReports !== undefined
            ? html`<span class=${s.pendingReports > 0 ? 'warn' : ''}>${s.pendingReports}</span>`
            : '—'
        }
      </td>
    </tr>`;
  }

  private _offset(ms: number | undefined) {
    if (ms === undefined) return '—';
    const text = `${ms > 0 ? '+' : ''}${Math.round(ms)} ms`;
    return Math.abs(ms) > CLOCK_WARN_MS ? html`<span class="bad">${text}</span>` : text;
  }

  private _plan(d: DeviceStatus) {
    const p = d.plan;
    if (!p) return html`<span class="muted">—</span>`;
    const version = p.etag ? p.etag.replace(/"/g, '').slice(0, 8) : '';
    return html`${p.date}
      <span class="sub">
        ${
          p.current === true
            ? html`<sl-tag size="small" variant="success">最新 · Current</sl-tag>`
            : p.current === false
              ? html`<sl-tag size="small" variant="warning">旧版 · Outdated</sl-tag>`
              : html`未知版本 · Version unknown`
        }
        ${version ? html`<code>${version}</code>` : nothing}
      </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-players': DcPagePlayers;
  }
}
