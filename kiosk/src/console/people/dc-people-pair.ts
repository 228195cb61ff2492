import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import type { Device } from '../devices/device-types.ts';
import { toast } from '../toast.ts';
import { explain, fieldOf } from './people-format.ts';
import { formStyles } from './people-styles.ts';

/**
 * Pairing a player or guide screen: its page shows a six-character code (and a QR code that
 * opens this form with the code filled in); the admin gives it a name and enters it. Fires
 * `device-paired` and `close`.
 */
@customElement('dc-people-pair')
export class DcPeoplePair extends LitElement {
  static override styles = [
    formStyles,
    css`
      sl-input.code::part(input) {
        font-family: var(--sl-font-mono);
        font-size: 1.6rem;
        letter-spacing: 0.25em;
        text-transform: uppercase;
      }
      .steps {
        margin: 0;
        padding-left: 1.2rem;
        color: var(--sl-color-neutral-700);
        font-size: 0.9rem;
        line-height: 1.5;
      }
    `,
  ];

  @property({ attribute: false }) api!: ConsoleApi;
  /** A code from the device's QR code (`/console/people?pair=…`). */
  @property() code = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  override render() {
    const err = (f: string) =>
      this._errors[f] ? html`<div class="field-error">${this._errors[f]}</div>` : nothing;
    return html`<form @submit=${this._submit}>
      <ol class="steps">
        <li>
          在设备上打开它的页面（/player、/take 或 /board），屏幕显示配对码。
          <span class="en"
            >Open the device's page (/player, /take or /board): it shows a code.</span
          >
        </li>
        <li>
          输入配对码，给设备起个名字（如「一楼广播」）。
          <span class="en">Type the code and give the device a name (e.g. "PA 1F").</span>
        </li>
      </ol>
      <div>
        <sl-input
          class="code"
          name="code"
          label="配对码 · Pairing code"
          required
          maxlength="9"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          placeholder="ABC DEF"
          value=${this.code}
          help-text="6 位，不含 0、O、1、I · 6 characters, never 0, O, 1 or I"
        ></sl-input>
        ${err('code')}
      </div>
      <div>
        <sl-input
          name="name"
          label="设备名称 · Device name"
          required
          maxlength="60"
          placeholder="一楼广播 · PA 1F"
        ></sl-input>
        ${err('name')}
      </div>
      <div>
        <sl-select name="kind" label="类型 · Kind" value="auto">
          <sl-option value="auto">按设备页面 · As its page says</sl-option>
          <sl-option value="player">广播播放器 · PA player</sl-option>
          <sl-option value="guide">导视屏 · Guide screen</sl-option>
        </sl-select>
        ${err('kind')}
      </div>
      ${err('')}
      <div class="actions">
        <sl-button @click=${this._close}>取消 · Cancel</sl-button>
        <sl-button type="submit" variant="primary" ?loading=${this._busy}>
          <sl-icon slot="prefix" name="link-45deg"></sl-icon>配对 · Pair
        </sl-button>
      </div>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const value = (name: string) =>
      (this.renderRoot.querySelector(`[name=${name}]`) as HTMLInputElement | null)?.value ?? '';
    const kind = value('kind');
    const body = {
      code: value('code'),
      name: value('name').trim(),
      ...(kind === 'player' || kind === 'guide' ? { kind } : {}),
    };
    this._busy = true;
    this._errors = {};
    try {
      const r = await this.api.post<{ device: Device }>('/api/devices/pair', body);
      toast(
        'success',
        `已配对「${r.device.name}」· Paired ${r.device.name}`,
        '设备几秒内自动开始工作 · The device starts by itself within a few seconds',
      );
      this.dispatchEvent(
        new CustomEvent('device-paired', { detail: r.device, bubbles: true, composed: true }),
      );
      this._close();
    } catch (err) {
      this._errors = { [fieldOf(err) ?? '']: explain(err) };
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
    'dc-people-pair': DcPeoplePair;
  }
}
