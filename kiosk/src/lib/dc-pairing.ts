import QRCode from 'qrcode';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PairingClient, type PairingKind } from './pairing-client.ts';

const PAGE_NAMES: Record<PairingKind, { zh: string; en: string }> = {
  player: { zh: '广播播放器', en: 'PA player' },
  guide: { zh: '导视屏', en: 'Guide screen' },
};

/** Where the QR code sends an admin's phone: the console's pairing form, the code filled in. */
export const pairingUrl = (code: string) =>
  `${location.origin}/console/people?pair=${encodeURIComponent(code)}`;

/**
 * The screen of a device page that has no token yet (/player, /take, /board): a pairing code,
 * large, and a QR code to the console's pairing form. Once an admin enters it, the page keeps
 * its device token and starts.
 */
@customElement('dc-pairing')
export class DcPairing extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 20;
      display: flex;
      align-items: center;
      justify-content: center;
      box-sizing: border-box;
      padding: 4vh 5vw;
      font-family:
        'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
      color: #eef3f8;
      background: #14202c;
    }
    .card {
      display: flex;
      gap: 5vw;
      align-items: center;
      max-width: 100%;
    }
    h1 {
      margin: 0 0 1vh;
      font-size: 4.4vh;
      font-weight: 500;
    }
    .en {
      color: #9fb3c6;
      font-size: 0.75em;
      display: block;
      font-weight: 400;
    }
    h1 .en {
      font-size: 0.6em;
    }
    .code {
      margin: 3vh 0;
      font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', ui-monospace, monospace;
      font-size: 15vh;
      font-weight: 700;
      letter-spacing: 0.12em;
      line-height: 1;
      color: #f2b84b;
      white-space: nowrap;
    }
    .code span + span {
      margin-left: 0.35em;
    }
    p {
      margin: 0 0 1.6vh;
      font-size: 2.8vh;
      line-height: 1.45;
      max-width: 46vw;
    }
    .where {
      margin-top: 3vh;
      font-size: 2.2vh;
      color: #9fb3c6;
    }
    .qr {
      flex: none;
      width: min(36vh, 30vw);
      padding: 2vh;
      border-radius: 2vh;
      background: #fff;
    }
    .qr img {
      display: block;
      width: 100%;
    }
    .ok {
      font-size: 6vh;
      color: #7bd88f;
    }
    @media (orientation: portrait) {
      .card {
        flex-direction: column;
        text-align: center;
      }
      p {
        max-width: none;
      }
    }
  `;

  private readonly _client = new PairingClient(this, () => this.kind);

  /** What this page will be registered as. */
  @property() kind: PairingKind = 'player';
  @state() private _qr = '';
  private _qrFor = '';

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    const v = this._client.view;
    const code = v.kind === 'showing' ? v.request.code : '';
    if (code && code !== this._qrFor) {
      this._qrFor = code;
      void QRCode.toString(pairingUrl(code), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
        .then((svg) => {
          if (this._qrFor === code)
            this._qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        })
        .catch(() => (this._qr = ''));
    }
  }

  override render() {
    const v = this._client.view;
    const page = PAGE_NAMES[this.kind];
    switch (v.kind) {
      case 'asking':
        return html`<div class="card">
          <h1>正在获取配对码…<span class="en">Getting a pairing code…</span></h1>
        </div>`;
      case 'waiting':
        return html`<div class="card">
          <div>
            <h1>
              正在连接服务器，稍后自动重试<span class="en"
                >Waiting for the server; retrying by itself</span
              >
            </h1>
            ${v.message ? html`<p>${v.message}</p>` : nothing}
          </div>
        </div>`;
      case 'paired':
        return html`<div class="card">
          <h1 class="ok" data-testid="paired">
            已配对：${v.name}<span class="en">Paired as ${v.name}: starting…</span>
          </h1>
        </div>`;
      case 'showing': {
        const code = v.request.code;
        const minutes = Math.max(
          1,
          Math.ceil((Date.parse(v.request.expiresAt) - Date.now()) / 60_000),
        );
        return html`<div class="card">
          <div>
            <h1>
              此${page.zh}尚未登记<span class="en">This ${page.en} is not registered yet</span>
            </h1>
            <div class="code" data-testid="pairing-code" aria-label=${code}>
              <span>${code.slice(0, 3)}</span><span>${code.slice(3)}</span>
            </div>
            <p>
              管理员在控制台「人员与设备」点「配对设备」输入此配对码，或用手机扫描右侧二维码。
              <span class="en"
                >An admin enters this code in the console under People &amp; devices → Pair a
                device, or scans the QR code.</span
              >
            </p>
            <p class="where">
              约 ${minutes} 分钟内有效，过期后自动换新 · Valid for about ${minutes} min, then a new
              one appears
            </p>
          </div>
          ${
            this._qr
              ? html`<div class="qr"><img src=${this._qr} alt="QR: ${pairingUrl(code)}" /></div>`
              : nothing
          }
        </div>`;
      }
      default: {
        const never: never = v;
        return never;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-pairing': DcPairing;
  }
}
