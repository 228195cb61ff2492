import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PlanChange } from './program-types.ts';

const WHAT: Record<PlanChange['what'], { zh: string; en: string; icon: string }> = {
  volume: { zh: '音量', en: 'volume', icon: 'volume-up' },
  time: { zh: '时间改变', en: 'moved', icon: 'clock' },
  content: { zh: '内容改变', en: 'other content', icon: 'music-note-list' },
  added: { zh: '新增', en: 'added', icon: 'plus-circle' },
  removed: { zh: '取消', en: 'removed', icon: 'dash-circle' },
};

/**
 * What the edit changes in the previewed date's plan, against what the players have now:
 * `迎宾曲 · 音量 volume 22 → 23 · 7 条 items`.
 */
@customElement('dc-program-changes')
export class DcProgramChanges extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.85rem;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
    }
    li sl-icon {
      vertical-align: -2px;
      color: var(--sl-color-primary-600);
      margin-right: 0.2rem;
    }
    .head {
      font-weight: 600;
      margin-right: 0.5rem;
    }
    .n {
      color: var(--sl-color-neutral-500);
    }
    .none {
      color: var(--sl-color-neutral-500);
    }
  `;

  @property({ attribute: false }) changes: readonly PlanChange[] = [];

  override render() {
    if (this.changes.length === 0)
      return html`<div class="none" data-testid="plan-changes">
        这一天的节目没有变化 · No change to this day's plan
      </div>`;
    return html`<ul data-testid="plan-changes">
      <li class="head">与正在播出的相比 · Against what plays now:</li>
      ${this.changes.map((c) => {
        const w = WHAT[c.what];
        const level = c.what === 'volume' ? ` ${c.from} → ${c.to}` : '';
        return html`<li>
          <sl-icon name=${w.icon}></sl-icon><strong>${c.title}</strong> · ${w.zh} ${w.en}${level}
          <span class="n">· ${c.items} 条 items</span>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-changes': DcProgramChanges;
  }
}
