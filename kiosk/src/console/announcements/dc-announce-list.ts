import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { dueMs, playsByAnnouncement, stateOf } from './announce-format.ts';
import type { Announcement, AnnouncementPlayRow, Player } from './announce-types.ts';
import './dc-announce-item.ts';

/** How many past announcements the list shows; the as-played log has them all. */
const RECENT = 30;

/**
 * The announcements to come (soonest first) and those that went out (latest first), each with
 * where and when it played.
 */
@customElement('dc-announce-list')
export class DcAnnounceList extends LitElement {
  static override styles = [
    pageStyles,
    css`
      section + section {
        margin-top: 1.25rem;
      }
      .items {
        display: grid;
        gap: 0.6rem;
      }
      .empty {
        padding: 1.25rem;
      }
      h2 sl-badge {
        margin-left: 0.4rem;
        vertical-align: middle;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) announcements?: Announcement[];
  @property({ attribute: false }) plays?: AnnouncementPlayRow[];
  @property({ attribute: false }) players?: Player[];
  @property() error = '';
  private _timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // "To come" becomes "going out" when its time comes, without a reload.
    this._timer = setInterval(() => this.requestUpdate(), 5000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  override render() {
    const list = this.announcements;
    if (!list)
      return html`<div class="card">
        ${
          this.error
            ? html`<sl-alert variant="danger" open>
                <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
                无法读取广播列表 · The list cannot be read: ${this.error}
              </sl-alert>`
            : html`<div class="empty"><sl-spinner></sl-spinner> 正在读取… · Loading…</div>`
        }
      </div>`;
    const now = Date.now();
    const byId = playsByAnnouncement(this.plays ?? []);
    const rows = list.map((a) => {
      const devices = byId.get(a.id) ?? [];
      return { a, devices, state: stateOf(a, devices, now) };
    });
    const pending = rows
      .filter((r) => r.state === 'pending')
      .sort((x, y) => dueMs(x.a) - dueMs(y.a));
    const recent = rows
      .filter((r) => r.state !== 'pending')
      .sort((x, y) => dueMs(y.a) - dueMs(x.a))
      .slice(0, RECENT);
    const item = (r: (typeof rows)[number]) =>
      html`<dc-announce-item
        data-id=${r.a.id}
        .announcement=${r.a}
        .devices=${r.devices}
        .state=${r.state}
        .players=${this.players}
        .playsKnown=${this.plays !== undefined}
      ></dc-announce-item>`;
    return html`<div class="card" data-testid="announcement-list">
      ${
        this.error
          ? html`<sl-alert variant="warning" open>
              <sl-icon slot="icon" name="wifi-off"></sl-icon>
              列表可能不是最新 · The list may be out of date: ${this.error}
            </sl-alert>`
          : nothing
      }
      <section data-testid="pending">
        <h2>
          待播<span class="en">To come</span>
          ${pending.length ? html`<sl-badge pill>${pending.length}</sl-badge>` : nothing}
        </h2>
        ${
          pending.length
            ? html`<div class="items">${pending.map(item)}</div>`
            : html`<div class="empty">没有定时的广播 · Nothing is scheduled</div>`
        }
      </section>
      <section data-testid="recent">
        <h2>最近<span class="en">Recent</span></h2>
        ${
          recent.length
            ? html`<div class="items">${recent.map(item)}</div>`
            : html`<div class="empty">还没有广播 · No announcements yet</div>`
        }
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-list': DcAnnounceList;
  }
}
