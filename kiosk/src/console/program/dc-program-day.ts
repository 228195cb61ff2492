import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import type { LevelChange } from './dc-level-input.ts';
import {
  DAY_TYPE_NAMES,
  newRowFields,
  timingOf,
  type DayTypeView,
  type ItemRow,
  type SlotRow,
} from './program-model.ts';
import {
  defaultLevelText,
  problemRow,
  problemsIn,
  programFormStyles,
} from './program-form-styles.ts';
import type { Levels, Problem } from './program-types.ts';
import './dc-level-input.ts';

/** Detail of `value-edit`: a value of program.yaml to set (undefined: to remove). */
export interface ValueEdit {
  path: (string | number)[];
  value: string | number | undefined;
}
/** Detail of `row-add` and `row-remove`: a row of a day type's items. */
export interface RowAdd {
  path: (string | number)[];
  fields: Record<string, string>;
}
export interface RowRemove {
  path: (string | number)[];
  index: number;
}

const ANCHORS = [
  ['onAir', '开播', 'On air'],
  ['opening', '开门', 'Opening'],
  ['closing', '关门', 'Closing'],
] as const;

/** `30m` as words: 每 30 分钟 · every 30 min. */
function everyText(every: string): string {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(every);
  if (!m || (!m[1] && !m[2])) return every;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return `每 ${minutes} 分钟 · every ${minutes} min`;
}

const TIMES = ['一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * One day type's program as rows: its anchors (on air, opening, closing), then each item with
 * its time, slot, playlist, level and interval, the server's problems under the row they are
 * on. An overlay shows what it changes on top of the normal day.
 */
@customElement('dc-program-day')
export class DcProgramDay extends LitElement {
  static override styles = [
    pageStyles,
    programFormStyles,
    css`
      .anchors {
        display: flex;
        gap: 0.75rem;
        flex-wrap: wrap;
        align-items: flex-end;
        margin-bottom: 0.75rem;
      }
      .anchors sl-input {
        width: 8.5rem;
      }
      .intro {
        font-size: 0.82rem;
        color: var(--sl-color-neutral-600);
        margin-bottom: 0.5rem;
      }
      .foot {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
        margin-top: 0.6rem;
      }
      .removed sl-tag {
        margin-right: 0.25rem;
      }
    `,
  ];

  @property({ attribute: false }) day!: DayTypeView;
  /** The normal day: the anchors an overlay keeps when it sets none. */
  @property({ attribute: false }) normal!: DayTypeView;
  @property({ attribute: false }) slots: readonly SlotRow[] = [];
  @property({ attribute: false }) playlists: readonly string[] = [];
  @property({ attribute: false }) levels: Record<string, Levels> = {};
  @property({ attribute: false }) problems: readonly Problem[] = [];

  override render() {
    const d = this.day;
    const overlay = d.name !== 'normal';
    return html`<div class="intro">${DAY_TYPE_NAMES[d.name].note}</div>
      <div class="anchors">
        ${ANCHORS.map(
          ([key, zh, en]) =>
            html`<sl-input
              size="small"
              name=${`${d.name}.${key}`}
              label=${`${zh} · ${en}`}
              placeholder=${overlay ? `同平日 ${this.normal[key] ?? ''}` : 'HH:MM'}
              .value=${d[key] ?? ''}
              @sl-input=${(e: Event) =>
                this._edit(
                  ['dayTypes', d.name, key],
                  (e.target as HTMLInputElement).value.trim() || undefined,
                )}
            ></sl-input>`,
        )}
      </div>
      ${
        d.items.length === 0
          ? html`<div class="empty" data-testid="no-rows">
              ${overlay ? '与平日相同，没有增加的节目 · As the normal day: nothing added' : '没有节目 · No items'}
            </div>`
          : this._table(d)
      }
      <div class="foot">
        <sl-dropdown>
          <sl-button slot="trigger" size="small" caret>
            <sl-icon slot="prefix" name="plus-lg"></sl-icon>添加节目 · Add item
          </sl-button>
          <sl-menu
            @sl-select=${(e: CustomEvent<{ item: { value: string } }>) => this._add(e.detail.item.value)}
          >
            ${this.slots.map(
              (s) =>
                html`<sl-menu-item value=${s.name}
                  >${s.title ?? s.name}
                  <span class="code" slot="suffix">${s.name}</span></sl-menu-item
                >`,
            )}
          </sl-menu>
        </sl-dropdown>
        ${
          overlay && d.remove.length
            ? html`<span class="removed" data-testid="removed"
                >不播的平日节目 · Normal items not played:
                ${d.remove.map((id) => html`<sl-tag size="small">${id}</sl-tag>`)}</span
              >`
            : nothing
        }
      </div>`;
  }

  private _table(d: DayTypeView) {
    return html`<div class="table-wrap">
      <table data-testid=${`rows-${d.name}`}>
        <thead>
          <tr>
            <th>时间<span class="en">Time</span></th>
            <th>时段<span class="en">Slot</span></th>
            <th>播放列表<span class="en">Playlist</span></th>
            <th>音量<span class="en">Volume</span></th>
            <th>间隔<span class="en">Interval</span></th>
            <th><span class="en">&nbsp;</span></th>
          </tr>
        </thead>
        <tbody>
          ${d.items.map((row) => this._row(d, row))}
        </tbody>
      </table>
    </div>`;
  }

  private _row(d: DayTypeView, row: ItemRow) {
    const at = (...rest: (string | number)[]) => ['dayTypes', d.name, 'items', row.index, ...rest];
    const slot = this.slots.find((s) => s.name === row.slot);
    const found = problemsIn(this.problems, row.lines);
    const slotLevels = this.levels[row.slot];
    const levels = row.playlist
      ? (slotLevels?.playlists?.[row.playlist] ?? slotLevels)
      : slotLevels;
    const time = (key: 'at' | 'from' | 'until', label: string) =>
      html`<sl-input
        size="small"
        name=${`${d.name}.${row.index}.${key}`}
        aria-label=${label}
        placeholder=${key === 'at' ? 'HH:MM' : label}
        .value=${row[key] ?? ''}
        @sl-input=${(e: Event) => this._edit(at(key), (e.target as HTMLInputElement).value.trim() || undefined)}
      ></sl-input>`;
    const moment = row.at !== undefined || timingOf(slot?.type) === 'moment';
    return html`<tr
        class=${found.length ? 'has-problems' : ''}
        data-row=${`${d.name}.${row.index}`}
      >
        <td>
          <div class="times">
            ${moment ? time('at', '时间 · At') : html`${time('from', '从 · From')}–${time('until', '到 · Until')}`}
          </div>
          ${row.id ? html`<div class="code">${row.id}</div>` : nothing}
        </td>
        <td>
          <sl-select
            size="small"
            name=${`${d.name}.${row.index}.slot`}
            aria-label="时段 · Slot"
            .value=${row.slot}
            @sl-change=${(e: Event) => this._edit(at('slot'), (e.target as HTMLSelectElement).value)}
          >
            ${this.slots.map((s) => html`<sl-option value=${s.name}>${s.title ?? s.name}</sl-option>`)}
          </sl-select>
        </td>
        <td>${this._playlist(row, slot, at('playlist'))}</td>
        <td>
          <dc-level-input
            name=${`volume:${d.name}.${row.index}`}
            .level=${row.volume}
            .levels=${levels}
            placeholder=${defaultLevelText(slot?.volume, levels)}
            @level-change=${(e: CustomEvent<LevelChange>) => this._edit(at('volume'), e.detail.level)}
          ></dc-level-input>
        </td>
        <td>${this._interval(row, slot, at)}</td>
        <td>
          <sl-icon-button
            name="trash"
            label="删除这一行 · Remove this row"
            @click=${() => this._remove(d, row.index)}
          ></sl-icon-button>
        </td>
      </tr>
      ${problemRow(found, 6)}`;
  }

  private _playlist(row: ItemRow, slot: SlotRow | undefined, path: (string | number)[]) {
    if (slot?.type !== 'music') return html`<span class="muted">—</span>`;
    return html`<sl-select
      size="small"
      class="narrow"
      name=${`playlist:${path.slice(1, 2)}.${row.index}`}
      aria-label="播放列表 · Playlist"
      placeholder=${slot.playlist}
      clearable
      .value=${row.playlist ?? ''}
      @sl-change=${(e: Event) => this._edit(path, (e.target as HTMLSelectElement).value || undefined)}
    >
      ${this.playlists.map((p) => html`<sl-option value=${p}>${p}</sl-option>`)}
    </sl-select>`;
  }

  private _interval(
    row: ItemRow,
    slot: SlotRow | undefined,
    at: (...r: string[]) => (string | number)[],
  ) {
    if (slot?.type === 'event-announcement' && row.at === undefined) {
      const repeat = slot.repeat ?? 2;
      return html`<sl-input
          class="every"
          size="small"
          name=${`every:${row.index}`}
          aria-label="间隔 · Every"
          placeholder="30m"
          .value=${row.every ?? ''}
          @sl-input=${(e: Event) => this._edit(at('every'), (e.target as HTMLInputElement).value.trim() || undefined)}
        ></sl-input>
        <div class="note" data-testid="interval">
          ${row.every ? everyText(row.every) : ''}，每条${TIMES[repeat - 1] ?? repeat}遍 · each
          script ${repeat === 2 ? 'twice' : `${repeat}×`}
        </div>`;
    }
    if (row.at !== undefined)
      return html`<sl-input
          class="every"
          size="small"
          name=${`window:${row.index}`}
          aria-label="最多推迟 · May wait"
          placeholder="—"
          .value=${row.window ?? ''}
          @sl-input=${(e: Event) => this._edit(at('window'), (e.target as HTMLInputElement).value.trim() || undefined)}
        ></sl-input>
        <div class="note">最多推迟 · may wait</div>`;
    return html`<span class="muted">—</span>`;
  }

  private _add(slotName: string): void {
    const slot = this.slots.find((s) => s.name === slotName);
    if (!slot) return;
    this.dispatchEvent(
      new CustomEvent<RowAdd>('row-add', {
        detail: {
          path: ['dayTypes', this.day.name, 'items'],
          fields: newRowFields(this.day, slot),
        },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _remove(d: DayTypeView, index: number): void {
    this.dispatchEvent(
      new CustomEvent<RowRemove>('row-remove', {
        detail: { path: ['dayTypes', d.name, 'items'], index },
        bubbles: true,
        composed: true,
      }),
    );
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
    'dc-program-day': DcProgramDay;
  }
}
