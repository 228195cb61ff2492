import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { addDays, dateInZone } from '../../../../core/zoned-time.ts';
import type {
  Announcement,
  AnnouncementPlayRow,
  MediaItem,
  Player,
  Template,
} from '../announcements/announce-types.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { LiveResource } from '../devices/live-resource.ts';
import '../announcements/dc-announce-composer.ts';
import '../announcements/dc-announce-list.ts';

/** The list covers yesterday (the evening before) to a week ahead, as far as one can be set. */
const range = (zone: string) => {
  const today = dateInZone(zone, Date.now());
  return `from=${addDays(today, -1)}&to=${addDays(today, 7)}`;
};

/**
 * Announcements (广播通知): write one (text to speak, a recording, or a template filled in),
 * listen to it, send it now or at a time; and the list of what is to come and what went out,
 * with where and when each played, from the as-played log.
 */
@customElement('dc-page-announcements')
export class DcPageAnnouncements extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        container-type: inline-size;
      }
      .columns {
        display: grid;
        gap: 1rem;
        align-items: start;
      }
      @container (min-width: 960px) {
        .columns {
          grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;

  private readonly _events = () => this.session?.events;
  private readonly _announcements = new LiveResource(this, {
    load: () =>
      this.session.api.get<{ announcements: Announcement[] }>(
        `/api/announcements?${range(this.session.site.timezone)}`,
      ),
    events: this._events,
    on: ['announcement', 'announcement-cancelled'],
    everyMs: 30_000,
  });
  private readonly _plays = new LiveResource(this, {
    load: () =>
      this.session.api.get<{ plays: AnnouncementPlayRow[] }>(
        `/api/plays?${range(this.session.site.timezone)}&kind=announcement&limit=1000`,
      ),
    events: this._events,
    on: ['announcement-played'],
    everyMs: 20_000,
  });
  private readonly _templates = new LiveResource(this, {
    load: () => this.session.api.get<{ templates: Template[] }>('/api/announcements/templates'),
    events: this._events,
    on: ['announcement-templates-changed'],
    everyMs: 300_000,
  });
  private readonly _players = new LiveResource(this, {
    load: () => this.session.api.get<{ players: Player[] }>('/api/announcements/players'),
    events: this._events,
    on: ['devices-changed'],
    everyMs: 300_000,
  });
  private readonly _media = new LiveResource(this, {
    load: () => this.session.api.get<{ items: MediaItem[] }>('/api/media'),
    events: this._events,
    on: ['media-changed'],
    everyMs: 600_000,
  });

  override render() {
    const failed = this._announcements.error ?? this._plays.error;
    return html`<div class="page-head">
        <h1>广播通知<span class="en">Announcements</span></h1>
      </div>
      <div class="columns">
        <dc-announce-composer
          .templates=${this._templates.value?.templates}
          .players=${this._players.value?.players}
          .media=${this._media.value?.items}
          @announced=${() => void this._announcements.refresh()}
          @templates-changed=${() => void this._templates.refresh()}
        ></dc-announce-composer>
        <dc-announce-list
          .announcements=${this._announcements.value?.announcements}
          .plays=${this._plays.value?.plays}
          .players=${this._players.value?.players}
          .error=${failed ? String(failed instanceof Error ? failed.message : failed) : ''}
          @cancelled=${() => void this._announcements.refresh()}
        ></dc-announce-list>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-page-announcements': DcPageAnnouncements;
  }
}
