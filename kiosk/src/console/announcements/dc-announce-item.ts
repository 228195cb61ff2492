import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import {
  cancellable,
  clockOf,
  dayOf,
  secondsText,
  type AnnouncementState,
  type DevicePlays,
  type PlayOnDevice,
} from './announce-format.ts';
import { PRIORITY_NAMES, type Announcement, type Player } from './announce-types.ts';

const STATES: Record<AnnouncementState, { zh: string; en: string; variant: string }> = {
  pending: { zh: '待播', en: 'Scheduled', variant: 'primary' },
  waiting: { zh: '送往播放器', en: 'Going out', variant: 'primary' },
  playing: { zh: '播放中', en: 'Playing', variant: 'success' },
  done: { zh: '已播出', en: 'Done', variant: 'neutral' },
  cancelled: { zh: '已取消', en: 'Cancelled', variant: 'neutral' },
};

/** How late a play began against its planned time, when it is worth saying. */
function late(p: PlayOnDevice): string {
  if (!p.startedAt || !p.plannedAt) return '';
  const s = Math.round((Date.parse(p.startedAt) - Date.parse(p.plannedAt)) / 1000);
  return s >= 2 ? `（晚 ${secondsText(s)} · ${s} s late）` : '';
}

/**
 * One announcement: what, when, how and to whom; its state; and from the as-played log where
 * and when each of its plays went out. A scheduled one can be cancelled (asked twice).
 */
@customElement('dc-announce-item')
export class DcAnnounceItem extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
        border: 1px solid var(--sl-color-neutral-200);
        border-radius: var(--sl-border-radius-medium);
        padding: 0.6rem 0.8rem;
        background: var(--sl-color-neutral-0);
      }
      :host([state='cancelled']) {
        background: var(--sl-color-neutral-50);
        color: var(--sl-color-neutral-500);
      }
      .top {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      .title {
        flex: 1;
        min-width: 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .tags {
        display: flex;
        gap: 0.3rem;
        flex-wrap: wrap;
        justify-content: flex-end;
      }
      .meta,
      .text {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-600);
        margin-top: 0.25rem;
      }
      .text {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .plays {
        margin-top: 0.45rem;
        font-size: 0.85rem;
        display: grid;
        gap: 0.25rem;
      }
      .device {
        display: flex;
        gap: 0.4rem;
        flex-wrap: wrap;
        align-items: baseline;
      }
      .device > strong {
        white-space: nowrap;
      }
      .play {
        white-space: nowrap;
      }
      .play sl-icon {
        vertical-align: -0.12em;
      }
      .ok {
        color: var(--sl-color-success-700);
      }
      .bad {
        color: var(--sl-color-danger-700);
      }
      .actions {
        margin-top: 0.45rem;
        display: flex;
        gap: 0.4rem;
        justify-content: flex-end;
        align-items: center;
        flex-wrap: wrap;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) announcement!: Announcement;
  @property({ attribute: false }) devices: DevicePlays[] = [];
  @property({ reflect: true }) state: AnnouncementState = 'waiting';
  @property({ attribute: false }) players?: Player[];
  /** False until the log has been read: "nothing played" would be a guess. */
  @property({ attribute: false }) playsKnown = false;
  @state() private _asking = false;
  @state() private _busy = false;

  override render() {
    const a = this.announcement;
    const zone = this.session.site.timezone;
    const s = STATES[this.state];
    const p = PRIORITY_NAMES[a.priority];
    const now = Date.now();
    const when = a.at
      ? `定时 ${dayOf(zone, a.at, now)} ${clockOf(zone, a.at)}`
      : `立即 · ${dayOf(zone, a.createdAt, now)} ${clockOf(zone, a.createdAt)}`;
    const times = a.repeat > 1 ? `${a.repeat} 次，间隔 ${secondsText(a.intervalS)}` : '1 次';
    return html`<div class="top" data-announcement=${a.id}>
        <span class="title">${a.title}</span>
        <span class="tags">
          ${
            a.priority !== 'normal'
              ? html`<sl-tag size="small" variant=${p.variant}>${p.zh} · ${p.en}</sl-tag>`
              : nothing
          }
          <sl-tag size="small" variant=${s.variant} data-testid="state">${s.zh} · ${s.en}</sl-tag>
        </span>
      </div>
      <div class="meta">
        ${when} · ${times} · ${this._targets()} · ${a.createdBy}
        ${
          a.status === 'cancelled'
            ? html` · 由 ${a.cancelledBy} 于 ${clockOf(zone, a.cancelledAt ?? a.createdAt)} 取消`
            : nothing
        }
        ${
          this.state === 'pending' && a.at
            ? html` ·
                <sl-relative-time lang="zh-CN" sync .date=${new Date(a.at)}></sl-relative-time>`
            : nothing
        }
      </div>
      ${a.text && a.text !== a.title ? html`<div class="text">${a.text}</div>` : nothing}
      ${this._plays()} ${this._actions()}`;
  }

  private _targets() {
    const t = this.announcement.targets;
    if (t === 'all') return '全部播放器 · All players';
    return t.map((id) => this.players?.find((p) => p.id === id)?.name ?? `#${id}`).join('、');
  }

  private _plays() {
    const zone = this.session.site.timezone;
    if (this.state === 'pending' || !this.playsKnown) return nothing;
    if (this.devices.length === 0) {
      if (this.state === 'cancelled') return nothing;
      return html`<div class="plays muted" data-testid="plays">
        ${
          this.state === 'done'
            ? html`<span class="bad"
                ><sl-icon name="exclamation-triangle"></sl-icon> 没有播放器报告播出 · No player
                reported playing it</span
              >`
            : html`<span><sl-spinner></sl-spinner> 等待播放器报告… · Waiting for the players</span>`
        }
      </div>`;
    }
    return html`<div class="plays" data-testid="plays">
      ${this.devices.map(
        (d) =>
          html`<div class="device" data-device=${d.device}>
            <strong><sl-icon name="speaker"></sl-icon> ${d.device}</strong>
            ${d.plays.map((p) => this._play(p, zone))}
          </div>`,
      )}
    </div>`;
  }

  private _play(p: PlayOnDevice, zone: string) {
    const nth = this.announcement.repeat > 1 ? `第${p.n}次 ` : '';
    if (p.problem)
      return html`<span class="play bad" title=${p.problem.reason ?? ''}>
        <sl-icon name=${p.problem.status === 'failed' ? 'x-circle' : 'scissors'}></sl-icon>
        ${nth}${clockOf(zone, p.problem.at)}
        ${p.problem.status === 'failed' ? '未能播出 · Failed' : '中途停止 · Cut short'}
      </span>`;
    if (p.endedAt)
      return html`<span class="play ok">
        <sl-icon name="check2-circle"></sl-icon>
        ${nth}${p.startedAt ? clockOf(zone, p.startedAt) : ''}–${clockOf(zone, p.endedAt)} 播完 ·
        Played${late(p)}
      </span>`;
    return html`<span class="play">
      <sl-icon name="play-circle"></sl-icon>
      ${nth}${p.startedAt ? clockOf(zone, p.startedAt) : ''} 开始播出 · Playing${late(p)}
    </span>`;
  }

  private _actions() {
    if (!cancellable(this.state)) return nothing;
    return html`<div class="actions">
      ${
        this._asking
          ? html`<span class="muted">取消这条广播？ · Cancel it?</span>
              <sl-button
                size="small"
                variant="danger"
                data-testid="cancel-confirm"
                ?loading=${this._busy}
                @click=${this._cancel}
                >确认取消 · Yes, cancel</sl-button
              >
              <sl-button size="small" @click=${() => (this._asking = false)}
                >保留 · Keep it</sl-button
              >`
          : html`<sl-button
              size="small"
              variant="danger"
              outline
              data-testid="cancel"
              @click=${() => (this._asking = true)}
            >
              <sl-icon slot="prefix" name="x-circle"></sl-icon>取消广播 · Cancel
            </sl-button>`
      }
    </div>`;
  }

  private readonly _cancel = async () => {
    const a = this.announcement;
    this._busy = true;
    try {
      await this.session.api.post(`/api/announcements/${a.id}/cancel`);
      toast(
        'success',
        '已取消 · Cancelled',
        `${a.title} — 播放器不会再播出 · players will not play it`,
      );
      this._asking = false;
      this.dispatchEvent(
        new CustomEvent('cancelled', { detail: a, bubbles: true, composed: true }),
      );
    } catch (err) {
      toastError('没有取消 · Not cancelled', err);
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-item': DcAnnounceItem;
  }
}
