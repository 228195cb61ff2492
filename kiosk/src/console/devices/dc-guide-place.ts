import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleApi } from '../console-api.ts';
import { toast, toastError } from '../toast.ts';

/** A place of schedules/floors/floors.yaml a guide screen can stand at. */
interface Place {
  id: string;
  floor: string;
  name: string;
  nameEn: string;
}

interface Screens {
  here: Place[];
  screens: { deviceId: number; name: string; here: string | null }[];
}

/**
 * Where a guide screen stands: its "you are here" (您在这里) on the floor maps, chosen from
 * the places floors.yaml lists (GET/PUT /api/guide/screens). The screen redraws at once.
 */
@customElement('dc-guide-place')
export class DcGuidePlace extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 0.35rem;
      max-width: 16rem;
    }
  `;

  @property({ attribute: false }) api?: ConsoleApi;
  @property({ type: Number }) deviceId = 0;
  @state() private _screens?: Screens;
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    const s = this._screens;
    if (!s || !s.here.length) return nothing;
    const here = s.screens.find((x) => x.deviceId === this.deviceId)?.here ?? '';
    return html`<sl-select
      size="small"
      label="您在这里 · You are here"
      placeholder="未设置 · Not set"
      value=${here}
      clearable
      ?disabled=${this._busy}
      data-testid="guide-place"
      @sl-change=${(e: Event) => void this._set((e.target as HTMLSelectElement).value || null)}
    >
      ${s.here.map(
        (p) => html`<sl-option value=${p.id}>${p.floor} ${p.name} · ${p.nameEn}</sl-option>`,
      )}
    </sl-select>`;
  }

  private async _load(): Promise<void> {
    try {
      this._screens = await this.api?.get<Screens>('/api/guide/screens');
    } catch {
      this._screens = undefined;
    }
  }

  private async _set(here: string | null): Promise<void> {
    if (!this.api) return;
    this._busy = true;
    try {
      await this.api.put(`/api/guide/screens/${this.deviceId}`, { here });
      toast('success', here ? `位置已设为 ${here} · Place set` : '位置已清除 · Place cleared');
      await this._load();
    } catch (err) {
      toastError('无法设置位置 · Could not set the place', err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-guide-place': DcGuidePlace;
  }
}
