import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../console-styles.ts';
import type { Draft } from './announce-draft.ts';
import { announceStyles } from './announce-styles.ts';
import { PRIORITY_NAMES, type Player, type Priority } from './announce-types.ts';

const PRIORITY_HELP: Record<Priority, string> = {
  normal: '等正在播的节目讲话结束后播出，音乐压低 · Waits for program speech; music dips under it',
  urgent: '立即插播，打断节目讲话，音乐压低 · Cuts in at once over program speech',
  emergency:
    '立即插播并停止一切音乐和节目，直到播完 · Stops all music and the program until it has played',
};

const change = (host: HTMLElement, detail: Partial<Draft>) =>
  host.dispatchEvent(new CustomEvent('draft-change', { detail, bubbles: true, composed: true }));

const value = (e: Event) => (e.target as HTMLInputElement).value;

/**
 * How an announcement goes out: now or at a time on the mall's clocks, how many times and with
 * what pause, how urgently, and to which players.
 */
@customElement('dc-announce-options')
export class DcAnnounceOptions extends LitElement {
  static override styles = [
    pageStyles,
    announceStyles,
    css`
      .zone {
        font-size: 0.8rem;
        color: var(--sl-color-neutral-500);
      }
      .priority-help {
        font-size: 0.8rem;
        margin-top: 0.35rem;
        color: var(--sl-color-neutral-600);
      }
      .priority-help.emergency {
        color: var(--sl-color-danger-600);
        font-weight: 600;
      }
      sl-select.unit {
        flex: 0 0 7rem;
      }
    `,
  ];

  @property({ attribute: false }) draft!: Draft;
  @property({ attribute: false }) players?: Player[];
  @property({ attribute: false }) errors: Record<string, string> = {};
  /** The mall's zone: the time typed is the mall's, whatever the browser's zone. */
  @property() zone = '';

  override render() {
    const d = this.draft;
    const e = this.errors;
    return html`<div class="field">
        <sl-radio-group
          name="when"
          label="播出时间 · When"
          value=${d.when}
          @sl-change=${(ev: Event) => change(this, { when: value(ev) as Draft['when'] })}
        >
          <sl-radio-button value="now"
            ><sl-icon slot="prefix" name="lightning"></sl-icon>立即 · Now</sl-radio-button
          >
          <sl-radio-button value="at"
            ><sl-icon slot="prefix" name="clock"></sl-icon>定时 · At a time</sl-radio-button
          >
        </sl-radio-group>
        ${
          d.when === 'at'
            ? html`<div class="inline" style="margin-top:0.6rem">
                  <sl-input
                    name="date"
                    type="date"
                    label="日期 · Date"
                    class=${e['at'] ? 'invalid' : ''}
                    .value=${d.date}
                    @sl-change=${(ev: Event) => change(this, { date: value(ev) })}
                  ></sl-input>
                  <sl-input
                    name="time"
                    type="time"
                    label="时间 · Time"
                    class=${e['at'] ? 'invalid' : ''}
                    .value=${d.time}
                    @sl-change=${(ev: Event) => change(this, { time: value(ev) })}
                  ></sl-input>
                </div>
                ${e['at'] ? html`<div class="error" data-field="at">${e['at']}</div>` : nothing}
                <div class="zone">商场时间 · Mall time (${this.zone})</div>`
            : nothing
        }
      </div>
      <div class="field inline">
        <sl-input
          name="repeat"
          type="number"
          min="1"
          max="10"
          label="播放次数 · Plays"
          class=${e['repeat'] ? 'invalid' : ''}
          help-text=${e['repeat'] ?? '1–10'}
          .value=${String(d.repeat)}
          @sl-input=${(ev: Event) => change(this, { repeat: Number(value(ev)) })}
        ></sl-input>
        <sl-input
          name="interval"
          type="number"
          min="0"
          label="间隔 · Pause"
          class=${e['intervalS'] ? 'invalid' : ''}
          help-text=${e['intervalS'] ?? (d.repeat > 1 ? '最长 1 小时 · Up to an hour' : '只播一次时不用 · Only for repeats')}
          ?disabled=${d.repeat <= 1}
          .value=${String(d.interval)}
          @sl-input=${(ev: Event) => change(this, { interval: Number(value(ev)) })}
        ></sl-input>
        <sl-select
          class="unit"
          name="interval-unit"
          label="单位 · Unit"
          ?disabled=${d.repeat <= 1}
          .value=${d.intervalUnit}
          @sl-change=${(ev: Event) =>
            change(this, { intervalUnit: value(ev) as Draft['intervalUnit'] })}
        >
          <sl-option value="s">秒 · s</sl-option>
          <sl-option value="min">分钟 · min</sl-option>
        </sl-select>
      </div>
      <div class="field">
        <sl-radio-group
          name="priority"
          label="优先级 · Priority"
          value=${d.priority}
          @sl-change=${(ev: Event) => change(this, { priority: value(ev) as Priority })}
        >
          ${(Object.keys(PRIORITY_NAMES) as Priority[]).map(
            (p) =>
              html`<sl-radio-button value=${p}
                >${PRIORITY_NAMES[p].zh} · ${PRIORITY_NAMES[p].en}</sl-radio-button
              >`,
          )}
        </sl-radio-group>
        <div class="priority-help ${d.priority}">${PRIORITY_HELP[d.priority]}</div>
        ${e['priority'] ? html`<div class="error">${e['priority']}</div>` : nothing}
      </div>
      <div class="field">${this._targets(d)}</div>`;
  }

  private _targets(d: Draft) {
    const error = Object.entries(this.errors).find(([k]) => k.startsWith('targets'))?.[1];
    const players = this.players;
    return html`<sl-radio-group
        name="targets"
        label="播放器 · Players"
        value=${d.targets}
        @sl-change=${(ev: Event) => change(this, { targets: value(ev) as Draft['targets'] })}
      >
        <sl-radio-button value="all">全部播放器 · All players</sl-radio-button>
        <sl-radio-button value="some" ?disabled=${!players?.length}
          >指定播放器 · Chosen players</sl-radio-button
        >
      </sl-radio-group>
      ${
        d.targets === 'some'
          ? html`<sl-select
              name="target-ids"
              multiple
              clearable
              style="margin-top:0.6rem"
              class=${error ? 'invalid' : ''}
              placeholder="选择播放器 · Choose players"
              help-text=${error ?? ''}
              .value=${d.targetIds.map(String)}
              @sl-change=${(ev: Event) =>
                change(this, {
                  targetIds: ((ev.target as HTMLSelectElement).value as unknown as string[]).map(
                    Number,
                  ),
                })}
            >
              ${(players ?? []).map(
                (p) => html`<sl-option value=${String(p.id)}>${p.name}</sl-option>`,
              )}
            </sl-select>`
          : error
            ? html`<div class="error">${error}</div>`
            : nothing
      }
      ${
        players && players.length === 0
          ? html`<div class="hint">
              还没有登记的播放器 · No player is registered yet (人员与设备 · People & devices)
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-announce-options': DcAnnounceOptions;
  }
}
