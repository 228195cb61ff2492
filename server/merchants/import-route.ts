import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { receiveUpload } from '../media/upload.ts';
import { CATEGORIES } from './categories.ts';
import { merchantChanged } from './change.ts';
import { describeIssue, planImport, type ImportChange } from './import-plan.ts';
import { decodeCsv, isZip, parseCsv, readXlsx, type Sheet } from './sheet.ts';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const importQuery = z.object({
  /** `1`: store the changes; otherwise only say what they would be. */
  apply: z.enum(['0', '1']).optional(),
});

/** The sheet in an uploaded file, CSV or Excel by its bytes rather than its name. */
async function sheetOf(bytes: Uint8Array, name: string): Promise<Sheet> {
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    if (sheet) return sheet;
    throw apiError(
      415,
      'unreadable',
      `file: ${name} 不是有效的 Excel 文件 · is not a readable .xlsx file`,
      {
        field: 'file',
      },
    );
  }
  // The old binary .xls (an OLE2 compound file) and other binaries.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
    throw apiError(
      415,
      'unreadable',
      `file: ${name} 是旧版 .xls，请另存为 .xlsx 或 .csv · save it as .xlsx or .csv`,
      {
        field: 'file',
      },
    );
  if (bytes.includes(0))
    throw apiError(
      415,
      'unreadable',
      `file: ${name} 不是 CSV 或 Excel 文件 · is not a CSV or Excel file`,
      {
        field: 'file',
      },
    );
  return parseCsv(decodeCsv(bytes));
}

const summaryOf = (changes: readonly ImportChange[]) => ({
  create: changes.filter((c) => c.kind === 'create').length,
  update: changes.filter((c) => c.kind === 'update').length,
  unchanged: changes.filter((c) => c.kind === 'unchanged').length,
});

/** The header row of the import template, Chinese and English as the import reads it. */
const TEMPLATE_HEADER = [
  '名称 name',
  '品牌 nameLatin',
  '拼音 pinyin',
  '楼层 floor',
  '铺位 unit',
  '类别 category',
  '开门 opens',
  '关门 closes',
  '电话 phone',
  '联系人 contact',
  '简介 description',
];

/**
 * Merchants from a spreadsheet (CSV or XLSX): first what it would change, row by row, then,
 * with `?apply=1`, the same changes stored at once. Any bad row refuses the whole file, every
 * problem named by its row and column ("第 12 行 C 列 floor: …"), and nothing is stored.
 */
export const importRoutes = new Hono<AppEnv>()
  .get('/merchants/template.csv', allow(STAFF), (c) => {
    const example = [
      '兰亭沙发',
      'LANTING',
      'lan ting sha fa',
      '2F',
      'A201',
      CATEGORIES[0].zh,
      '09:30',
      '18:00',
      '0571-88012201',
      '王经理',
      '真皮沙发',
    ];
    const csv = `\uFEFF${TEMPLATE_HEADER.join(',')}\r\n${example.join(',')}\r\n`;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="merchants-template.csv"`);
    return c.body(csv);
  })
  .post('/merchants/import', allow(BROADCAST), validate('query', importQuery), async (c) => {
    const { ctx } = c.var;
    const apply = c.req.valid('query').apply === '1';
    const received = await receiveUpload(c.req.raw, ctx.images.incoming, MAX_IMPORT_BYTES);
    const file = received.file;
    try {
      if (!file || file.size === 0)
        throw apiError(
          400,
          'invalid',
          'file: 请选择 CSV 或 Excel 文件 · send the file in a form field named "file"',
          {
            field: 'file',
          },
        );
      if (file.truncated)
        throw apiError(413, 'too-large', 'file: 文件不能超过 5 MB · the file is larger than 5 MB', {
          field: 'file',
        });
      const sheet = await sheetOf(await readFile(file.temp), file.originalName || 'file');
      const plan = planImport(sheet, ctx.merchants.list());
      if (!plan.ok)
        throw apiError(400, 'invalid-import', plan.issues.map(describeIssue).join('\n'), {
          issues: plan.issues.map((i) => ({ ...i, text: describeIssue(i) })),
        });
      const toStore = plan.changes.filter(
        (ch): ch is Exclude<ImportChange, { kind: 'unchanged' }> => ch.kind !== 'unchanged',
      );
      if (apply && toStore.length) {
        const writes = toStore.map((ch) =>
          ch.kind === 'update'
            ? {
                kind: 'update' as const,
                id: ch.id,
                data: ch.data,
                fields: ch.fields.map((f) => f.field),
              }
            : { kind: 'create' as const, data: ch.data },
        );
        const ids = ctx.merchants.apply(writes, userOf(c).username, ctx.now());
        const fields = writes.flatMap((w) => (w.kind === 'update' ? w.fields : []));
        merchantChanged(ctx, ids, fields, 'imported');
      }
      return c.json({
        applied: apply,
        file: file.originalName,
        summary: summaryOf(plan.changes),
        changes: plan.changes.map((ch) => ({
          row: ch.row,
          kind: ch.kind,
          name: ch.name,
          ...(ch.kind !== 'create' ? { id: ch.id } : {}),
          ...(ch.kind === 'update' ? { fields: ch.fields } : {}),
        })),
      });
    } finally {
      if (file) await ctx.images.incoming.discard(file.temp);
    }
  });
