import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Revision } from './calendar-types.ts';

/** `2026-12-02 14:05` of an instant, on this browser's clock (the desk is in the mall). */
function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The revision the calendar is at, who saved it last and when, and the saves before. */
@customElement('dc-calendar-revision')
export class DcCalendarRevision extends LitElement {
  static override styles = css`
    .rev {
      font-size: 0.85rem;
      color: var(--sl-color-neutral-600);
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .revlist {
      max-width: 34rem;
    }
    .revlist small {
      color: var(--sl-color-neutral-500);
    }
  `;

  @property({ type: Number }) revision?: number;
  /** Newest first. */
  @property({ attribute: false }) revisions: Revision[] = [];

  override render() {
    const r = this.revisions[0];
    if (this.revision === undefined) return html`<div class="rev"><sl-spinner></sl-spinner></div>`;
    return html`<div class="rev" data-testid="calendar-revision">
      <sl-icon name="clock-history"></sl-icon>
      <span
        >日历第 <strong>${this.revision}</strong> 版 · Revision
        ${this.revision}${
          r
            ? html` · 最后保存 last saved by <strong>${r.author}</strong>, ${when(r.createdAt)}`
            : nothing
        }</span
      >
      <sl-dropdown hoist>
        <sl-button slot="trigger" size="small" caret>历史 · History</sl-button>
        <sl-menu class="revlist">
          ${this.revisions
            .slice(0, 12)
            .map(
              (x) =>
                html`<sl-menu-item disabled
                  >#${x.id} ${x.author} · ${when(x.createdAt)}<br /><small
                    >${x.note}</small
                  ></sl-menu-item
                >`,
            )}
        </sl-menu>
      </sl-dropdown>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-calendar-revision': DcCalendarRevision;
  }
}
