import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import type { LevelChange } from './dc-level-input.ts';
import { SLOT_TYPES, type SlotRow } from './program-model.ts';
import {
  defaultLevelText,
  problemRow,
  problemsIn,
  programFormStyles,
} from './program-form-styles.ts';
import type { Levels, Problem } from './program-types.ts';
import type { ValueEdit } from './dc-program-day.ts';
import './dc-level-input.ts';

/**
 * The program's slots as a table: what each is, the playlist it plays (or plays under its
 * speech), its PA level with the range the seed allows, how often an event script repeats.
 * Changes go up as `value-edit` (a path in program.yaml and its new value).
 */
@customElement('dc-program-slots')
export class DcProgramSlots extends LitElement {
  static override styles = [
    pageStyles,
    programFormStyles,
    css`
      sl-input.repeat {
        width: 5rem;
      }
    `,
  ];

  @property({ attribute: false }) slots: readonly SlotRow[] = [];
  @property({ attribute: false }) playlists: readonly string[] = [];
  @property({ attribute: false }) levels: Record<string, Levels> = {};
  @property({ attribute: false }) problems: readonly Problem[] = [];

  override render() {
    return html`<div class="table-wrap">
      <table data-testid="slots">
        <thead>
          <tr>
            <th>时段<span class="en">Slot</span></th>
            <th>类型<span class="en">Type</span></th>
            <th>播放列表<span class="en">Playlist</span></th>
            <th>音量<span class="en">Volume (PA level)</span></th>
            <th>每条遍数<span class="en">Plays each</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.slots.map((s) => this._row(s))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(s: SlotRow) {
    const found = problemsIn(this.problems, s.lines);
    const type = SLOT_TYPES[s.type];
    return html`<tr class=${found.length ? 'has-problems' : ''} data-slot=${s.name}>
        <td class="name">
          <div>${s.title ?? s.name}</div>
          <div class="code">${s.name}</div>
        </td>
        <td>
          ${
            type
              ? html`${type.zh}
                  <div class="code">${type.en}</div>`
              : s.type
          }
        </td>
        <td>${this._playlist(s)}</td>
        <td>
          <dc-level-input
            name=${`volume:slots.${s.name}`}
            .level=${s.volume}
            .levels=${this.levels[s.name]}
            placeholder=${defaultLevelText(undefined, this.levels[s.name])}
            @level-change=${(e: CustomEvent<LevelChange>) =>
              this._edit(['slots', s.name, 'volume'], e.detail.level)}
          ></dc-level-input>
        </td>
        <td>
          ${
            s.type === 'event-announcement'
              ? html`<sl-input
                  class="repeat"
                  type="number"
                  size="small"
                  min="1"
                  max="10"
                  name=${`repeat:${s.name}`}
                  aria-label="每条遍数 · Plays each"
                  placeholder="2"
                  .value=${s.repeat === undefined ? '' : String(s.repeat)}
                  @sl-input=${(e: Event) => {
                    const v = (e.target as HTMLInputElement).value;
                    const n = Number(v);
                    if (v === '') this._edit(['slots', s.name, 'repeat'], undefined);
                    else if (Number.isInteger(n) && n >= 1 && n <= 10)
                      this._edit(['slots', s.name, 'repeat'], n);
                  }}
                ></sl-input>`
              : html`<span class="muted">—</span>`
          }
        </td>
      </tr>
      ${problemRow(found, 5)}`;
  }

  private _playlist(s: SlotRow) {
    const key =
      s.type === 'music'
        ? 'playlist'
        : s.type === 'promos' || s.type === 'weather'
          ? 'bed'
          : undefined;
    if (!key) return html`<span class="muted">—</span>`;
    const value = s[key] ?? '';
    return html`<sl-select
        size="small"
        class="narrow"
        name=${`${key}:${s.name}`}
        aria-label="播放列表 · Playlist"
        .value=${value}
        ?clearable=${key === 'bed'}
        @sl-change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this._edit(['slots', s.name, key], v || undefined);
        }}
      >
        ${this.playlists.map((p) => html`<sl-option value=${p}>${p}</sl-option>`)}
      </sl-select>
      ${key === 'bed' ? html`<div class="note">播音下的垫乐 · music under the speech</div>` : nothing}`;
  }

  private _edit(path: (string | number)[], value: string | number | undefined): void {
    this.dispatchEvent(
      new CustomEvent<ValueEdit>('value-edit', {
        detail: { path, value },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-program-slots': DcProgramSlots;
  }
}
