import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toastError } from '../toast.ts';
import { formStyles } from '../merchants/merchant-form-styles.ts';
import type { MediaItem, PromoDraft } from './promo-types.ts';

const seconds = (ms: number) => `${Math.round(ms / 1000)} 秒`;

/**
 * What a promo says: a recording picked from the media library, or text that text-to-speech
 * speaks, either heard here first. Edits go up as `draft-change` with the fields changed.
 */
@customElement('dc-promo-content')
export class DcPromoContent extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      :host {
        display: grid;
        gap: 0.6rem;
      }
      .listen {
        display: flex;
        gap: 0.5rem;
        align-items: flex-end;
      }
      .listen > :first-child {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @property({ attribute: false }) draft!: PromoDraft;
  @property({ attribute: false }) media: MediaItem[] = [];
  @property({ attribute: false }) errors: Record<string, string> = {};
  @state() private _playing = false;
  @state() private _loading = false;
  private _audio?: HTMLAudioElement;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
  }

  override render() {
    const d = this.draft;
    return html`<sl-radio-group
        name="kind"
        label="播放内容 · What plays"
        size="small"
        value=${d.kind}
        @sl-change=${(e: Event) =>
          this._change({ kind: (e.target as HTMLInputElement).value as PromoDraft['kind'] })}
      >
        <sl-radio-button value="text">文字播报 · Text to speech</sl-radio-button>
        <sl-radio-button value="media">录音 · Recording</sl-radio-button>
      </sl-radio-group>
      ${d.kind === 'text' ? this._text() : this._recording()}`;
  }

  private _text() {
    return html`<div>
      <div class="listen">
        <sl-textarea
          name="text"
          label="播报文字 · Script"
          rows="3"
          maxlength="1000"
          resize="auto"
          .value=${this.draft.text}
          @sl-input=${(e: Event) => this._change({ text: (e.target as HTMLTextAreaElement).value })}
        ></sl-textarea>
        ${this._listenButton(!this.draft.text.trim())}
      </div>
      ${this._error('text')}
    </div>`;
  }

  private _recording() {
    const chosen = this.media.find((m) => m.id === this.draft.media);
    return html`<div>
      <div class="listen">
        ${
          this.media.length
            ? html`<sl-select
                name="media"
                label="录音 · Recording"
                placeholder="从媒体库选择 · From the media library"
                .value=${this.draft.media}
                @sl-change=${(e: Event) =>
                  this._change({ media: (e.target as HTMLSelectElement).value })}
              >
                ${this.media.map(
                  (m) =>
                    html`<sl-option value=${m.id}
                      >${m.title} · ${seconds(m.durationMs)}
                      <span slot="suffix" class="muted">${m.id}</span></sl-option
                    >`,
                )}
              </sl-select>`
            : html`<sl-input
                label="录音 · Recording"
                disabled
                placeholder="正在读取媒体库… · Loading the library…"
              ></sl-input>`
        }
        ${this._listenButton(!chosen)}
      </div>
      ${
        this._error('media') ??
        (this.media.length
          ? nothing
          : html`<div class="hint">媒体库为空：先在媒体库上传录音 · The library is empty</div>`)
      }
    </div>`;
  }

  private _listenButton(disabled: boolean) {
    return html`<sl-button
      size="medium"
      data-testid="listen"
      ?disabled=${disabled}
      ?loading=${this._loading}
      @click=${() => void (this._playing ? this._stop() : this._listen())}
    >
      <sl-icon slot="prefix" name=${this._playing ? 'stop-fill' : 'volume-up'}></sl-icon>
      ${this._playing ? '停止 · Stop' : '试听 · Listen'}
    </sl-button>`;
  }

  private _error(f: string) {
    return this.errors[f]
      ? html`<div class="error" data-field=${f}>${this.errors[f]}</div>`
      : undefined;
  }

  private _change(change: Partial<PromoDraft>): void {
    this._stop();
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: change, bubbles: true, composed: true }),
    );
  }

  private async _listen(): Promise<void> {
    this._stop();
    this._loading = true;
    try {
      let url: string;
      if (this.draft.kind === 'text') {
        const text = encodeURIComponent(this.draft.text.trim());
        url = (await this.session.api.get<{ url: string }>(`/api/speech?text=${text}`)).url;
      } else {
        const m = this.media.find((x) => x.id === this.draft.media);
        if (!m) return;
        url = m.url;
      }
      const audio = new Audio(url);
      audio.onended = () => this._stop();
      this._audio = audio;
      await audio.play();
      this._playing = true;
    } catch (err) {
      this._stop();
      toastError('无法试听 · Could not play it', err);
    } finally {
      this._loading = false;
    }
  }

  private _stop(): void {
    this._audio?.pause();
    this._audio = undefined;
    this._playing = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-promo-content': DcPromoContent;
  }
}
