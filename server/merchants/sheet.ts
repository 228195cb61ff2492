import type ExcelJSType from 'exceljs';

/** A spreadsheet as rows of cell texts: row 1 is the header. Empty cells are ''. */
export type Sheet = string[][];

/** `A`, `B`… `Z`, `AA`: a 0-based column's letter as Excel shows it. Pure. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The text of a CSV file. Excel on a Chinese Windows saves "CSV" in GB18030, not UTF-8: bytes
 * that are not valid UTF-8 are read as GB18030. A byte-order mark is dropped.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Pure. */
export function parseCsv(text: string): Sheet {
  const rows: Sheet = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A cell as the text a person sees in it (a time typed as 9:30 is a date to Excel). */
function cellText(value: ExcelJSType.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Times alone are dates on Excel's day zero (1899-12-30), in UTC as exceljs reads them.
    return iso.startsWith('1899-12-3') ? iso.slice(11, 16) : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJSType.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx file; undefined when the bytes are not one. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet | undefined> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: Sheet = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** An .xlsx file is a zip: it starts with `PK\3\4`. */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
