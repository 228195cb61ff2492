import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast, toastError } from '../toast.ts';
import {
  emptyDraft,
  labelOf,
  requestOf,
  withTemplate,
  type Draft,
  type Request,
} from './announce-draft.ts';
import { clockOf, dayOf, wallTimeAhead } from './announce-format.ts';
import { previewOf } from './announce-preview.ts';
import { announceStyles } from './announce-styles.ts';
import type { Announcement, MediaItem, Player, Template } from './announce-types.ts';
import './dc-announce-content.ts';
import './dc-announce-options.ts';
import './dc-announce-templates.ts';

type Ready = Extract<Request, { ok: true }>;

/** What is said, as a key: a preview of other words is stale. */
const contentKey = (d: Draft) =>
  JSON.stringify([d.source, d.text.trim(), d.templateId, d.fields, d.mediaId]);

/**
 * Writing an announcement: its content, a preview to listen to (the same audio the players
 * will get), how it goes out, and sending it. An emergency asks first, in a dialog.
 */
@customElement('dc-announce-composer')
export class DcAnnounceComposer extends LitElement {
  static override styles = [
    pageStyles,
    announceStyles,
    css`
      .preview {
        margin-top: 0.9rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: center;
      }
      audio {
        height: 2.25rem;
        flex: 1 1 14rem;
        min-width: 0;
      }
      .said {
        flex-basis: 100%;
        font-size: 0.85rem;
        padding: 0.5rem 0.7rem;
        border-left: 3px solid var(--sl-color-primary-400);
        background: var(--sl-color-primary-50);
      }
      .stale {
        flex-basis: 100%;
        font-size: 0.8rem;
        color: var(--sl-color-warning-700);
      }
      .send {
        margin-top: 1.1rem;
        display: flex;
        justify-content: flex-end;
      }
      sl-divider {
        --spacing: 1.1rem;
      }
      .confirm strong {
        display: block;
        margin: 0.5rem 0;
        font-size: 1.05rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) templates?: Template[];
  @property({ attribute: false }) players?: Player[];
  @property({ attribute: false }) media?: MediaItem[];
  @state() private _draft!: Draft;
  @state() private _errors: Record<string, string> = {};
  @state() private _sending = false;
  @state() private _previewing = false;
  @state() private _preview?: { url: string; text?: string; key: string };
  /** The emergency waiting for its confirmation. */
  @state() private _confirm?: Ready;
  @state() private _manage = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const { date, time } = wallTimeAhead(this.session.site.timezone, Date.now(), 15);
    this._draft = emptyDraft(date, time);
  }

  override render() {
    const d = this._draft;
    // Templates are the broadcast's: the desk and its manager use them as they are.
    const canManage = this.session.me.role === 'admin' || this.session.me.role === 'announcer';
    return html`<div class="card" data-testid="composer">
      <h2>新广播<span class="en">New announcement</span></h2>
      <dc-announce-content
        .draft=${d}
        .templates=${this.templates}
        .media=${this.media}
        .errors=${this._errors}
        ?can-manage=${canManage}
        @draft-change=${this._change}
        @template-choose=${(e: CustomEvent<string>) =>
          this._set(
            withTemplate(
              d,
              this.templates?.find((t) => t.id === e.detail),
            ),
          )}
        @manage-templates=${() => (this._manage = true)}
      ></dc-announce-content>
      ${this._previewView(d)}
      <sl-divider></sl-divider>
      <dc-announce-options
        .draft=${d}
        .players=${this.players}
        .errors=${this._errors}
        zone=${this.session.site.timezone}
        @draft-change=${this._change}
      ></dc-announce-options>
      <div class="send">
        <sl-button
          data-testid="send"
          size="large"
          variant=${d.priority === 'emergency' ? 'danger' : 'primary'}
          ?loading=${this._sending}
          @click=${this._send}
        >
          <sl-icon slot="prefix" name=${d.when === 'at' ? 'clock' : 'megaphone'}></sl-icon>
          ${d.when === 'at' ? '定时发送 · Schedule' : '立即发送 · Send now'}
        </sl-button>
      </div>
      ${this._confirmView()}
      ${
        canManage
          ? html`<dc-announce-templates
              ?open=${this._manage}
              .templates=${this.templates}
              @close=${() => (this._manage = false)}
            ></dc-announce-templates>`
          : nothing
      }
    </div>`;
  }

  private _previewView(d: Draft) {
    const p = this._preview;
    return html`<div class="preview">
      <sl-button data-testid="listen" ?loading=${this._previewing} @click=${this._listen}>
        <sl-icon slot="prefix" name="headphones"></sl-icon>试听 · Listen
      </sl-button>
      ${
        p
          ? html`<audio controls preload="auto" src=${p.url} data-testid="preview-audio"></audio>`
          : html`<span class="hint"
              >发送前先听一遍 <span class="en">Listen before you send</span></span
            >`
      }
      ${
        p && p.key !== contentKey(d)
          ? html`<div class="stale">内容已修改，请重新试听 · Changed since: listen again</div>`
          : nothing
      }
      ${p?.text ? html`<div class="said">将播报 · Will say：${p.text}</div>` : nothing}
    </div>`;
  }

  private _confirmView() {
    const r = this._confirm;
    return html`<sl-dialog
      class="confirm"
      label="确认发送最高优先级广播 · Send an emergency announcement?"
      ?open=${r !== undefined}
      @sl-request-close=${() => (this._confirm = undefined)}
    >
      <sl-alert variant="danger" open>
        <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
        所有选中的播放器将立即停止音乐和节目，直到这条广播播完。 Every chosen player stops its music
        and program at once until this has played.
      </sl-alert>
      <strong>${labelOf(this._draft, this.templates ?? [], this.media ?? [])}</strong>
      <sl-button
        slot="footer"
        data-testid="confirm-cancel"
        @click=${() => (this._confirm = undefined)}
      >
        取消 · Cancel
      </sl-button>
      <sl-button
        slot="footer"
        variant="danger"
        data-testid="confirm-send"
        @click=${() => {
          const ready = this._confirm;
          this._confirm = undefined;
          if (ready) void this._post(ready);
        }}
      >
        确认发送 · Send it
      </sl-button>
    </sl-dialog>`;
  }

  private readonly _change = (e: CustomEvent<Partial<Draft>>) => {
    e.stopPropagation();
    this._set({ ...this._draft, ...e.detail });
  };

  private _set(d: Draft): void {
    // A field's complaint goes once it is changed; the others stay until the next try.
    const changed = Object.keys(d).filter(
      (k) => JSON.stringify(d[k as keyof Draft]) !== JSON.stringify(this._draft[k as keyof Draft]),
    );
    const stale = new Set(changed.flatMap((k) => FIELD_OF[k] ?? []));
    for (const name of Object.keys(d.fields))
      if (d.fields[name] !== this._draft.fields[name]) stale.add(`fields.${name}`);
    this._errors = Object.fromEntries(Object.entries(this._errors).filter(([k]) => !stale.has(k)));
    this._draft = d;
  }

  private readonly _listen = async () => {
    const d = this._draft;
    this._previewing = true;
    try {
      const p = await previewOf(this.session.api, d, this.media ?? []);
      if (!p.ok) {
        this._fail(p.field, p.message);
        return;
      }
      this._preview = { url: p.url, key: contentKey(d), ...(p.text ? { text: p.text } : {}) };
      await this.updateComplete;
      const audio = this.renderRoot.querySelector('audio');
      if (audio) {
        audio.currentTime = 0;
        await audio.play();
      }
      toast(
        'primary',
        '正在试听 · Playing the preview',
        '这就是播放器将播出的声音 · What the players will play',
      );
    } catch (err) {
      if (err instanceof ApiError && err.field) this._errors = { [err.field]: err.message };
      toastError('无法试听 · Cannot play the preview', err);
    } finally {
      this._previewing = false;
    }
  };

  private readonly _send = () => {
    const r = requestOf(this._draft, this.session.site.timezone);
    if (!r.ok) {
      this._fail(r.field, r.message);
      return;
    }
    if (this._draft.priority === 'emergency') this._confirm = r;
    else void this._post(r);
  };

  private async _post(r: Ready): Promise<void> {
    const zone = this.session.site.timezone;
    this._sending = true;
    try {
      const a = await this.session.api.post<Announcement>(r.path, r.body);
      const when = a.at
        ? `定时 ${dayOf(zone, a.at, Date.now())} ${clockOf(zone, a.at).slice(0, 5)} · Scheduled`
        : '正在送往播放器 · On its way to the players';
      toast('success', a.at ? '已定时 · Scheduled' : '已发送 · Sent', `${a.title} — ${when}`);
      const { date, time } = this._draft;
      this._draft = { ...emptyDraft(date, time), source: this._draft.source };
      this._preview = undefined;
      this._errors = {};
      this.dispatchEvent(
        new CustomEvent('announced', { detail: a, bubbles: true, composed: true }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.field) this._errors = { [err.field]: err.message };
      toastError('没有发送 · Not sent', err);
    } finally {
      this._sending = false;
    }
  }

  private _fail(field: string, message: string): void {
    this._errors = { [field]: message };
    toast('warning', '还不能继续 · Not yet', message);
  }
}

/** Which of the server's field names each part of the draft answers to. */
const FIELD_OF: Record<string, string[]> = {
  text: ['text'],
  source: ['text', 'template', 'mediaId'],
  templateId: ['template'],
  mediaId: ['mediaId'],
  when: ['at'],
  date: ['at'],
  time: ['at'],
  repeat: ['repeat'],
  interval: ['intervalS'],
  intervalUnit: ['intervalS'],
  priority: ['priority'],
  targets: ['targets'],
  targetIds: ['targets', 'targets.0'],
};

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-composer': DcAnnounceComposer;
  }
}
