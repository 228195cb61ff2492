import { merchantData } from './import-file.ts';
import {
  crossFieldIssues,
  MERCHANT_FIELDS,
  merchantCreateBody,
  type MerchantField,
} from './merchant-fields.ts';
import { columnLetter, type Sheet } from './sheet.ts';
import { changedFields, dataOf, type Merchant, type MerchantData } from './store.ts';

export const MAX_IMPORT_ROWS = 2000;

/** What a column header may say, in Chinese or English (`名称 name` as the template has it). */
const HEADERS: Record<MerchantField | 'id', string[]> = {
  id: ['id', '编号'],
  name: ['name', '名称', '商户名称', '商户', '店名'],
  nameLatin: ['namelatin', 'brand', 'latin', '品牌', '品牌名', '英文名'],
  pinyin: ['pinyin', '拼音'],
  floor: ['floor', '楼层'],
  unit: ['unit', '铺位', '铺位号', '门牌号'],
  category: ['category', '类别', '分类', '品类'],
  opens: ['opens', '开门', '开门时间', '营业开始'],
  closes: ['closes', '关门', '关门时间', '营业结束'],
  phone: ['phone', '电话', '联系电话'],
  contact: ['contact', '联系人'],
  description: ['description', '简介', '介绍', '描述'],
};
type Column = MerchantField | 'id';

/** One problem with an imported file, where a spreadsheet shows it. */
export interface ImportIssue {
  /** 1-based, as the spreadsheet numbers rows (the header is row 1). */
  row: number;
  /** `A`, `B`…; absent when the problem is not in one cell. */
  col?: string;
  field?: string;
  message: string;
}

export interface FieldChange {
  field: MerchantField;
  from: string | null;
  to: string | null;
}

export type ImportChange =
  | { row: number; kind: 'create'; name: string; data: MerchantData }
  | {
      row: number;
      kind: 'update';
      id: number;
      name: string;
      data: MerchantData;
      fields: FieldChange[];
    }
  | { row: number; kind: 'unchanged'; id: number; name: string };

export type ImportPlan =
  { ok: false; issues: ImportIssue[] } | { ok: true; changes: ImportChange[] };

/** `第 12 行 C 列 floor: …`: how a problem is said to the person who made the file. */
export const describeIssue = (i: ImportIssue) =>
  `第 ${i.row} 行${i.col ? ` ${i.col} 列` : ''}${i.field ? ` ${i.field}` : ''}: ${i.message}`;

function columnOf(header: string): Column | undefined {
  const h = header.normalize('NFKC').trim().toLowerCase();
  const tokens = [h.replace(/\s+/g, ''), ...h.split(/[\s·・()（）/|,，:：]+/).filter(Boolean)];
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].some((a) => tokens.includes(a)));
}

/**
 * What importing a sheet would do to the merchants there are: each row a new merchant, an
 * update (matched by `id` if the file has one, else by name) or no change; or, when any row
 * is wrong, every problem at its row and column and nothing to do. Columns the file lacks keep
 * their stored values; an empty cell clears an optional field. Pure.
 */
export function planImport(sheet: Sheet, existing: readonly Merchant[]): ImportPlan {
  const issues: ImportIssue[] = [];
  const header = sheet[0] ?? [];
  const cols = new Map<Column, number>();
  header.forEach((h, i) => {
    if (!h.trim()) return;
    const c = columnOf(h);
    if (!c)
      issues.push({
        row: 1,
        col: columnLetter(i),
        message: `不认识的列「${h}」· unknown column "${h}"`,
      });
    else if (cols.has(c))
      issues.push({
        row: 1,
        col: columnLetter(i),
        message: `「${h}」列重复 · the column "${c}" appears twice`,
      });
    else cols.set(c, i);
  });
  for (const required of ['name', 'floor'] as const)
    if (!cols.has(required))
      issues.push({
        row: 1,
        message: `缺少「${HEADERS[required][1]} ${required}」列 · the file has no ${required} column`,
      });
  const rows = sheet.slice(1).map((cells, i) => ({ number: i + 2, cells }));
  const data = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_IMPORT_ROWS)
    issues.push({
      row: 1,
      message: `最多 ${MAX_IMPORT_ROWS} 行 · at most ${MAX_IMPORT_ROWS} rows`,
    });
  if (issues.length) return { ok: false, issues };
  if (!data.length)
    return {
      ok: false,
      issues: [{ row: 2, message: '文件里没有商户 · the file has no merchants' }],
    };

  const letter = (c: Column) => {
    const i = cols.get(c);
    return i === undefined ? undefined : columnLetter(i);
  };
  const at = (row: number, field: Column, message: string): ImportIssue => {
    const col = letter(field);
    return { row, ...(col ? { col } : {}), field, message };
  };
  const byId = new Map(existing.map((m) => [m.id, m]));
  const byName = new Map(existing.map((m) => [m.name, m]));
  const changes: ImportChange[] = [];
  const namesInFile = new Map<string, number>();
  const claimed = new Map<number, number>();

  for (const { number, cells } of data) {
    const cell = (c: Column) => {
      const i = cols.get(c);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const rowIssues: ImportIssue[] = [];
    let match: Merchant | undefined;
    const idText = cell('id');
    if (idText) {
      match = /^\d+$/.test(idText) ? byId.get(Number(idText)) : undefined;
      if (!match)
        rowIssues.push(
          at(number, 'id', `没有编号为「${idText}」的商户 · no merchant with this id`),
        );
    } else {
      const name = cell('name');
      match = name ? byName.get(name.normalize('NFC')) : undefined;
    }
    // Stored values for the columns the file lacks; the file's cells for the rest.
    const raw: Record<string, unknown> = match ? { ...dataOf(match) } : {};
    for (const f of MERCHANT_FIELDS) {
      const v = cell(f);
      if (v !== undefined) raw[f] = v === '' ? null : v;
    }
    const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
    const parsed = merchantCreateBody.safeParse(given);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '') as Column;
        const missing = i.code === 'invalid_type' && /received undefined$/.test(i.message);
        rowIssues.push(at(number, field, missing ? '必填 · required' : i.message));
      }
    } else {
      for (const x of crossFieldIssues(parsed.data)) rowIssues.push(at(number, x.field, x.message));
      const d = merchantData(parsed.data);
      const twin = namesInFile.get(d.name);
      if (twin !== undefined)
        rowIssues.push(at(number, 'name', `与第 ${twin} 行重名 · the same name as row ${twin}`));
      namesInFile.set(d.name, number);
      const holder = byName.get(d.name);
      if (holder && holder.id !== match?.id)
        rowIssues.push(
          at(
            number,
            'name',
            `已有同名商户（编号 ${holder.id}）· merchant ${holder.id} already has this name`,
          ),
        );
      if (match) {
        const first = claimed.get(match.id);
        if (first !== undefined)
          rowIssues.push(
            at(
              number,
              idText ? 'id' : 'name',
              `与第 ${first} 行是同一商户 · the same merchant as row ${first}`,
            ),
          );
        claimed.set(match.id, number);
      }
      if (!rowIssues.length) changes.push(changeOf(number, match, d));
    }
    issues.push(...rowIssues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, changes };
}

function changeOf(row: number, match: Merchant | undefined, d: MerchantData): ImportChange {
  if (!match) return { row, kind: 'create', name: d.name, data: d };
  const old = dataOf(match);
  const fields = changedFields(old, d).map((field) => ({ field, from: old[field], to: d[field] }));
  return fields.length
    ? { row, kind: 'update', id: match.id, name: d.name, data: d, fields }
    : { row, kind: 'unchanged', id: match.id, name: d.name };
}
