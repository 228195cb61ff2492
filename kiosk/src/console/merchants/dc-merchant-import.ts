import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { ApiError } from '../console-api.ts';
import { sessionContext, type ConsoleSession } from '../console-context.ts';
import { pageStyles } from '../console-styles.ts';
import { toast } from '../toast.ts';
import { formStyles } from './merchant-form-styles.ts';

/** POST /api/merchants/import's answer. */
interface ImportAnswer {
  applied: boolean;
  file: string;
  summary: { create: number; update: number; unchanged: number };
  changes: {
    row: number;
    kind: 'create' | 'update' | 'unchanged';
    name: string;
    id?: number;
    fields?: { field: string; from: string | null; to: string | null }[];
  }[];
}

const KINDS = {
  create: { zh: '新增', en: 'New', variant: 'success' },
  update: { zh: '修改', en: 'Changed', variant: 'primary' },
  unchanged: { zh: '不变', en: 'Unchanged', variant: 'neutral' },
} as const;

/**
 * Merchants from a CSV or Excel file: choose it, see what it would change row by row (or every
 * problem at its row and column), then apply exactly that. Nothing is stored before "apply".
 */
@customElement('dc-merchant-import')
export class DcMerchantImport extends LitElement {
  static override styles = [
    pageStyles,
    formStyles,
    css`
      sl-dialog {
        --width: min(58rem, 96vw);
      }
      .pick {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }
      .problems {
        margin: 0;
        padding-left: 1.2rem;
        max-height: 16rem;
        overflow-y: auto;
      }
      .problems li {
        margin: 0.15rem 0;
      }
      .table-wrap {
        max-height: 22rem;
        overflow: auto;
      }
      .change {
        font-size: 0.8rem;
      }
      .from {
        color: var(--sl-color-neutral-500);
        text-decoration: line-through;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true }) session!: ConsoleSession;
  @state() private _file?: File;
  @state() private _answer?: ImportAnswer;
  @state() private _problems?: string[];
  @state() private _busy = false;

  show(): void {
    this._file = undefined;
    this._answer = undefined;
    this._problems = undefined;
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
      if (input) input.value = '';
      void this.renderRoot.querySelector<SlDialog>('sl-dialog')?.show();
    });
  }

  override render() {
    const a = this._answer;
    const changes = a ? a.summary.create + a.summary.update : 0;
    return html`<sl-dialog label="导入商户 · Import merchants">
      <div class="pick">
        <input
          type="file"
          name="import"
          hidden
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          @change=${this._pick}
        />
        <sl-button
          @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[name=import]')?.click()}
        >
          <sl-icon slot="prefix" name="folder2-open"></sl-icon>选择 CSV 或 Excel 文件 · Choose a
          file
        </sl-button>
        ${this._file ? html`<strong>${this._file.name}</strong>` : nothing}
        <a href="/api/merchants/template.csv" download>
          <sl-icon name="download"></sl-icon> 下载模板 · Template (CSV)
        </a>
      </div>
      <div class="hint" style="margin-bottom:0.75rem">
        第一行为列名（名称、楼层必填）；按「编号 id」列或名称匹配已有商户。先预览，确认后再导入。·
        Row 1 names the columns (name and floor required); existing merchants are matched by id or
        name. Nothing is stored until you apply.
      </div>
      ${this._problems ? this._problemList(this._problems) : nothing}
      ${a ? this._preview(a) : nothing}
      <sl-button slot="footer" @click=${() => void this._hide()}>关闭 · Close</sl-button>
      <sl-button
        slot="footer"
        data-testid="import-preview"
        ?disabled=${!this._file || this._busy}
        @click=${() => void this._send(false)}
      >
        <sl-icon slot="prefix" name="eye"></sl-icon>预览 · Preview
      </sl-button>
      <sl-button
        slot="footer"
        variant="primary"
        data-testid="import-apply"
        ?disabled=${!a || a.applied || changes === 0 || this._busy}
        ?loading=${this._busy}
        @click=${() => void this._send(true)}
      >
        <sl-icon slot="prefix" name="box-arrow-in-down"></sl-icon>导入 ${changes} 个 · Apply
      </sl-button>
    </sl-dialog>`;
  }

  private _problemList(lines: string[]) {
    return html`<sl-alert variant="danger" open data-testid="import-problems">
      <sl-icon slot="icon" name="exclamation-octagon"></sl-icon>
      <strong>文件有 ${lines.length} 处问题，未导入任何内容 · Nothing was imported</strong>
      <ul class="problems">
        ${lines.map((l) => html`<li>${l}</li>`)}
      </ul>
    </sl-alert>`;
  }

  private _preview(a: ImportAnswer) {
    const s = a.summary;
    return html`<div class="row" style="margin-bottom:0.5rem">
        ${
          a.applied
            ? html`<sl-tag variant="success">已导入 · Applied</sl-tag>`
            : html`<sl-tag variant="warning">预览，尚未导入 · Preview only</sl-tag>`
        }
        <span>新增 ${s.create} · 修改 ${s.update} · 不变 ${s.unchanged}</span>
      </div>
      <div class="table-wrap card" style="padding:0">
        <table data-testid="import-changes">
          <thead>
            <tr>
              <th class="num">行<span class="en">Row</span></th>
              <th>变化<span class="en">Change</span></th>
              <th>商户<span class="en">Merchant</span></th>
              <th>内容<span class="en">What changes</span></th>
            </tr>
          </thead>
          <tbody>
            ${a.changes.map((c) => {
              const k = KINDS[c.kind];
              return html`<tr>
                <td class="num">${c.row}</td>
                <td><sl-tag size="small" variant=${k.variant}>${k.zh} · ${k.en}</sl-tag></td>
                <td>${c.name}</td>
                <td class="change">
                  ${(c.fields ?? []).map(
                    (f) =>
                      html`<div>
                        ${f.field}: <span class="from">${f.from ?? '（空）'}</span> →
                        ${f.to ?? '（空）'}
                      </div>`,
                  )}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private _pick = (e: Event) => {
    this._file = (e.target as HTMLInputElement).files?.[0];
    this._answer = undefined;
    this._problems = undefined;
    if (this._file) void this._send(false);
  };

  private async _send(apply: boolean): Promise<void> {
    const file = this._file;
    if (!file || this._busy) return;
    this._busy = true;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const a = await this.session.api.upload<ImportAnswer>(
        `/api/merchants/import${apply ? '?apply=1' : ''}`,
        form,
      );
      this._answer = a;
      this._problems = undefined;
      if (apply) {
        toast(
          'success',
          `已导入 ${a.summary.create + a.summary.update} 个商户 · Merchants imported`,
          `新增 ${a.summary.create}，修改 ${a.summary.update} · ${a.file}`,
        );
        this.dispatchEvent(
          new CustomEvent('merchants-imported', { bubbles: true, composed: true }),
        );
      } else toast('primary', '预览完成，尚未导入 · Preview ready, nothing stored yet');
    } catch (err) {
      this._answer = undefined;
      this._problems =
        err instanceof ApiError ? err.message.split('\n') : [String((err as Error).message)];
      toast('danger', '文件未导入 · The file was not imported', this._problems[0]);
    } finally {
      this._busy = false;
    }
  }

  private async _hide(): Promise<void> {
    await this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-merchant-import': DcMerchantImport;
  }
}
