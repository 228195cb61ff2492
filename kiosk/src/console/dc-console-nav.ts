import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Role } from './console-context.ts';
import { GROUPS, pagesFor } from './nav.ts';
import type { NavBadge } from './nav-badges.ts';

/** The side navigation: the pages this role may use, grouped, the current one marked. */
@customElement('dc-console-nav')
export class DcConsoleNav extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 0.75rem 0.5rem;
    }
    .group {
      margin: 0.8rem 0.75rem 0.25rem;
      font-size: 0.72rem;
      letter-spacing: 0.04em;
      color: #8fa6bb;
      text-transform: uppercase;
    }
    a {
      display: flex;
      align-items: center;
      gap: 0.7rem;
      padding: 0.45rem 0.75rem;
      margin: 0.08rem 0;
      border-radius: var(--sl-border-radius-medium);
      color: #dbe6ef;
      text-decoration: none;
      line-height: 1.2;
    }
    a:hover {
      background: rgba(255, 255, 255, 0.07);
    }
    a[aria-current='page'] {
      background: var(--sl-color-primary-600);
      color: #fff;
    }
    sl-icon {
      font-size: 1.15rem;
      flex: none;
    }
    sl-badge {
      margin-left: auto;
    }
    .en {
      display: block;
      font-size: 0.72rem;
      opacity: 0.7;
    }
  `;

  @property({ attribute: 'user-role' }) userRole: Role = 'desk';
  @property() current = '';
  /** Page path → the count its item shows (overdue and due soon, say). */
  @property({ attribute: false }) badges = new Map<string, NavBadge>();

  override render() {
    const pages = pagesFor(this.userRole);
    const groups = [...new Set(pages.map((p) => p.group))];
    return html`<nav aria-label="导航 · Navigation">
      ${groups.map(
        (g) =>
          html`<div class="group">${GROUPS[g].zh} · ${GROUPS[g].en}</div>
            ${pages
              .filter((p) => p.group === g)
              .map(
                (p) =>
                  html`<a
                    href="/console/${p.path}"
                    data-page=${p.path}
                    aria-current=${p.path === this.current ? 'page' : 'false'}
                  >
                    <sl-icon name=${p.icon}></sl-icon>
                    <span>${p.zh}<span class="en">${p.en}</span></span>
                    ${this._badge(p.path)}
                  </a>`,
              )}`,
      )}
    </nav>`;
  }

  private _badge(path: string) {
    const b = this.badges.get(path);
    return b
      ? html`<sl-badge variant=${b.variant} pill data-testid="nav-badge" title="${b.zh} · ${b.en}"
          >${b.count}</sl-badge
        >`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-console-nav': DcConsoleNav;
  }
}
